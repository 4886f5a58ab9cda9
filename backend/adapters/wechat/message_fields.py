"""Fit our values into subscribe-message keyword types before WeChat rejects them (47003)."""

from __future__ import annotations

import re
from datetime import datetime

from backend.adapters.wechat.templates import keyword_type
from backend.domain.statuses import Status

# WeChat's limits per keyword type (wechat.md §2.3).
THING_MAX = 20
CHARACTER_STRING_MAX = 32
PHRASE_MAX = 5
NUMBER_MAX = 32
NAME_MAX_CJK = 10
NAME_MAX_LATIN = 20

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

# A phrase must be at most five Chinese characters and nothing else.
STATUS_PHRASES: dict[Status, str] = {
    Status.SHIPMENT_ACCEPTED: "已揽收",
    Status.IN_TRANSIT: "运输中",
    Status.AT_FACILITY: "分拣中",
    Status.CLEARANCE_IN_PROGRESS: "清关中",
    Status.CLEARED: "清关完成",
    Status.OUT_FOR_DELIVERY: "派送中",
    Status.DELIVERY_ATTEMPTED: "派送未成功",
    Status.DELIVERED: "已送达",
    Status.EXCEPTION: "运输异常",
    Status.AWAITING_RECEIVER: "待收件人",
    Status.LABEL_CREATED: "已建单",
    Status.READY_FOR_PICKUP: "待取件",
    Status.RETURNED_TO_SENDER: "退回发件人",
    Status.CANCELLED: "已取消",
    Status.UNKNOWN: "状态更新",
}


def thing(value: str) -> str:
    """≤20 characters of any kind, no control characters; cut with an ellipsis."""
    clean = _CONTROL.sub(" ", value).strip() or "-"
    return clean if len(clean) <= THING_MAX else clean[: THING_MAX - 1] + "…"


def character_string(value: str) -> str:
    """≤32 letters, digits and symbols; Chinese is not allowed, so it is dropped."""
    clean = _CJK.sub("", _CONTROL.sub("", value)).strip()
    return (clean or "-")[:CHARACTER_STRING_MAX]


def phrase(value: str) -> str:
    """≤5 Chinese characters only; anything else falls back to a neutral phrase."""
    clean = "".join(_CJK.findall(value))
    return clean[:PHRASE_MAX] if clean else "状态更新"


def number(value: str) -> str:
    digits = re.sub(r"[^0-9.]", "", value)
    return (digits or "0")[:NUMBER_MAX]


def name(value: str) -> str:
    cjk = "".join(_CJK.findall(value))
    if cjk:
        return cjk[:NAME_MAX_CJK]
    return (re.sub(r"[^A-Za-z ]", "", value).strip() or "-")[:NAME_MAX_LATIN]


def time_value(iso: str) -> str:
    """ISO 8601 → '2026年11月24日 08:15' (WeChat's time type); now when unparseable."""
    try:
        moment = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        moment = datetime.now()
    return f"{moment.year}年{moment.month}月{moment.day}日 {moment:%H:%M}"


def date_value(iso_date: str) -> str:
    try:
        day = datetime.fromisoformat(iso_date)
    except (TypeError, ValueError):
        return "-"
    return f"{day.year}年{day.month}月{day.day}日"


_FITTERS = {
    "thing": thing,
    "character_string": character_string,
    "phrase": phrase,
    "number": number,
    "name": name,
    "time": time_value,
    "date": date_value,
}


def fit(keyword: str, value: str) -> str:
    """`value` made acceptable for the keyword's type (unknown types are cut like thing)."""
    return _FITTERS.get(keyword_type(keyword), thing)(value)
