"""UPS status triples map to our statuses; unknown ones are logged once and never raise."""

from __future__ import annotations

import logging

import pytest

from backend.adapters.ups.status_codes import map_status
from backend.domain.statuses import Status

S = Status

# (statusCode, activity code, type, expected): every row of the table in docs/ups.md §5 with its
# example activity codes and the type UPS pairs them with.
TABLE_ROWS = [
    ("003", "MP", "M", S.LABEL_CREATED),
    ("005", "OR", "I", S.IN_TRANSIT),
    ("005", "DP", "I", S.IN_TRANSIT),
    ("005", "AR", "I", S.AT_FACILITY),
    ("005", "YP", "I", S.AT_FACILITY),
    ("005", "EE", "I", S.IN_TRANSIT),
    ("007", "VP", "MV", S.CANCELLED),
    ("011", "F4", "D", S.DELIVERED),
    ("011", "FS", "D", S.DELIVERED),
    ("012", "RZ", "X", S.CLEARANCE_IN_PROGRESS),
    ("012", "ER", "I", S.CLEARANCE_IN_PROGRESS),
    ("013", "ED", "X", S.EXCEPTION),
    ("013", "OF", "X", S.EXCEPTION),
    ("014", "RZ", "X", S.CLEARED),
    ("014", "BB", "X", S.CLEARANCE_IN_PROGRESS),
    ("014", "DA", "X", S.IN_TRANSIT),
    ("016", "WH", "X", S.READY_FOR_PICKUP),
    ("017", "VN", "X", S.READY_FOR_PICKUP),
    ("017", "ZQ", "X", S.READY_FOR_PICKUP),
    ("021", "OT", "I", S.OUT_FOR_DELIVERY),
    ("021", "OF", "I", S.OUT_FOR_DELIVERY),
    ("025", "LX", "I", S.IN_TRANSIT),
    ("028", "EG", "X", S.IN_TRANSIT),
    ("029", "H1", "X", S.EXCEPTION),
    ("032", "EJ", "X", S.EXCEPTION),
    ("035", "H8", "X", S.RETURNED_TO_SENDER),
    ("038", "PU", "P", S.SHIPMENT_ACCEPTED),
    ("038", "VS", "I", S.SHIPMENT_ACCEPTED),
    ("040", "ZP", "D", S.READY_FOR_PICKUP),
    ("044", "LM", "I", S.SHIPMENT_ACCEPTED),
    ("048", "HA", "X", S.EXCEPTION),
    ("058", "EU", "X", S.AWAITING_RECEIVER),
    ("071", "YP", "I", S.AT_FACILITY),
    ("072", "OD", "I", S.OUT_FOR_DELIVERY),
    ("092", "", "X", S.CLEARANCE_IN_PROGRESS),
]

# No statusCode: the activity code decides, and the type only when the code is unknown.
CODE_ROWS = [
    ("", "OT", "I", S.OUT_FOR_DELIVERY),  # type I must not make it in_transit
    ("", "OF", "I", S.OUT_FOR_DELIVERY),
    ("", "AR", "I", S.AT_FACILITY),
    ("", "SR", "X", S.CLEARED),
    ("", "MP", "M", S.LABEL_CREATED),
    ("", "F4", "D", S.DELIVERED),
    ("", "VP", "", S.CANCELLED),
    ("", "MV", "", S.CANCELLED),
    ("", "H8", "X", S.RETURNED_TO_SENDER),
    ("", "PU", "P", S.SHIPMENT_ACCEPTED),
    ("", "ZP", "D", S.READY_FOR_PICKUP),
]

TYPE_ROWS = [
    ("", "", "D", S.DELIVERED),
    ("", "", "I", S.IN_TRANSIT),
    ("", "", "M", S.LABEL_CREATED),
    ("", "", "MV", S.CANCELLED),
    ("", "", "X", S.EXCEPTION),
    ("", "", "U", S.IN_TRANSIT),
    ("", "", "P", S.SHIPMENT_ACCEPTED),
    ("", "", "RS", S.RETURNED_TO_SENDER),
    ("", "", "O", S.OUT_FOR_DELIVERY),
]

QUIRK_ROWS = [
    ("", "092", "", S.CLEARANCE_IN_PROGRESS),  # currentStatus: 3-digit code in `code`, no type
    ("", "003", "", S.LABEL_CREATED),
    ("21", "", "", S.OUT_FOR_DELIVERY),  # leading zero dropped
    (" 011 ", " f4", "d ", S.DELIVERED),  # padding and case
]


@pytest.mark.parametrize(("status_code", "code", "type_", "expected"), TABLE_ROWS)
def test_each_documented_status_code_maps_to_its_status(status_code, code, type_, expected):
    assert map_status(status_code, code, type_) is expected


@pytest.mark.parametrize(("status_code", "code", "type_", "expected"), CODE_ROWS + TYPE_ROWS)
def test_without_a_status_code_the_activity_code_then_the_type_decides(
    status_code, code, type_, expected
):
    assert map_status(status_code, code, type_) is expected


@pytest.mark.parametrize(("status_code", "code", "type_", "expected"), QUIRK_ROWS)
def test_production_quirks_in_status_fields_are_tolerated(status_code, code, type_, expected):
    assert map_status(status_code, code, type_) is expected


@pytest.mark.parametrize(
    ("status_code", "code", "type_", "description", "expected"),
    [
        ("013", "", "X", "Receiver's office was closed on the 2nd delivery attempt.", S.DELIVERY_ATTEMPTED),
        ("", "", "X", "Nobody was available for delivery; a delivery attempt will follow.", S.DELIVERY_ATTEMPTED),
        ("013", "", "X", "The parcel is being returned to the sender.", S.RETURNED_TO_SENDER),
        ("013", "", "X", "It will be returned to the sender if not collected.", S.EXCEPTION),
        ("", "", "", "RETURNED TO SENDER", S.RETURNED_TO_SENDER),
        ("", "", "", "Picked up by the receiver at a UPS Access Point", S.DELIVERED),
        ("013", "", "X", "Weather delay at the hub.", S.EXCEPTION),
        ("", "", "I", "Out For Delivery Today", S.OUT_FOR_DELIVERY),
        ("", "", "", "DELIVERED ", S.DELIVERED),
        ("", "", "D", "Delivered to UPS Access Point", S.READY_FOR_PICKUP),
        ("", "", "", "Pickup Scan ", S.SHIPMENT_ACCEPTED),
        ("", "", "X", "Your package was released by the customs agency.", S.CLEARED),
        ("", "", "X", "Held by customs at the border.", S.CLEARANCE_IN_PROGRESS),
        ("", "", "I", "包裹已离开转运中心", S.IN_TRANSIT),
        ("058", "BB", "X", "UPS asked the sender for the clearance paperwork.", S.CLEARANCE_IN_PROGRESS),
        ("058", "EU", "X", "The receiver must send clearance documents.", S.AWAITING_RECEIVER),
    ],
)  # fmt: skip
def test_description_words_sharpen_or_replace_missing_codes(
    status_code, code, type_, description, expected
):
    assert map_status(status_code, code, type_, description) is expected


def test_an_unknown_combination_is_logged_once_and_falls_back_to_its_type(caplog):
    caplog.set_level(logging.WARNING, logger="backend.adapters.ups.status_codes")
    first = map_status("999", "QZ", "I")
    second = map_status("999", "QZ", "I")
    assert first is second is S.IN_TRANSIT
    warnings = [r for r in caplog.records if "unmapped UPS status" in r.getMessage()]
    assert len(warnings) == 1
    assert "'999'" in warnings[0].getMessage() and "'QZ'" in warnings[0].getMessage()


def test_each_distinct_unknown_combination_gets_its_own_warning(caplog):
    caplog.set_level(logging.WARNING, logger="backend.adapters.ups.status_codes")
    assert map_status("", "QY", "X") is S.EXCEPTION
    assert map_status("997", "AR", "I") is S.AT_FACILITY  # known code rescues it
    assert map_status("996", "", "ZZ") is S.UNKNOWN
    assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 3


def test_known_combinations_log_nothing(caplog):
    caplog.set_level(logging.WARNING)
    for status_code, code, type_, _ in TABLE_ROWS + CODE_ROWS + TYPE_ROWS:
        map_status(status_code, code, type_)
    assert caplog.records == []


def test_junk_input_never_raises_and_gives_unknown():
    assert map_status(None, None, None, None) is S.UNKNOWN  # type: ignore[arg-type]
    assert map_status("", "", "") is S.UNKNOWN


# UPS's list (ISS#7 rows and the codes issue #14 cites): every attempt code is an attempt,
# whatever the type, even when the wording says nothing about an attempt.
@pytest.mark.parametrize(
    ("status_code", "code", "expected"),
    [("019", "7M", S.AT_FACILITY), ("051", "7V", S.EXCEPTION), ("052", "7W", S.EXCEPTION),
     ("053", "7X", S.EXCEPTION), ("054", "78", S.IN_TRANSIT), ("", "76", S.OUT_FOR_DELIVERY),
     ("", "7W", S.EXCEPTION)],
)  # fmt: skip
def test_more_rows_of_upss_list(status_code, code, expected, caplog):
    caplog.set_level(logging.WARNING, logger="backend.adapters.ups.status_codes")
    assert map_status(status_code, code, "X" if expected is S.EXCEPTION else "I") is expected
    assert caplog.records == []  # known: nothing logged


@pytest.mark.parametrize("status_code", ["022", "023", "024", "060", "061", "062", "066", "22"])
def test_attempt_status_codes_are_delivery_attempts(status_code):
    assert map_status(status_code, "", "X", "UPDATE") is S.DELIVERY_ATTEMPTED


@pytest.mark.parametrize(
    ("status_code", "code", "type_", "description", "expected"),
    [
        # Real capture quoted in issue #14: an unlisted statusCode with a customs code whose
        # wording says the parcel is through. The two-letter code must not win.
        ("134", "VK", "I", "Your package has cleared customs and is on the way", S.CLEARED),
        ("134", "VK", "X", "Your package is in customs clearance", S.CLEARANCE_IN_PROGRESS),
        ("160", "", "I", "On the Way", S.IN_TRANSIT),
        ("004", "MP", "M", "Shipper created a label, UPS has not received the package yet.", S.LABEL_CREATED),
        # A known customs statusCode whose own text says it is through.
        ("012", "VK", "I", "Your package has cleared customs and is on the way", S.CLEARED),
        ("012", "VK", "I", "Your package is pending release from customs", S.CLEARANCE_IN_PROGRESS),
        ("012", "VK", "I", "The package was not cleared by customs", S.CLEARANCE_IN_PROGRESS),
        # ISS#7 activity codes of 022 ("First Attempt Made") and 027 (address change requested).
        ("", "3J", "X", "", S.DELIVERY_ATTEMPTED),
        ("027", "3M", "X", "UPS has received a request to deliver to an alternate address.", S.IN_TRANSIT),
    ],
)  # fmt: skip
def test_wording_decides_when_the_status_code_is_unknown(
    status_code, code, type_, description, expected
):
    assert map_status(status_code, code, type_, description) is expected


def test_every_sighting_of_an_unknown_code_is_counted_and_the_first_logged(caplog):
    from backend.adapters.ups.status_codes import unknown_codes

    caplog.set_level(logging.WARNING, logger="backend.adapters.ups.status_codes")
    before = unknown_codes().get(("977", "VK", "I"), 0)
    for _ in range(3):
        map_status("977", "VK", "I", "Your package has cleared customs and is on the way")
    assert unknown_codes()[("977", "VK", "I")] == before + 3
    logged = [r for r in caplog.records if "'977'" in r.getMessage()]
    assert len(logged) == (1 if before == 0 else 0)
    assert map_status("011", "FS", "D") is S.DELIVERED
    assert ("011", "FS", "D") not in unknown_codes()
