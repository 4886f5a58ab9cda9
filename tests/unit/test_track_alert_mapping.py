"""Track Alert webhook bodies -> TrackingEvent, field by field, for every UPS sample event."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backend.adapters.ups.webhook_mapping import WebhookFormatError, parse_webhook
from backend.domain.statuses import Status

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ups"
S = Status

# file -> (number, time, status, location, code, descriptionCode, scheduled, delivered_at)
EXPECTED = {
    "track_alert_v1_webhook_event_1_manifest_label_created_MP.json": (
        "1ZABCXYZ0112346789", "2024-04-22T09:12:30+05:00", S.LABEL_CREATED, "US",
        "MP", "003", None, None,
    ),
    "track_alert_v1_enhanced_webhook_event_1_manifest_MP.json": (
        "1ZABCXYZ0112346789", "2024-04-22T09:12:30+05:00", S.LABEL_CREATED, "US",
        "MP", "003", None, None,
    ),
    "track_alert_v1_webhook_event_2_ups_has_package_OR.json": (
        "1ZABCXYZ0112346789", "2024-04-22T21:29:01-04:00", S.IN_TRANSIT, "Hickory, NC, US",
        "OR", "005", "2024-04-23", None,
    ),
    "track_alert_v1_webhook_event_3_on_the_way_DP.json": (
        "1ZABCXYZ0112346789", "2024-04-22T22:54:00-04:00", S.IN_TRANSIT, "Hickory, NC, US",
        "DP", "005", "2024-04-23", None,
    ),
    "track_alert_v1_webhook_event_4_preparing_for_delivery_YP.json": (
        "1ZABCXYZ0112346789", "2024-04-23T00:30:52-04:00", S.AT_FACILITY, "Charlotte, NC, US",
        "YP", "071", "2024-04-23", None,
    ),
    "track_alert_v1_webhook_event_5_preparing_for_delivery_loaded_YP.json": (
        "1ZABCXYZ0112346789", "2024-04-23T06:39:36-04:00", S.AT_FACILITY, "Charlotte, NC, US",
        "YP", "071", "2024-04-23", None,
    ),
    "track_alert_v1_webhook_event_6_out_for_delivery_OT.json": (
        "1Z204W4R0308071865", "2024-04-23T09:15:19-04:00", S.OUT_FOR_DELIVERY,
        "Charlotte, NC, US", "OT", "021", "2024-04-23", None,
    ),
    # v1 example 7 has no descriptionCode: the activity code decides.
    "track_alert_v1_webhook_event_7_delivered_FS.json": (
        "1Z204W4R0308071865", "2024-04-23T09:50:04-04:00", S.DELIVERED, "CHARLOTTE, NC, US",
        "FS", "", "2019-10-14", "2024-04-23T09:50:04-04:00",
    ),
    "track_alert_v1_enhanced_webhook_event_7_delivered_FS_receivedBy.json": (
        "1Z204W4R0308071865", "2024-04-23T09:50:04-04:00", S.DELIVERED, "CHARLOTTE, NC, US",
        "FS", "011", "2019-10-14", "2024-04-23T09:50:04-04:00",
    ),
    "track_alert_v2_webhook_event_out_for_delivery.json": (
        "1Z204W4R0308071865", "2024-04-23T09:15:19-04:00", S.OUT_FOR_DELIVERY,
        "Charlotte, NC, US", "OT", "021", "2024-04-23", None,
    ),
    "track_alert_v2_webhook_event_delivered.json": (
        "1Z204W4R0308071865", "2024-04-23T09:50:04-04:00", S.DELIVERED, "CHARLOTTE, NC, US",
        "FS", "011", "2019-10-14", "2024-04-23T09:50:04-04:00",
    ),
    "observed/track_alert_webhook_event_cie_1ZCIETST0111111114_delivered_pipedream_capture.json": (
        "1ZCIETST0111111114", "2025-11-18T18:15:53-05:00", S.DELIVERED, "Nottingham, MD, US",
        "FS", "011", None, "2025-11-18T18:15:53-05:00",
    ),
}  # fmt: skip


def _load(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text())


def test_every_webhook_fixture_is_checked():
    found = {
        str(path.relative_to(FIXTURES))
        for path in FIXTURES.rglob("track_alert_*.json")
        if "webhook" in path.name
    }
    assert found == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_maps_field_by_field(name):
    number, time, status, location, code, status_code, scheduled, delivered = EXPECTED[name]
    body = _load(name)
    pushed = parse_webhook(body)
    assert pushed.number == number
    assert pushed.event.time == time
    assert pushed.event.status is status
    assert pushed.event.location == location  # never the postal code
    assert pushed.event.ups_code == code
    assert pushed.event.ups_status_code == status_code
    assert pushed.event.description == body["activityStatus"]["description"]
    assert pushed.scheduled_delivery == scheduled
    assert pushed.delivered_at == delivered


def test_postal_codes_never_reach_the_location():
    pushed = parse_webhook(_load("track_alert_v2_webhook_event_delivered.json"))
    assert "28209" not in pushed.event.location


def _event(**changes) -> dict:
    body = _load("track_alert_v2_webhook_event_out_for_delivery.json")
    return body | changes


def test_stated_gmt_offset_with_a_dot_wins_over_the_derived_one():
    pushed = parse_webhook(_event(gmtOffset="-05.00"))
    assert pushed.event.time == "2024-04-23T09:15:19-05:00"


def test_without_gmt_fields_the_time_has_no_offset():
    pushed = parse_webhook(_event(gmtActivityDate="", gmtActivityTime=""))
    assert pushed.event.time == "2024-04-23T09:15:19"


def test_blank_strings_are_missing_values():
    body = _event(localActivityTime="", scheduledDeliveryDate="", actualDeliveryDate="")
    body["activityLocation"] = {"city": "", "stateProvince": "", "postalCode": "", "country": ""}
    pushed = parse_webhook(body)
    assert pushed.event.time == "2024-04-23"
    assert pushed.event.location == ""
    assert pushed.scheduled_delivery is None and pushed.delivered_at is None


def test_description_code_read_as_a_number_gets_its_zeros_back():
    body = _event()
    body["activityStatus"] = body["activityStatus"] | {"descriptionCode": "21"}
    assert parse_webhook(body).event.ups_status_code == "021"


def test_spaces_around_and_inside_the_number_are_dropped():
    assert parse_webhook(_event(trackingNumber=" 1z204w4r0308071865 ")).number == (
        "1Z204W4R0308071865"
    )


@pytest.mark.parametrize(
    "body",
    [[], "text", {}, {"trackingNumber": "1Z204W4R0308071865"}, {"activityStatus": {}}],
)
def test_bodies_that_are_not_events_are_refused(body):
    with pytest.raises(WebhookFormatError):
        parse_webhook(body)


def test_fingerprint_depends_on_number_time_and_codes_only():
    first = parse_webhook(_event())
    assert parse_webhook(_event(deliveryTimeDescription="")).fingerprint == first.fingerprint
    assert parse_webhook(_event(localActivityTime="091520")).fingerprint != first.fingerprint
    other = _event()
    other["activityStatus"] = other["activityStatus"] | {"code": "OF"}
    assert parse_webhook(other).fingerprint != first.fingerprint
