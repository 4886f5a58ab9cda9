"""The Track mapping copes with each production quirk of docs/ups.md §4 and with missing fields."""

from __future__ import annotations

import pytest

from backend.adapters.ups.errors import TrackingNotFoundError, UpstreamUnavailableError
from backend.adapters.ups.mapping import parse_track_response
from backend.domain.model import Eta
from backend.domain.statuses import Status

NUMBER = "1Z1202R66698804005"


def activity(date="20240318", time="154403", status=None, **extra) -> dict:
    status = status or {"type": "I", "code": "DP", "statusCode": "005", "description": "Departed"}
    return {"date": date, "time": time, "status": status, **extra}


def parse(number: str = NUMBER, **package):
    payload = {"trackResponse": {"shipment": [{"inquiryNumber": number, "package": [package]}]}}
    return parse_track_response(payload, number)


def times(**package) -> list[str]:
    return [event.time for event in parse(**package).events]


@pytest.mark.parametrize(
    ("gmt", "expected"),
    [
        ({"gmtOffset": "-05:00"}, "2024-03-18T15:44:03-05:00"),
        ({"gmtOffset": "-05.00"}, "2024-03-18T15:44:03-05:00"),  # Track Alert style
        ({"gmtOffset": "+0530"}, "2024-03-18T15:44:03+05:30"),
        ({"gmtDate": "20240318", "gmtTime": "20:44:03"}, "2024-03-18T15:44:03-05:00"),
        ({"gmtDate": "20240318", "gmtTime": "101403"}, "2024-03-18T15:44:03+05:30"),
        ({"gmtDate": "20240319", "gmtTime": "02:44:03"}, "2024-03-18T15:44:03-11:00"),
        ({}, "2024-03-18T15:44:03"),  # neither: no offset is invented
        ({"gmtOffset": "string"}, "2024-03-18T15:44:03"),
    ],
)
def test_event_times_carry_the_stated_or_derived_offset_and_never_an_invented_one(gmt, expected):
    assert times(activity=[activity(**gmt)]) == [expected]


def test_an_unpadded_gmt_time_still_yields_the_offset():
    # The spec's own example writes 07:47:00 as "74700".
    found = times(activity=[activity("20210210", "024700", gmtDate="20210210", gmtTime="74700")])
    assert found == ["2021-02-10T02:47:00-05:00"]


COLOGNE = activity("20240319", "045000", gmtOffset="+01:00")  # 03:50 UTC
SHENZHEN = activity("20240319", "093000", gmtOffset="+08:00")  # 01:30 UTC, earlier
LATER = activity("20240320", "070700", gmtOffset="+08:00")


def test_events_keep_ups_order_even_where_the_clock_disagrees():
    """UPS documents activity[0] as the most recent; its order is kept as given."""
    assert times(activity=[LATER, SHENZHEN, COLOGNE]) == [
        "2024-03-20T07:07:00+08:00",
        "2024-03-19T09:30:00+08:00",
        "2024-03-19T04:50:00+01:00",
    ]


def test_a_list_given_oldest_first_throughout_is_turned_around_by_the_real_instant():
    # By local clock 09:30 comes after 04:50; by instant Shenzhen's scan is the oldest.
    assert times(activity=[SHENZHEN, COLOGNE, LATER]) == [
        "2024-03-20T07:07:00+08:00",
        "2024-03-19T04:50:00+01:00",
        "2024-03-19T09:30:00+08:00",
    ]
    two = [LATER, SHENZHEN][::-1]  # two scans out of order are a conflict, kept as given
    assert times(activity=two) == ["2024-03-19T09:30:00+08:00", "2024-03-20T07:07:00+08:00"]


def test_a_missing_time_keeps_the_date_and_a_missing_date_stays_in_place():
    found = times(activity=[activity(), activity(time=""), activity(date="", time="")])
    assert found == ["2024-03-18T15:44:03", "2024-03-18", ""]


def test_every_string_is_stripped_and_locations_stay_city_level():
    place = {"address": {"city": " Lummen ", "postalCode": "3560", "countryCode": "BE "}}
    status = {"type": "P", "code": "PU", "statusCode": "038", "description": "Pickup Scan "}
    event = parse(activity=[activity(status=status, location=place)]).events[0]
    assert (event.location, event.description) == ("Lummen, BE", "Pickup Scan")
    assert event.status is Status.SHIPMENT_ACCEPTED


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        ({"slic": "9642"}, ""),
        ({"address": {"countryCode": "BE", "country": "BE"}}, "BE"),
        ({"address": {"country": "Belgium"}}, "Belgium"),
        ({"address": {"city": "Wayne", "stateProvince": "NJ", "country": "US"}}, "Wayne, NJ, US"),
        ({}, ""),
    ],
)
def test_partial_locations_give_what_they_have(location, expected):
    assert parse(activity=[activity(location=location)]).events[0].location == expected


def test_current_status_alone_decides_when_there_is_no_activity():
    current = {"code": "003", "description": "Shipment Ready for UPS"}
    shipment = parse(currentStatus=current)
    assert (shipment.status, shipment.events) == (Status.LABEL_CREATED, ())
    assert shipment.status_description == "Shipment Ready for UPS"


def test_a_specific_current_status_beats_a_vague_latest_exception():
    vague = activity(status={"type": "X", "description": "Update"})
    shipment = parse(activity=[vague], currentStatus={"code": "021", "description": "Out Today"})
    assert (shipment.status, shipment.status_description) == (Status.OUT_FOR_DELIVERY, "Out Today")
    plain = parse(activity=[vague], currentStatus={"code": "005", "description": "On the Way"})
    assert plain.status is Status.EXCEPTION  # "in transit" is no more specific than the scan


def test_eta_prefers_the_rescheduled_date_and_reads_each_time_kind():
    dates = [{"type": "SDD", "date": "20241122"}, {"type": "RDD", "date": "20241125"}]
    assert parse(deliveryDate=dates).eta == Eta("2024-11-25", None, None, "rescheduled", True)
    only = [{"type": "SDD", "date": "20241122"}]
    assert parse(deliveryDate=only).eta == Eta("2024-11-22", None, None, "scheduled")
    cases = [
        ({"type": "EOD", "endTime": "235900"}, Eta("2024-11-22", None, "23:59", "end_of_day")),
        ({"type": "CMT", "endTime": "103000"}, Eta("2024-11-22", None, "10:30", "commit")),
        ({"type": "EDW", "startTime": "090000", "endTime": "130000"}, Eta("2024-11-22", "09:00", "13:00", "window")),
        ({"type": "IDW", "startTime": "1415", "endTime": "1545"}, Eta("2024-11-22", "14:15", "15:45", "window")),
        ({"type": "EDW"}, Eta("2024-11-22", None, None, "scheduled")),
    ]  # fmt: skip
    for window, expected in cases:
        assert parse(deliveryDate=only, deliveryTime=window).eta == expected


def test_a_rescheduled_date_keeps_its_flag_whatever_the_time_of_day():
    dates = [{"type": "SDD", "date": "20241122"}, {"type": "RDD", "date": "20241125"}]
    cases = [
        ({"type": "EDW", "startTime": "090000", "endTime": "130000"}, Eta("2024-11-25", "09:00", "13:00", "window", True)),
        ({"type": "EOD", "endTime": "235900"}, Eta("2024-11-25", None, "23:59", "end_of_day", True)),
        ({"type": "CMT", "endTime": "103000"}, Eta("2024-11-25", None, "10:30", "commit", True)),
    ]  # fmt: skip
    for window, expected in cases:
        assert parse(deliveryDate=dates, deliveryTime=window).eta == expected
    scheduled = parse(deliveryDate=dates[:1], deliveryTime=cases[0][0]).eta
    assert scheduled is not None and scheduled.rescheduled is False


def test_no_eta_without_a_date_or_once_delivered():
    assert parse(deliveryDate=[]).eta is None
    delivered = activity(status={"type": "D", "code": "F4", "statusCode": "011"})
    dates = [{"type": "SDD", "date": "20241122"}, {"type": "DEL", "date": "20241121"}]
    assert parse(activity=[delivered], deliveryDate=dates).eta is None


def test_delivered_at_borrows_the_offset_of_the_matching_delivered_scan():
    scan = activity(
        "20241121", "163000", {"type": "D", "code": "F4", "statusCode": "011"}, gmtOffset="-05:00"
    )
    shipment = parse(
        activity=[scan],
        deliveryDate=[{"type": "DEL", "date": "20241121"}],
        deliveryTime={"type": "DEL", "endTime": "163000"},
    )
    assert shipment.delivered_at == "2024-11-21T16:30:00-05:00"


def test_delivered_at_is_the_date_alone_when_ups_gives_no_time():
    assert parse(deliveryDate=[{"type": "DEL", "date": "20241121"}]).delivered_at == "2024-11-21"


def test_package_facts_are_read_and_garbage_is_dropped():
    shipment = parse(
        packageCount="3",
        deliveryInformation={"receivedBy": " MARTIN ", "location": "Front Door "},
        alternateTrackingNumber=[{"number": "9241 "}, {"number": "9241"}, {"number": NUMBER}],
        accessPointInformation={"pickupByDate": "20241130"},
        weight={"weight": "1.5", "unitOfMeasurement": "kgs"},
        dimension={"length": "10", "width": "x", "height": "3", "unitOfDimension": "CM"},
    )
    assert (shipment.package_count, shipment.received_by) == (3, "MARTIN")
    assert (shipment.delivery_location, shipment.pickup_by) == ("Front Door", "2024-11-30")
    assert shipment.alternate_numbers == ("9241",)
    assert (shipment.weight.value, shipment.weight.unit) == ("1.5", "KGS")
    assert shipment.dimensions is None  # one side is not a number


def test_the_package_matching_the_number_is_chosen_from_several():
    other = {"trackingNumber": "1ZOTHER", "packageCount": 2}
    mine = {"trackingNumber": NUMBER.lower(), "packageCount": 2, "service": {"description": "X"}}
    payload = {"trackResponse": {"shipment": [{"package": [other, mine]}]}}
    assert parse_track_response(payload, NUMBER).service == "X"


@pytest.mark.parametrize(
    "payload",
    [
        {"trackResponse": {"shipment": [{"inquiryNumber": NUMBER}]}},
        {"trackResponse": {"shipment": [{"inquiryNumber": NUMBER, "package": []}]}},
        {"trackResponse": {"shipment": []}},
    ],
)
def test_a_shipment_without_packages_is_not_found(payload):
    with pytest.raises(TrackingNotFoundError):
        parse_track_response(payload, NUMBER)


@pytest.mark.parametrize("payload", [{}, {"unexpected": True}, [], None, "oops"])
def test_a_body_that_is_no_track_response_is_an_upstream_failure(payload):
    with pytest.raises(UpstreamUnavailableError):
        parse_track_response(payload, NUMBER)


def test_junk_values_in_odd_places_never_crash_the_parser():
    shipment = parse(
        activity=["junk", {"status": "X", "location": "Paris", "date": 20240318, "time": None}],
        currentStatus="nope",
        deliveryDate={"type": "SDD"},
        packageCount=True,
        service="UPS",
    )
    assert [(e.time, e.location, e.status) for e in shipment.events] == [
        ("2024-03-18", "", Status.UNKNOWN)
    ]
    assert (shipment.status, shipment.eta, shipment.package_count) == (Status.UNKNOWN, None, None)
