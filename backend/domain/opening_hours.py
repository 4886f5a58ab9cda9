"""A location's weekly opening hours and what they mean at a given local moment.

Days are ISO weekdays (1 = Monday .. 7 = Sunday). Times are minutes after local midnight;
a shift may end at 1440 (midnight) or past it (an overnight shift spills into the next day).
A day that is absent from the week is unknown, which is not the same as closed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

DAY_MINUTES = 24 * 60


@dataclass(frozen=True)
class Shift:
    opens: int  # minutes after midnight, 0..1439
    closes: int  # minutes after midnight; > opens, up to 2880 for overnight shifts


@dataclass(frozen=True)
class DayHours:
    day: int  # ISO weekday
    shifts: tuple[Shift, ...] = ()
    closed: bool = False
    open_24h: bool = False


@dataclass(frozen=True)
class OpenState:
    """Whether the place is open at a moment, and the next change (local HH:MM)."""

    open_now: bool | None  # None: hours unknown for today
    closes_at: str | None = None  # when open: the end of the current shift
    opens_at: str | None = None  # when closed: the start of the next shift...
    opens_day: int | None = None  # ...on this ISO weekday (today or a later day)


def clock(minutes: int) -> str:
    """Minutes after midnight as HH:MM; 1440 is "24:00", later times wrap to the next day."""
    if minutes == DAY_MINUTES:
        return "24:00"
    minutes %= DAY_MINUTES
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _by_day(week: tuple[DayHours, ...]) -> dict[int, DayHours]:
    return {day.day: day for day in week}


def _intervals(day: DayHours | None, offset: int) -> list[tuple[int, int]]:
    """The day's shifts as [start, end) minutes, shifted by `offset` minutes."""
    if day is None or day.closed:
        return []
    if day.open_24h:
        return [(offset, offset + DAY_MINUTES)]
    return [(offset + s.opens, offset + s.closes) for s in day.shifts]


def _merged(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Touching or overlapping shifts as one (a 24 h day followed by another stays open)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _iso_day(weekday: int, plus: int) -> int:
    return (weekday - 1 + plus) % 7 + 1


def open_state(week: tuple[DayHours, ...], local: datetime) -> OpenState:
    """Open now?, until when, or when next open (within a week) at local time `local`."""
    days = _by_day(week)
    today = local.isoweekday()
    if today not in days and _iso_day(today, -1) not in days:
        return OpenState(None)
    now = local.hour * 60 + local.minute
    # Yesterday's overnight shift, today's shifts and the coming week's, on one time line.
    spans = _merged(
        [
            span
            for plus in range(-1, 8)
            for span in _intervals(days.get(_iso_day(today, plus)), plus * DAY_MINUTES)
        ]
    )
    for start, end in spans:
        if start <= now < end:
            closes = end - now
            if closes >= 7 * DAY_MINUTES:
                return OpenState(True)  # open around the clock
            return OpenState(True, closes_at=clock((now + closes) % DAY_MINUTES or DAY_MINUTES))
        if start > now:
            plus = start // DAY_MINUTES
            return OpenState(False, opens_at=clock(start), opens_day=_iso_day(today, plus))
    return OpenState(False)
