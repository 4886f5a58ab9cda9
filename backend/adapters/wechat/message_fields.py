"""Fit our values into subscribe-message keyword types, or say that they cannot be fitted.

Every fitter returns a value WeChat accepts for its type (template_values.value_ok) or None.
None means "this keyword cannot carry this value": the caller then chooses what to send
(another template, or nothing) instead of a placeholder WeChat would refuse with 47003.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from backend.adapters.wechat.template_values import ASCII_SYMBOLS, CJK, WIDE_SYMBOLS, value_ok
from backend.adapters.wechat.templates import keyword_type
from backend.domain.statuses import Status

THING_MAX = 20
CHARACTER_STRING_MAX = 32

_SPACES = re.compile(r"\s+")
_NOT_THING = re.compile(rf"[^{CJK}A-Za-z0-9{ASCII_SYMBOLS}{WIDE_SYMBOLS}]")
_NOT_CHARACTER_STRING = re.compile(rf"[^A-Za-z0-9{ASCII_SYMBOLS}]")

# A phrase must be at most five Chinese characters and nothing else.
STATUS_PHRASES: dict[Status, str] = {
    Status.SHIPMENT_ACCEPTED: "已揽收",
    Status.IN_TRANSIT: "运输中",
    Status.AT_FACILITY: "分拣中",
    Status.CLEARANCE_IN_PROGRESS: "清关中",
    Status.CLEARED: "已清关",
    Status.OUT_FOR_DELIVERY: "派送中",
    Status.DELIVERY_ATTEMPTED: "派送未成功",
    Status.DELIVERED: "已签收",
    Status.EXCEPTION: "异常",
    Status.AWAITING_RECEIVER: "待收件人",
    Status.LABEL_CREATED: "待揽收",
    Status.READY_FOR_PICKUP: "待取件",
    Status.RETURNED_TO_SENDER: "已退回",
    Status.CANCELLED: "已取消",
    Status.UNKNOWN: "状态更新",
}
# Moments that are no status (the day-before pickup reminder).
MOMENT_PHRASES = {"pickup_reminder": "明天截止"}


def phrase_for(status: Status, moment: str = "") -> str:
    """The five-character phrase for a status, or for a moment that is no status."""
    return MOMENT_PHRASES.get(moment) or STATUS_PHRASES[status]


def _checked(kind: str, value: str) -> str | None:
    return value if value_ok(kind, value) else None


def thing(value: str) -> str | None:
    """≤20 of Chinese, letters, digits and common symbols; others (emoji, controls) become
    spaces. A longer text is not cut: None, so the caller takes a shorter one it wrote."""
    clean = _SPACES.sub(" ", _NOT_THING.sub(" ", value)).strip()
    return _checked("thing", clean) if len(clean) <= THING_MAX else None


def character_string(value: str) -> str | None:
    """≤32 letters, digits and ASCII symbols; a value that does not fit is not cut to pieces."""
    clean = _NOT_CHARACTER_STRING.sub("", value.strip())
    return _checked("character_string", clean) if clean == value.strip() else None


def phrase(value: str) -> str | None:
    """≤5 Chinese characters exactly as given; anything else cannot be a phrase."""
    return _checked("phrase", value.strip())


def number(value: str) -> str | None:
    """A plain decimal number as given ("12.5"); "v1.2.3" or "-3" are not numbers to WeChat."""
    return _checked("number", value.strip())


def name(value: str) -> str | None:
    return _checked("name", _SPACES.sub(" ", value).strip())


def time_value(iso: str) -> str | None:
    """ISO 8601 -> '2026年11月24日 08:15'; None when it is not a time (never "now")."""
    try:
        moment = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return None
    if len(iso.strip()) <= 10:
        return None  # a date alone has no time of day to show
    return _checked("time", f"{moment.year}年{moment.month}月{moment.day}日 {moment:%H:%M}")


def date_value(iso_date: str) -> str | None:
    """ISO 8601 date (or date-time) -> '2026年11月24日'; None when there is no date."""
    try:
        day = datetime.fromisoformat(iso_date)
    except (TypeError, ValueError):
        return None
    return _checked("date", f"{day.year}年{day.month}月{day.day}日")


def _as_given(kind: str) -> Callable[[str], str | None]:
    # Types we never compose ourselves: the value goes out only if it already fits.
    return lambda value: _checked(kind, value.strip())


FITTERS: dict[str, Callable[[str], str | None]] = {
    "thing": thing,
    "character_string": character_string,
    "phrase": phrase,
    "number": number,
    "name": name,
    "time": time_value,
    "date": date_value,
    **{
        kind: _as_given(kind)
        for kind in ("letter", "symbol", "amount", "phone_number", "car_number")
    },
    # enum values live in the template's keywordEnumValueList, which we do not hold.
    "enum": lambda value: None,
    "enum_string": lambda value: None,
}


def fit(keyword: str, value: str) -> str | None:
    """`value` made acceptable for the keyword's type, or None when it cannot be."""
    fitter = FITTERS.get(keyword_type(keyword))
    return fitter(value if isinstance(value, str) else "") if fitter else None
