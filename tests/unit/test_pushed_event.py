"""A Track Alert scan completes what the Track API told us, without ever going backwards."""

from __future__ import annotations

import json
from pathlib import Path

from backend.adapters.ups.mapping import parse_track_response
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


def test_a_scan_we_already_have_changes_nothing():
    already = Shipment(NUMBER, PUSHED.event.status, "", (PUSHED.event,))
    assert with_pushed_event(already, NUMBER, PUSHED.event) is already


def test_an_older_scan_joins_the_history_and_the_status_never_goes_backwards():
    later = _known("2099-01-01T08:00:00-05:00", Status.DELIVERED)
    merged = with_pushed_event(later, NUMBER, PUSHED.event)
    assert merged.status is Status.DELIVERED and merged.status_description == "Departed"
    assert merged.events == (*later.events, PUSHED.event)
    assert detect_change(Status.DELIVERED, merged) is None


# A real Track API history whose scan times disagree with UPS's order (README of real/):
# UPS lists "Shipper created a label" (17:34:05) as older than the 17:31:57 pickup scan.
REAL_HISTORY = parse_track_response(
    json.loads((FIXTURES / "real" / "code_index_1Z81WV380316886897_delivered_2024-02-02.json")
               .read_text()),
    "1Z81WV380316886897",
)  # fmt: skip


def _pushed(time: str, code: str, status: Status) -> TrackingEvent:
    return TrackingEvent(time, "Lathrop, CA, US", "Track Alert scan", status, code, "")


def test_a_pushed_scan_is_merged_by_time_and_ups_order_stays_where_times_disagree():
    codes = [e.ups_code for e in REAL_HISTORY.events]
    assert codes[-3:] == ["OC", "DP", "MP"]  # UPS's order, not the clock's
    pushed = _pushed("2024-02-01T12:00:00-08:00", "XX", Status.AT_FACILITY)
    merged = with_pushed_event(REAL_HISTORY, REAL_HISTORY.number, pushed)
    # Between "Departed from Facility" (19:45) and "Arrived at Facility" (09:24) of Feb 1.
    assert [e.ups_code for e in merged.events] == [*codes[:6], "XX", *codes[6:]]
    assert merged.status is Status.DELIVERED  # the history's latest scan still decides


def test_a_pushed_scan_newer_than_the_history_leads_it():
    pushed = _pushed("2024-02-03T08:00:00-08:00", "RS", Status.RETURNED_TO_SENDER)
    merged = with_pushed_event(REAL_HISTORY, REAL_HISTORY.number, pushed)
    assert merged.events == (pushed, *REAL_HISTORY.events)
    assert merged.status is Status.RETURNED_TO_SENDER
