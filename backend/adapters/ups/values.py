"""Lenient readers for UPS scalars: stripped text, dates, clock times and UTC offsets."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

_DECIMAL = re.compile(r"^\d+(\.\d+)?$")
_OFFSET = re.compile(r"^([+-])(\d{1,2})(?:[:.]?(\d{2}))?$")


def as_dict(value: Any) -> dict:
    """`value` if it is an object, else an empty one (UPS omits fields freely)."""
    return value if isinstance(value, dict) else {}


def as_dicts(value: Any) -> list[dict]:
    """The objects of a list; anything else (a bare string where the spec says array) is []."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def text(value: Any) -> str:
    """Any UPS scalar as stripped text: UPS pads some descriptions with trailing spaces."""
    if isinstance(value, str):
        return value.strip()
    return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else ""


def is_decimal(value: str) -> bool:
    """True for "17.00"-style amounts; false for placeholders such as "string"."""
    return bool(_DECIMAL.match(value))


def iso_date(value: Any) -> str | None:
    """YYYYMMDD (or YYYY-MM-DD) as YYYY-MM-DD; None when it is not a real date."""
    digits = text(value).replace("-", "")
    if len(digits) != 8:
        return None
    try:
        return datetime.strptime(digits, "%Y%m%d").date().isoformat()
    except ValueError:
        return None


def clock(value: Any) -> str | None:
    """HHMMSS, unpadded "74700", "HH:MM:SS" or HHMM as HH:MM:SS; None when invalid."""
    digits = text(value).replace(":", "")
    if not digits.isdigit() or len(digits) > 6:
        return None
    digits = digits.ljust(6, "0") if len(digits) == 4 else digits.zfill(6)
    if (int(digits[:2]), int(digits[2:4]), int(digits[4:])) >= (24, 60, 60):
        return None
    return f"{digits[:2]}:{digits[2:4]}:{digits[4:]}"


def hhmm(value: Any) -> str | None:
    """A UPS time as HH:MM (delivery windows are never finer than minutes)."""
    parsed = clock(value)
    return parsed[:5] if parsed else None


def offset_minutes(value: Any) -> int | None:
    """Track's "-05:00", Track Alert's "-05.00", "+0800" or "+8" as minutes east of UTC."""
    match = _OFFSET.match(text(value))
    if not match or int(match[2]) > 14 or int(match[3] or 0) > 59:
        return None
    return (1 if match[1] == "+" else -1) * (int(match[2]) * 60 + int(match[3] or 0))


def moment(date_value: Any, time_value: Any) -> datetime | None:
    """A naive datetime from a UPS date and time pair, when both are valid."""
    day, parsed = iso_date(date_value), clock(time_value)
    return datetime.fromisoformat(f"{day}T{parsed}") if day and parsed else None


def derived_offset(local: datetime, gmt: datetime | None) -> int | None:
    """Offset implied by a local and a GMT reading of one instant, to the nearest 15 minutes."""
    if gmt is None:
        return None
    minutes = round((local - gmt).total_seconds() / 900) * 15
    return minutes if abs(minutes) <= 14 * 60 else None


def with_offset(local: datetime, offset: int | None) -> str:
    """ISO 8601 text of a local time, with ±HH:MM only when the offset is known."""
    if offset is None:
        return local.isoformat()
    sign, size = ("+" if offset >= 0 else "-"), abs(offset)
    return f"{local.isoformat()}{sign}{size // 60:02d}:{size % 60:02d}"


def activity_time(activity: dict) -> tuple[str, datetime]:
    """An activity's ISO local time and a sort key (UTC when the offset is known, else local).

    The offset is the stated gmtOffset, else derived from gmtDate/gmtTime; without either
    the time carries no offset. Without a valid time only the date is given.
    """
    local = moment(activity.get("date"), activity.get("time"))
    if local is None:
        day = iso_date(activity.get("date"))
        return (day or "", datetime.fromisoformat(day) if day else datetime.min)
    offset = offset_minutes(activity.get("gmtOffset"))
    if offset is None:
        offset = derived_offset(local, moment(activity.get("gmtDate"), activity.get("gmtTime")))
    return with_offset(local, offset), local - timedelta(minutes=offset or 0)


def newest_first(activities: Any) -> list[dict]:
    """A package's activity[] newest first, in UPS's own order: UPS documents activity[0]
    as the most recent.

    Scan times can disagree with that order (a real response lists a label created at
    17:34:05 as older than the 17:31:57 pickup scan: manifest data stamped after the fact),
    and UPS's order is what it means, so nothing is sorted. Only a list of three or more
    scans running strictly oldest-first throughout is turned around: that is a list given
    backwards, not a conflict.
    """
    listed = as_dicts(activities)
    instants = [activity_time(activity)[1] for activity in listed]
    if len(instants) >= 3 and all(a < b for a, b in zip(instants, instants[1:], strict=False)):
        listed.reverse()
    return listed
