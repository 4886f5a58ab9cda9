"""The Locator parser on UPS's own sample response and on the quirks UPS users reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backend.adapters.ups.errors import UpsAuthError, UpstreamUnavailableError
from backend.adapters.ups.locator_hours import iso_day, minutes, parse_hours
from backend.adapters.ups.locator_mapping import parse_locator_response
from backend.domain.geo import Point
from backend.domain.locations import Availability, Kind
from backend.domain.opening_hours import DayHours, Shift

SAMPLE = (
    Path(__file__).parents[1]
    / "fixtures"
    / "ups"
    / "locator_v1_search_200_official_java_sample.json"
)


@pytest.fixture(scope="module")
def sample():
    return parse_locator_response(json.loads(SAMPLE.read_text()))


def test_official_sample_three_customer_centers_nearest_first(sample):
    assert [loc.id for loc in sample.locations] == ["5367", "5392", "5375"]
    assert all(loc.kind is Kind.CUSTOMER_CENTER for loc in sample.locations)
    first = sample.locations[0]
    assert first.name == "CC - ATLANTA" and first.point == Point(33.76067733, -84.5407409)
    assert first.phone == "8007425877"  # a bare string, DisplayPhoneNumberIndicator "1"
    assert first.access_point_id == "U32921710"
    assert first.availability is Availability.AVAILABLE  # AccessPointStatus {"Code": "01"}
    assert first.timezone == "" and first.postcode == "30336" and first.state == "GA"


def test_official_sample_regular_hours_win_over_types_11_12_13(sample):
    week = sample.locations[0].hours
    assert week[0] == DayHours(1, (Shift(540, 1200),))  # Mon 900-2000
    assert week[5] == DayHours(6, (Shift(540, 1020),))  # Sat 900-1700
    assert week[6] == DayHours(7, closed=True)  # Sun: ClosedIndicator ""


def test_official_sample_split_shifts_and_escaped_line_break(sample):
    assert sample.locations[1].address_lines == ("3772 PLEASANTDALE RD", "120")
    bogart = sample.locations[2]
    assert bogart.hours[0] == DayHours(1, (Shift(480, 600), Shift(990, 1170)))
    assert bogart.distance_m == pytest.approx(73 * 1609.344, abs=0.1)  # "73" miles


@pytest.mark.parametrize(
    ("text", "expected"),
    [("800", 480), ("0800", 480), ("0", 0), ("1330", 810), ("2400", 1440), ("930", 570)],
)
def test_hhmm_without_leading_zero(text, expected):
    assert minutes(text) == expected


@pytest.mark.parametrize("text", ["", "25:00", "1260a", "2460", "99999", None])
def test_bad_times_are_not_times(text):
    assert minutes(text) is None


def test_day_one_is_sunday():
    assert [iso_day(str(day)) for day in range(1, 8)] == [7, 1, 2, 3, 4, 5, 6]
    assert iso_day("8") is None and iso_day("") is None


def test_hours_tolerate_lone_objects_overnight_and_false_indicators():
    location = {
        "OperatingHours": {
            "StandardHours": {  # one hours type, bare
                "HoursType": "10",
                "DayOfWeek": [
                    {"Day": "2", "OpenHours": "2200", "CloseHours": "200"},  # overnight
                    {"Day": "3", "OpenHours": "900", "CloseHours": "1700", "ClosedIndicator": "N"},
                    {"Day": "4", "Open24HoursIndicator": ""},
                    {"Day": "9", "OpenHours": "900", "CloseHours": "1700"},  # no such day
                ],
            }
        }
    }
    assert parse_hours(location) == (
        DayHours(1, (Shift(1320, 1560),)),
        DayHours(2, (Shift(540, 1020),)),
        DayHours(3, open_24h=True),
    )


def test_unknown_hours_types_alone_give_no_hours():
    location = {"OperatingHours": {"StandardHours": [{"HoursType": "13", "DayOfWeek": []}]}}
    assert parse_hours(location) == ()


def test_ambiguous_origin_yields_candidates_only():
    payload = {
        "LocatorResponse": {
            "Response": {"ResponseStatusCode": "1", "TransactionReference": ""},
            "SearchResults": {
                "GeocodeCandidate": {
                    "AddressKeyFormat": {"PoliticalDivision2": "SPRINGFIELD", "CountryCode": "US"},
                    "Geocode": {"Latitude": "39.78", "Longitude": "-89.65"},
                }
            },
        }
    }
    answer = parse_locator_response(payload)
    assert answer.locations == () and answer.candidates[0].text == "SPRINGFIELD, US"


def test_locations_without_a_map_point_are_dropped():
    payload = {"LocatorResponse": {"SearchResults": {"DropLocation": [{"LocationID": "1"}]}}}
    assert parse_locator_response(payload).locations == ()


def test_error_bodies_become_typed_errors():
    with pytest.raises(UpsAuthError):
        parse_locator_response({"response": {"errors": [{"code": "250002", "message": "x"}]}})
    failed = {"LocatorResponse": {"Response": {"ResponseStatusCode": "0", "Error": {
        "ErrorSeverity": "Hard", "ErrorCode": "20008", "ErrorDescription": "Invalid radius"}}}}  # fmt: skip
    with pytest.raises(UpstreamUnavailableError) as raised:
        parse_locator_response(failed)
    assert raised.value.ups_code == "20008"
