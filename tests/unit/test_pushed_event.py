"""A Track Alert scan completes what the Track API told us, without ever going backwards."""

from __future__ import annotations

import json
from pathlib import Path

from backend.adapters.ups.webhook_mapping import parse_webhook
from backend.domain.model import Shipment, TrackingEvent
from backend.domain.statuses import Status
from backend.domain.tracking import detect_change, with_pushed_event

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ups"
# UPS's published Track Alert example (out for delivery), mapped by the production mapper.
PUSHED = parse_webhook(
    json.loads((FIXTURES / "track_alert_v2_webhook_event_out_for_delivery.json").read_text())
)
NUMBER = PUSHED.number


def _known(time: str, status: Status = Status.IN_TRANSIT) -> Shipment:
    event = TrackingEvent(time, "Louisville, KY, US", "Departed", status, "DP", "005")
    return Shipment(NUMBER, status, "Departed", (event,))


def test_a_newer_pushed_scan_becomes_the_latest_and_sets_the_status():
    known = _known("2000-01-01T08:00:00-05:00")
    merged = with_pushed_event(known, NUMBER, PUSHED.event)
    assert merged.status is PUSHED.event.status is Status.OUT_FOR_DELIVERY
    assert merged.events == (PUSHED.event, *known.events)
    change = detect_change(Status.IN_TRANSIT, merged)
    assert change and change.current is Status.OUT_FOR_DELIVERY
    assert change.event_time == PUSHED.event.time and change.location == PUSHED.event.location


def test_without_any_snapshot_the_pushed_scan_alone_is_enough():
    merged = with_pushed_event(None, NUMBER, PUSHED.event)
    assert merged.number == NUMBER and merged.events == (PUSHED.event,)


def test_a_scan_we_already_have_or_an_older_one_changes_nothing():
    already = Shipment(NUMBER, PUSHED.event.status, "", (PUSHED.event,))
    assert with_pushed_event(already, NUMBER, PUSHED.event) is already
    later = _known("2099-01-01T08:00:00-05:00", Status.DELIVERED)
    assert with_pushed_event(later, NUMBER, PUSHED.event) is later
