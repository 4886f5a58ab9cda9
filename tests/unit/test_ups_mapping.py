"""Every UPS Track response fixture parses into the Shipment we expect, field by field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backend.adapters.ups.errors import InvalidNumberError, TrackingNotFoundError
from backend.adapters.ups.mapping import parse_track_response
from backend.domain.model import Dimensions, Place, Weight
from backend.domain.statuses import Status

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ups"
JAVA = "track_v1_details_200_delivered_official_java_sample.json"
COMPOSITE = "GENERATED_track_v1_details_200_schema_field_examples_composite.json"
OMNI = "observed/track_v1_details_200_intl_customs_hold_1Z1202R66698804005_omniship_capture.json"
NOT_FOUND = [
    "observed/track_v1_details_200_TW0001_not_found_issue102.json",
    "observed/track_v1_details_200_TW0001_not_found_omniship_capture.json",
]
INVALID = "observed/track_v1_details_400_TV1002_invalid_inquiry_number_issue12.json"

S = Status
# OMNI capture, newest first: (time, location, description, status).
# fmt: off
OMNI_EVENTS = [
    ("2024-03-20T19:08:38+08:00", "", "The package is at the clearing agency awaiting final release.", S.CLEARANCE_IN_PROGRESS),
    ("2024-03-20T07:07:00+08:00", "Changi, SG", "Arrived at Facility", S.AT_FACILITY),
    ("2024-03-20T03:20:00+08:00", "Shenzhen, CN", "Departed from Facility", S.IN_TRANSIT),
    ("2024-03-19T23:22:00+08:00", "Shenzhen, CN", "Arrived at Facility", S.AT_FACILITY),
    ("2024-03-19T04:50:00+01:00", "Koeln, DE", "Departed from Facility", S.IN_TRANSIT),
    ("2024-03-19T00:34:00+01:00", "Koeln, DE", "Arrived at Facility", S.AT_FACILITY),
    ("2024-03-18T22:10:00+01:00", "Lummen, BE", "Departed from Facility", S.IN_TRANSIT),
    ("2024-03-18T21:38:29+01:00", "", "Your package has been released by the government agency.", S.CLEARED),
    ("2024-03-18T21:23:34+01:00", "Lummen, BE", "Your package is pending release from a Government Agency. Once they release it, your package will be on its way.", S.CLEARANCE_IN_PROGRESS),
    ("2024-03-18T21:23:34+01:00", "", "UPS has received the information needed to submit your package for clearance.", S.CLEARANCE_IN_PROGRESS),
    ("2024-03-18T20:03:06+01:00", "Lummen, BE", "We have your package", S.IN_TRANSIT),
    ("2024-03-18T18:36:23+01:00", "", "Your package has been released by the government agency.", S.CLEARED),
    ("2024-03-18T18:36:23+01:00", "Lummen, BE", "UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.", S.CLEARANCE_IN_PROGRESS),
    ("2024-03-18T18:16:05+01:00", "Lummen, BE", "Your package is pending release from a Government Agency. Once they release it, your package will be on its way.", S.CLEARANCE_IN_PROGRESS),
    ("2024-03-18T18:16:05+01:00", "", "Your package is on the way", S.IN_TRANSIT),
    ("2024-03-18T15:44:03+01:00", "Lummen, BE", "Pickup Scan", S.SHIPMENT_ACCEPTED),
    ("2024-03-18T12:49:17+01:00", "BE", "Shipper created a label, UPS has not received the package yet.", S.LABEL_CREATED),
]
# fmt: on


def load(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def event_rows(shipment) -> list[tuple]:
    return [(e.time, e.location, e.description, e.status) for e in shipment.events]


def test_every_track_response_fixture_has_a_test_here():
    names = {
        str(path.relative_to(FIXTURES))
        for pattern in ("track_v1_details_*", "GENERATED_*", "observed/track_v1_details_*")
        for path in FIXTURES.glob(pattern)
    }
    assert names == {JAVA, COMPOSITE, OMNI, INVALID, *NOT_FOUND}


def test_the_official_delivered_sample_is_delivered_with_its_delivery_time():
    shipment = parse_track_response(load(JAVA), "1Z023E2X0214323462")
    assert shipment.number == "1Z023E2X0214323462"
    assert (shipment.status, shipment.status_description) == (S.DELIVERED, "DELIVERED")
    assert event_rows(shipment) == [
        ("2022-01-26T16:30:00", "PARAMUS, NJ, US", "DELIVERED", S.DELIVERED),
        (
            "2022-01-26T15:16:41",
            "US",
            "Shipper created a label, UPS has not received the package yet.",
            S.LABEL_CREATED,
        ),
    ]
    assert [(e.ups_code, e.ups_status_code) for e in shipment.events] == [
        ("F4", "011"),
        ("MP", "003"),
    ]
    assert shipment.delivered_at == "2022-01-26T16:30:00"  # the sample has no gmt fields
    assert shipment.eta is None
    assert (shipment.weight, shipment.dimensions, shipment.service) == (None, None, None)
    assert (shipment.package_count, shipment.received_by) == (1, None)


def test_the_customs_hold_capture_is_clearance_in_progress_with_every_scan_mapped():
    shipment = parse_track_response(load(OMNI), "1Z1202R66698804005")
    assert shipment.status is S.CLEARANCE_IN_PROGRESS
    assert shipment.status_description == "Customs Clearance in Progress"
    assert event_rows(shipment) == OMNI_EVENTS
    assert shipment.events[0].ups_code == ""  # that activity carries no 2-letter code
    assert shipment.events[0].ups_status_code == "092"
    assert (shipment.eta, shipment.delivered_at) == (None, None)  # deliveryDate is []
    assert shipment.weight == Weight("17.00", "KGS")
    assert shipment.dimensions == Dimensions("52.00", "51.00", "51.00", "CM")
    assert shipment.service == "UPS Express®"
    assert (shipment.package_count, shipment.received_by) == (1, None)
    assert (shipment.origin_country, shipment.destination_country) == ("BE", "AU")
    assert shipment.origin_address == Place("Brussels", "", "BE")
    assert shipment.destination_address == Place("CAIRNS", "", "AU")
    assert shipment.alternate_numbers == ()


def test_the_schema_example_composite_parses_despite_its_string_placeholders():
    shipment = parse_track_response(load(COMPOSITE), "1Z023E2X0214323462")
    # Its codes contradict each other (statusCode 003 "label created", code SR, type X);
    # the 3-digit statusCode is trusted first, as for every response.
    assert shipment.status is S.LABEL_CREATED
    assert shipment.status_description == "Your package was released by the customs agency."
    assert event_rows(shipment) == [
        (
            "2021-02-10T07:13:56-05:00",
            "Wayne, NJ, US",
            "Your package was released by the customs agency.",
            S.LABEL_CREATED,
        )
    ]
    # "string" dates, times, weights and sizes are placeholders, not data.
    assert (shipment.eta, shipment.delivered_at, shipment.pickup_by) == (None, None, None)
    assert (shipment.weight, shipment.dimensions) == (None, None)
    assert (shipment.service, shipment.package_count) == ("UPS Ground", 2)
    assert shipment.received_by is None  # receivedBy is ""
    assert shipment.delivery_location == "Front Door"
    assert shipment.alternate_numbers == ("92419900000033499522966220",)
    assert "SIGNATURE_REQUIRED" in shipment.additional_services
    # packageAddress type "ORIGIN/DESTINATION" is neither, so no place is claimed.
    assert (shipment.origin_address, shipment.destination_address) == (None, None)


def test_no_street_line_or_postal_code_ever_reaches_an_event_location():
    shipment = parse_track_response(load(COMPOSITE), "1Z023E2X0214323462")
    text = json.dumps([e.location for e in shipment.events])
    for private in ("100 Main St", "Warehouse", "Building 1", "07470"):
        assert private not in text


@pytest.mark.parametrize("name", NOT_FOUND)
def test_a_tw0001_warning_means_tracking_not_found(name):
    with pytest.raises(TrackingNotFoundError) as caught:
        parse_track_response(load(name), "1Z5629230309413682")
    assert caught.value.ups_code == "TW0001"
    assert caught.value.code == "not_found"


def test_an_error_body_given_to_the_parser_raises_its_typed_error():
    with pytest.raises(InvalidNumberError) as caught:
        parse_track_response(load(INVALID), "1Z123")
    assert caught.value.ups_code == "TV1002"
