"""UPS's published Track Alert webhook body through the real mapping into the service:
which changes make a new event (in-memory stores, no Redis)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from backend.adapters.ups.webhook_mapping import WebhookFormatError, parse_webhook
from backend.services.track_alert import StaleWebhookEventError
from tests.support.track_alert import make_world

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ups"
EVENT = json.loads((FIXTURES / "track_alert_v2_webhook_event_out_for_delivery.json").read_text())
NUMBER = EVENT["trackingNumber"]


@pytest.fixture
def world():
    world = make_world(parse_webhook)
    world.watches.watch("o-watcher", NUMBER, None)
    world.clock.now = SCANNED + 600  # the sample's scan (13:15:19 GMT) was ten minutes ago
    return world


SCANNED = datetime(2024, 4, 23, 13, 15, 19, tzinfo=UTC).timestamp()


def test_the_same_sample_replayed_days_later_is_refused(world):
    world.clock.now = SCANNED + 3 * 86400
    with pytest.raises(StaleWebhookEventError):
        world.service.handle_webhook(EVENT)
    assert world.enqueued == []


def test_a_resent_event_with_other_descriptions_is_a_duplicate(world):
    assert world.service.handle_webhook(EVENT) is True
    assert world.service.handle_webhook(EVENT | {"deliveryTimeDescription": ""}) is False
    assert world.enqueued == [NUMBER]


def test_a_later_scan_of_the_same_parcel_is_a_new_event(world):
    world.service.handle_webhook(EVENT)
    assert world.service.handle_webhook(EVENT | {"localActivityTime": "101500"}) is True
    assert world.enqueued == [NUMBER, NUMBER]


def test_a_body_without_number_or_status_is_refused(world):
    with pytest.raises(WebhookFormatError):
        world.service.handle_webhook({"trackingNumber": NUMBER})
