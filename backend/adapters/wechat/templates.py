"""Subscribe-message templates: which template serves which event, and how to parse them."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from backend.domain.notices import ROLES

# Events a template can serve (config/example.env documents them for operators).
EVENTS = ("status_change", "out_for_delivery", "delivered", "attention")
# Keyword types of WeChat's template library; a keyword is its type plus a number ("thing4").
KEYWORD_TYPES = (
    "thing",
    "number",
    "letter",
    "symbol",
    "character_string",
    "time",
    "date",
    "amount",
    "phone_number",
    "car_number",
    "name",
    "phrase",
    "enum",
    "enum_string",
)
_KEYWORD = re.compile(r"^([a-z_]+?)(\d+)$")


class TemplateConfigError(ValueError):
    """WECHAT_TEMPLATES does not describe a usable list of templates."""


@dataclass(frozen=True)
class Template:
    """One subscribe-message template as configured: id, event, title, keyword -> role."""

    id: str
    event: str
    title: str
    fields: Mapping[str, str] = field(default_factory=dict)

    def keyword_type(self, keyword: str) -> str:
        """The WeChat type of one of this template's keywords ("thing4" -> "thing")."""
        return keyword_type(keyword)


# Used by the sandbox (and by `make run`) when WECHAT_TEMPLATES is empty. Each critical
# template says what happened in a `thing` (the user's nickname leading when it fits), so
# it can also carry the other moments backend/domain/moments.py lets it carry.
DEFAULT_SANDBOX_TEMPLATES = [
    {
        "id": "sandbox-tpl-status-change",
        "event": "status_change",
        "title": "物流状态更新",
        "fields": {
            "character_string1": "number",
            "phrase2": "status",
            "time3": "time",
            "thing4": "advice",
        },
    },
    {
        "id": "sandbox-tpl-out-for-delivery",
        "event": "out_for_delivery",
        "title": "派送提醒",
        "fields": {
            "character_string1": "number",
            "thing2": "status",
            "thing3": "location",
            "thing4": "advice",
        },
    },
    {
        "id": "sandbox-tpl-delivered",
        "event": "delivered",
        "title": "派送结果通知",
        "fields": {
            "character_string1": "number",
            "thing2": "status",
            "time3": "time",
            "thing4": "location",
        },
    },
    {
        "id": "sandbox-tpl-attention",
        "event": "attention",
        "title": "包裹待处理提醒",
        "fields": {
            "character_string1": "number",
            "thing2": "status",
            "thing3": "advice",
            "time4": "time",
        },
    },
]


def keyword_type(keyword: str) -> str:
    """The type prefix of a template keyword; "" when the keyword is malformed."""
    match = _KEYWORD.match(keyword)
    return match.group(1) if match and match.group(1) in KEYWORD_TYPES else ""


def parse_templates(raw: str | list) -> list[Template]:
    """Parse WECHAT_TEMPLATES (JSON text or an already-loaded list); TemplateConfigError if bad."""
    try:
        items = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError as error:
        raise TemplateConfigError(f"WECHAT_TEMPLATES is not JSON: {error}") from None
    if not isinstance(items, list):
        raise TemplateConfigError("WECHAT_TEMPLATES must be a JSON list of templates")
    templates = [_template(item, index) for index, item in enumerate(items)]
    ids = [template.id for template in templates]
    if len(set(ids)) != len(ids):
        raise TemplateConfigError("WECHAT_TEMPLATES lists the same template id twice")
    return templates


def configured_templates(raw: str, sandbox: bool) -> list[Template]:
    """The templates in use: WECHAT_TEMPLATES, else the sandbox defaults in sandbox mode."""
    if raw.strip():
        return parse_templates(raw)
    return parse_templates(DEFAULT_SANDBOX_TEMPLATES) if sandbox else []


def _template(item: object, index: int) -> Template:
    where = f"WECHAT_TEMPLATES[{index}]"
    if not isinstance(item, dict):
        raise TemplateConfigError(f"{where} must be an object")
    template_id, event = item.get("id"), item.get("event")
    if not isinstance(template_id, str) or not template_id.strip():
        raise TemplateConfigError(f"{where}.id must be a non-empty string")
    if event not in EVENTS:
        raise TemplateConfigError(f"{where}.event must be one of {', '.join(EVENTS)}")
    fields = item.get("fields")
    if not isinstance(fields, dict) or not fields:
        raise TemplateConfigError(f"{where}.fields must map template keywords to roles")
    for keyword, role in fields.items():
        if not keyword_type(keyword):
            raise TemplateConfigError(f"{where}: {keyword!r} is not a WeChat keyword like thing4")
        if role not in ROLES:
            raise TemplateConfigError(f"{where}: role {role!r} must be one of {', '.join(ROLES)}")
    return Template(template_id.strip(), event, str(item.get("title") or ""), dict(fields))
