"""Notices as WeChat subscribe messages: each template keyword filled and fitted to its type.

A keyword WeChat would refuse what we have for it (no ETA for a `date` keyword, an event
time that is no time) makes the template unfit for that notice: `fits` says so before any
credit is spent, and the notifier picks another template instead of sending a placeholder.
"""

from __future__ import annotations

import logging

from backend.adapters.wechat import message_fields
from backend.adapters.wechat.client import WeChatClient
from backend.adapters.wechat.errors import InvalidDataError
from backend.adapters.wechat.templates import Template, keyword_type
from backend.domain.notices import Notice
from backend.ports import MessageTemplate

log = logging.getLogger(__name__)

# Our language codes -> WeChat's `lang` ("进入小程序查看" in the reader's language).
WECHAT_LANGS = {"zh": "zh_CN", "en": "en_US"}


def build_data(template: Template, notice: Notice) -> dict[str, dict[str, str]] | None:
    """{keyword: {"value": ...}} WeChat accepts, or None when this template cannot carry it.

    Each keyword takes the first of the notice's texts that fits it whole: texts are
    written for the message, never cut to fit.
    """
    data: dict[str, dict[str, str]] = {}
    for keyword, role in template.fields.items():
        value = next(
            (
                fitted
                for text in _texts(keyword, role, notice)
                if (fitted := message_fields.fit(keyword, text)) is not None
            ),
            None,
        )
        if value is None:
            log.info(
                "template %s cannot carry %s (%s) for %s", template.id, role, keyword, notice.number
            )
            return None
        data[keyword] = {"value": value}
    return data


def _texts(keyword: str, role: str, notice: Notice) -> tuple[str, ...]:
    kind = keyword_type(keyword)
    # A phrase keyword takes at most five Chinese characters: a status has its own phrase.
    if role == "status" and kind == "phrase":
        return (message_fields.phrase_for(notice.status, notice.moment),)
    if kind in ("date", "time") and role in ("time", "eta"):
        return (notice.moment_of(role),)  # "" when there is none: the keyword cannot be filled
    return notice.choices(role)


class SubscribeMessenger:
    """The Messenger port on WeChat's subscribe/send."""

    def __init__(self, client: WeChatClient) -> None:
        self._client = client

    def fits(self, template: MessageTemplate, notice: Notice) -> bool:
        return build_data(_configured(template), notice) is not None

    def send_notice(
        self, openid: str, template: MessageTemplate, notice: Notice, page: str, state: str
    ) -> str:
        data = build_data(_configured(template), notice)
        if data is None:  # the notifier asks `fits` first; this is a programming error
            raise InvalidDataError(47003, f"template {template.id} cannot carry this notice")
        return self._client.send_subscribe_message(
            openid,
            template.id,
            data,
            page=page,
            state=state,
            lang=WECHAT_LANGS.get(notice.lang, "zh_CN"),
        )


def _configured(template: MessageTemplate) -> Template:
    """The port hands back the templates bootstrap configured; only those have keywords."""
    if not isinstance(template, Template):
        raise TypeError(f"not a configured WeChat template: {template!r}")
    return template
