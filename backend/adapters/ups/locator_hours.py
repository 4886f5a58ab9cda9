"""UPS Locator opening hours (OperatingHours.StandardHours) as domain DayHours, tolerantly.

Quirks handled (docs/ups.md §10): one-or-many everywhere; split shifts as parallel
OpenHours/CloseHours arrays; HHMM without a leading zero ("800") and midnight as "0";
presence-only indicators whose value is ""; hour types outside the spec (e.g. "13");
Day 1 = Sunday.
"""

from __future__ import annotations

from typing import Any

from backend.adapters.ups import values as v
from backend.domain.opening_hours import DAY_MINUTES, DayHours, Shift

# Preferred hour types: regular, then customer pickup, then drop-off. Others are ignored.
HOURS_TYPES = ("10", "14", "50")
_FALSE_WORDS = {"0", "n", "no", "false"}


def as_list(value: Any) -> list:
    """UPS sends one element bare and several as a list; None is no element at all."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def present(container: dict, key: str) -> bool:
    """A presence indicator: the key being there means yes, even as "" (unless it says no)."""
    if key not in container or container[key] is None:
        return False
    return v.text(container[key]).lower() not in _FALSE_WORDS


def minutes(value: Any) -> int | None:
    """ "800" -> 480, "0" -> 0, "1330" -> 810, "2400" -> 1440; None when not a time."""
    digits = v.text(value).replace(":", "")
    if not digits.isdigit() or len(digits) > 4:
        return None
    hours, mins = divmod(int(digits), 100)
    if mins > 59 or hours > 24 or (hours == 24 and mins):
        return None
    return hours * 60 + mins


def iso_day(ups_day: Any) -> int | None:
    """UPS Day 1 = Sunday .. 7 = Saturday, as an ISO weekday (1 = Monday .. 7 = Sunday)."""
    day = v.text(ups_day)
    if not day.isdigit() or not 1 <= int(day) <= 7:
        return None
    return (int(day) - 2) % 7 + 1


def _shift(opens: int | None, closes: int | None) -> Shift | None:
    if opens is None or closes is None:
        return None
    if closes <= opens:  # "0" or earlier than opening: closes at or after midnight
        closes += DAY_MINUTES
    return Shift(opens, closes) if closes - opens <= DAY_MINUTES else None


def _day(entry: dict) -> DayHours | None:
    day = iso_day(entry.get("Day"))
    if day is None:
        return None
    if present(entry, "Open24HoursIndicator"):
        return DayHours(day, open_24h=True)
    if present(entry, "ClosedIndicator"):
        return DayHours(day, closed=True)
    opens = [minutes(value) for value in as_list(entry.get("OpenHours"))]
    closes = [minutes(value) for value in as_list(entry.get("CloseHours"))]
    shifts = [_shift(o, c) for o, c in zip(opens, closes, strict=False)]
    kept = tuple(sorted((s for s in shifts if s is not None), key=lambda s: s.opens))
    return DayHours(day, kept, closed=not kept) if opens or closes else None


def _week(entry: dict) -> tuple[DayHours, ...]:
    days: dict[int, DayHours] = {}
    for item in as_list(entry.get("DayOfWeek")):
        parsed = _day(item) if isinstance(item, dict) else None
        if parsed is not None:
            days.setdefault(parsed.day, parsed)
    return tuple(days[day] for day in sorted(days))


def parse_hours(location: dict) -> tuple[DayHours, ...]:
    """The week of the most relevant known hour type; () when UPS gave none we can read."""
    operating = location.get("OperatingHours")
    standard = as_list(operating.get("StandardHours")) if isinstance(operating, dict) else []
    by_type = {v.text(item.get("HoursType")): item for item in standard if isinstance(item, dict)}
    for hours_type in HOURS_TYPES:
        if hours_type in by_type:
            week = _week(by_type[hours_type])
            if week:
                return week
    return ()
