"""Delivery proof, charges and alternates read from real UPS material (tests/fixtures/ups)."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from backend.adapters.ups.delivery_mapping import charges, decode_photo, photo_state
from backend.adapters.ups.mapping import parse_track_response
from backend.adapters.ups.webhook_mapping import parse_webhook
from backend.domain.model import Charge

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ups"
DOORSTEP = Path(__file__).resolve().parents[2] / "backend" / "sandbox" / "ups" / "doorstep.jpg"


def load(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def package(name: str) -> dict:
    return load(name)["trackResponse"]["shipment"][0]["package"][0]


def test_issue_39_indicator_y_and_code_v_without_a_photo_string_means_at_ups():
    # A real production capture: photo taken and viewable, but no bytes for our app.
    body = load("real/code_index_1Z81WV380316886897_delivered_2024-02-02.json")
    shipment = parse_track_response(body, "1Z81WV380316886897")
    assert shipment.photo == "at_ups"
    assert shipment.delivery_location == "Delivery Photo"


def test_a_delivery_photo_block_on_an_undelivered_parcel_says_nothing_issue_236():
    body = load("real/code_index_1Z00160W0391111222_rescheduled_eod_2025-12-11.json")
    assert parse_track_response(body, "1Z00160W0391111222").photo is None


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        ({"photoCaptureInd": "Y", "photoDispositionCode": "V"}, "at_ups"),
        ({"photoCaptureInd": "Y", "photoDispositionCode": "N"}, None),  # not viewable
        ({"photoCaptureInd": "Y", "photoDispositionCode": "U"}, None),  # not stored
        ({"photoCaptureInd": "Y"}, "at_ups"),  # no code: the capture flag is enough
        ({"photoCaptureInd": "Y", "photoDispositionCode": "Q"}, "at_ups"),  # unknown code
        ({"photoCaptureInd": "N"}, None),
        ({"photoCaptureInd": "string", "photoDispositionCode": "string"}, None),  # spec sample
        ({}, None),
    ],
)
def test_photo_state_follows_capture_flag_and_disposition(codes, expected):
    assert photo_state({"deliveryPhoto": codes}, kept=False) == expected
    assert photo_state({"deliveryPhoto": codes}, kept=True) == "available"


def test_the_spec_examples_give_a_charge_an_alternate_and_no_photo():
    body = load("GENERATED_track_v1_details_200_schema_field_examples_composite.json")
    shipment = parse_track_response(body, "1Z023E2X0214323462")
    # "243.5" EUR, paid false (a real boolean), type ICOD/COD: two decimals kept.
    assert shipment.charges == (Charge("ICOD/COD", "243.50", "EUR", False),)
    assert shipment.photo is None  # "string" is neither a JPEG nor a Y flag
    assert shipment.alternate_numbers == ("92419900000033499522966220",)


def test_an_alternate_number_finds_its_package_among_several():
    body = load("GENERATED_track_v1_details_200_schema_field_examples_composite.json")
    packages = body["trackResponse"]["shipment"][0]["package"]
    other = {**packages[0], "trackingNumber": "1ZOTHER0000000001", "alternateTrackingNumber": []}
    body["trackResponse"]["shipment"][0]["package"] = [other, packages[0]]
    shipment = parse_track_response(body, "92419900000033499522966220")
    assert shipment.number == "92419900000033499522966220"
    assert shipment.charges  # the package naming it, not the first one


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ({"amount": "0", "currency": "cny", "paid": True, "type": "DUTY"}, ("0.00", "CNY", True)),
        ({"amount": 12, "currency": "USD", "paid": "true"}, ("12.00", "USD", True)),
        ({"amount": "-3", "currency": "USD", "paid": False}, None),
        ({"amount": "NaN", "currency": "USD"}, None),
        ({"amount": "1.5", "currency": "US DOLLAR"}, None),
        ({"amount": "string", "currency": "EUR"}, None),
    ],
)
def test_charges_keep_only_real_amounts_and_currencies(item, expected):
    found = charges({"paymentInformation": [item]})
    assert [(c.amount, c.currency, c.paid) for c in found] == ([expected] if expected else [])


def test_the_enhanced_delivered_event_carries_the_signer_and_no_photo_when_blank():
    event = parse_webhook(
        load("track_alert_v1_enhanced_webhook_event_7_delivered_FS_receivedBy.json")
    )
    assert event.received_by == "John"
    assert event.photo is None  # UPS leaves deliveryPhoto "" until a photo exists
    standard = parse_webhook(load("track_alert_v1_webhook_event_7_delivered_FS.json"))
    assert standard.received_by is None and standard.photo is None


def test_a_real_jpeg_is_decoded_and_anything_else_dropped():
    jpeg = DOORSTEP.read_bytes()
    text = base64.b64encode(jpeg).decode()
    assert decode_photo(text) == jpeg
    assert decode_photo("data:image/jpeg;base64," + text) == jpeg
    assert decode_photo(text[:-8]) is None  # truncated: no end-of-image marker
    png = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 100).decode()
    assert decode_photo(png) is None
    assert decode_photo("not base64 at all!") is None
    assert decode_photo("") is None and decode_photo(None) is None
    huge = base64.b64encode(b"\xff\xd8\xff" + b"\0" * (2 * 1024 * 1024) + b"\xff\xd9").decode()
    assert decode_photo(huge) is None


def test_an_enhanced_event_with_a_photo_gives_its_bytes():
    body = load("track_alert_v1_enhanced_webhook_event_7_delivered_FS_receivedBy.json")
    body["deliveryPhoto"] = base64.b64encode(DOORSTEP.read_bytes()).decode()
    assert parse_webhook(body).photo == DOORSTEP.read_bytes()
