"""Notices as WeChat subscribe messages: each template keyword filled and fitted to its type."""

from __future__ import annotations

from backend.adapters.wechat import message_fields
from backend.adapters.wechat.client import WeChatClient
from backend.adapters.wechat.templates import Template, keyword_type
from backend.domain.notices import Notice


def build_data(template: Template, notice: Notice) -> dict[str, dict[str, str]]:
    """The template's keywords filled from our roles and fitted to their WeChat types."""
    return {
        keyword: {"value": message_fields.fit(keyword, _text(keyword, role, notice))}
        for keyword, role in template.fields.items()
    }


def _text(keyword: str, role: str, notice: Notice) -> str:
    # A phrase keyword takes at most five Chinese characters: a status has its own phrase.
    if role == "status" and keyword_type(keyword) == "phrase":
        return message_fields.STATUS_PHRASES[notice.status]
    return notice.text(role)


class SubscribeMessenger:
    """The Messenger port on WeChat's subscribe/send."""

    def __init__(self, client: WeChatClient) -> None:
        self._client = client

    def send_notice(
        self, openid: str, template: Template, notice: Notice, page: str, state: str
    ) -> str:
        data = build_data(template, notice)
        return self._client.send_subscribe_message(
            openid, template.id, data, page=page, state=state
        )
