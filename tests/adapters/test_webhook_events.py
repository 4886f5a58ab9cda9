"""UPS's published Track Alert webhook body through the real mapping into the service:
which changes make a new event (in-memory stores, no Redis)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backend.adapters.ups.webhook_mapping import WebhookFormatError, parse_webhook
from backend.services.track_alert import TrackAlertService
from tests.fakes import (
    FakeClock,
    FakeRefreshQueue,
    FakeTrackAlertClient,
    FakeTrackAlertStore,
    FakeTrackingStates,
    FakeWatchStore,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ups"
EVENT = json.loads((FIXTURES / "track_alert_v2_webhook_event_out_for_delivery.json").read_text())
NUMBER = EVENT["trackingNumber"]


@pytest.fixture
def queue():
    return FakeRefreshQueue()


@pytest.fixture
def service(queue):
    watches = FakeWatchStore()
    watches.watch("o-watcher", NUMBER, None)
    return TrackAlertService(
        FakeTrackAlertClient(), FakeTrackAlertStore(), watches, FakeTrackingStates(),
        queue.enqueue, parse_webhook, clock=FakeClock(),
    )  # fmt: skip


def test_a_resent_event_with_other_descriptions_is_a_duplicate(service, queue):
    assert service.handle_webhook(EVENT) is True
    assert service.handle_webhook(EVENT | {"deliveryTimeDescription": ""}) is False
    assert queue.enqueued == [NUMBER]


def test_a_later_scan_of_the_same_parcel_is_a_new_event(service, queue):
    service.handle_webhook(EVENT)
    assert service.handle_webhook(EVENT | {"localActivityTime": "101500"}) is True
    assert queue.enqueued == [NUMBER, NUMBER]


def test_a_body_without_number_or_status_is_refused(service):
    with pytest.raises(WebhookFormatError):
        service.handle_webhook({"trackingNumber": NUMBER})
