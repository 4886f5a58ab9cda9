"""Open now / closes at / opens next, in the location's local time."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from backend.domain.opening_hours import DayHours, OpenState, Shift, clock, open_state
from backend.domain.timezones import zone_for

SHANGHAI = ZoneInfo("Asia/Shanghai")
# Mon-Fri 08:00-10:00 and 16:30-19:30, Sat 09:00-12:00, Sun closed
SPLIT = (
    *(DayHours(day, (Shift(480, 600), Shift(990, 1170))) for day in range(1, 6)),
    DayHours(6, (Shift(540, 720),)),
    DayHours(7, closed=True),
)
LATE = tuple(DayHours(day, (Shift(600, 1440),)) for day in range(1, 8))  # 10:00 to midnight
OVERNIGHT = (DayHours(5, (Shift(1320, 1560),)),)  # Friday 22:00 to Saturday 02:00


def at(text: str, zone=SHANGHAI) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=zone)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        ("2026-11-30T08:30", OpenState(True, closes_at="10:00")),  # Monday morning shift
        ("2026-11-30T12:00", OpenState(False, opens_at="16:30", opens_day=1)),  # lunch gap
        ("2026-11-30T19:30", OpenState(False, opens_at="08:00", opens_day=2)),  # just closed
        ("2026-12-05T11:59", OpenState(True, closes_at="12:00")),  # Saturday
        ("2026-12-06T10:00", OpenState(False, opens_at="08:00", opens_day=1)),  # Sunday
    ],
)
def test_split_shifts_and_closed_days(moment, expected):
    assert open_state(SPLIT, at(moment)) == expected


def test_closing_at_midnight_reads_24_00():
    assert open_state(LATE, at("2026-11-30T23:10")) == OpenState(True, closes_at="24:00")


def test_overnight_shift_still_open_after_midnight():
    assert open_state(OVERNIGHT, at("2026-12-05T01:00")) == OpenState(True, closes_at="02:00")


def test_open_around_the_clock_has_no_closing_time():
    week = tuple(DayHours(day, open_24h=True) for day in range(1, 8))
    assert open_state(week, at("2026-11-30T03:00")) == OpenState(True)


def test_unknown_hours_are_not_closed():
    assert open_state((), at("2026-11-30T12:00")) == OpenState(None)


def test_local_time_decides_not_the_server_clock():
    """09:00 in Shanghai is 20:00 the day before in New York: open there, closed here."""
    instant = at("2026-12-01T09:00")  # Tuesday in Shanghai
    ny = instant.astimezone(zone_for("US", "NY"))
    assert open_state(SPLIT, instant) == OpenState(True, closes_at="10:00")
    assert open_state(SPLIT, ny) == OpenState(False, opens_at="08:00", opens_day=2)


@pytest.mark.parametrize(
    ("country", "state", "lng", "given", "zone"),
    [
        ("CN", "", None, "", "Asia/Shanghai"),
        ("HK", "", None, "", "Asia/Hong_Kong"),
        ("US", "CA", None, "", "America/Los_Angeles"),
        ("US", "IL", None, "", "America/Chicago"),
        ("US", "", -84.5, "", "America/New_York"),
        ("US", "", -105.0, "", "America/Denver"),
        ("US", "GA", None, "America/Chicago", "America/Chicago"),  # the carrier's zone wins
        ("US", "GA", None, "Not/AZone", "America/New_York"),
    ],
)
def test_time_zone_for_a_location(country, state, lng, given, zone):
    assert zone_for(country, state, lng, given).key == zone


def test_clock():
    assert [clock(m) for m in (0, 480, 1439, 1440, 1560)] == [
        "00:00",
        "08:00",
        "23:59",
        "24:00",
        "02:00",
    ]
