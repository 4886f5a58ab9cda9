"""A template's keyword values for one status change, in the reader's language.

Each role's text depends on the keyword's type (a phrase for phrase keywords, a date for
date ones) and is fitted by message_fields. When a keyword cannot carry what we have (no
ETA for a date keyword, an event time that is not a time), the whole template is unusable
for this change and build_data says so with None; the notifier then picks another template.
"""

from __future__ import annotations

import logging

from backend.domain import message_fields
from backend.domain.advice import advise
from backend.domain.model import Shipment
from backend.domain.places import localize_location
from backend.domain.statuses import label
from backend.domain.templates import Template, keyword_type
from backend.domain.tracking import StatusChange

log = logging.getLogger(__name__)

# Words for values we do not have, valid in a thing keyword (never in date or time ones).
_MISSING = {
    "location": ("暂无位置信息", "Location not given"),
    "eta": ("暂无预计送达时间", "No delivery estimate yet"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def _eta_text(shipment: Shipment, kind: str, lang: str) -> str:
    eta = shipment.eta
    if eta is None:
        return "" if kind in ("date", "time") else _pick(_MISSING["eta"], lang)
    if kind in ("date", "time"):
        return eta.date
    moved = ("Rescheduled " if lang == "en" else "已改期 ") if eta.rescheduled else ""
    return f"{moved}{eta.date}{' ' + eta.end if eta.end else ''}"


def _role_value(role: str, kind: str, change: StatusChange, shipment: Shipment,
                nickname: str | None, lang: str) -> str:  # fmt: skip
    if role == "number":
        return change.number
    if role == "status":
        if kind == "phrase":  # pure Chinese whatever the reader's language
            return message_fields.STATUS_PHRASES[change.current]
        return label(change.current, lang)
    if role == "time":
        return change.event_time
    if role == "advice":
        advice = advise(shipment, lang)
        return advice[0].text if advice else label(change.current, lang)
    if role == "nickname":
        return nickname or change.number
    if role == "eta":
        return _eta_text(shipment, kind, lang)
    if role == "location":
        place = localize_location(change.location, lang)
        return place or ("" if kind in ("date", "time") else _pick(_MISSING["location"], lang))
    return ""


def build_data(template: Template, change: StatusChange, shipment: Shipment,
               nickname: str | None, lang: str = "zh") -> dict[str, dict[str, str]] | None:  # fmt: skip
    """{keyword: {"value": ...}} WeChat accepts, or None when this template cannot carry it."""
    data: dict[str, dict[str, str]] = {}
    for keyword, role in template.fields.items():
        kind = keyword_type(keyword)
        value = message_fields.fit(
            keyword, _role_value(role, kind, change, shipment, nickname, lang)
        )
        if value is None:
            log.info(
                "template %s cannot carry %s in %s for %s",
                template.id,
                role,
                keyword,
                change.number,
            )
            return None
        data[keyword] = {"value": value}
    return data
