"""Track Alert events: a new one enqueues the polling refresh job, a repeat nothing; and
subscribed numbers are still polled, only more slowly."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest

from backend.adapters.ups.webhook_mapping import WebhookFormatError
from backend.bootstrap import build_services
from backend.domain.model import Shipment
from backend.domain.statuses import Status
from backend.domain.tracking import SUBSCRIBED_SLOWDOWN
from backend.services.track_alert import DAY, StaleWebhookEventError
from tests.support.numbers import make_1z
from tests.support.track_alert import T0, restamp, world_fixture  # noqa: F401

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ups"
RECORDED = json.loads((FIXTURES / "track_alert_v2_webhook_event_out_for_delivery.json").read_text())
EVENT = restamp(RECORDED, T0 - 3600)
NUMBER = EVENT["trackingNumber"]


@pytest.mark.parametrize("age", [3 * DAY, -2 * DAY])
def test_an_event_outside_the_freshness_window_is_refused_and_not_seen(world, age):
    world.watch(NUMBER)
    with pytest.raises(StaleWebhookEventError):
        world.service.handle_webhook(restamp(RECORDED, T0 - age))
    assert world.enqueued == []
    assert world.service.handle_webhook(EVENT) is True  # the stale one marked nothing


def test_the_recorded_sample_is_accepted_when_it_is_recent(world):
    world.watch(NUMBER)
    world.clock.now = datetime(2024, 4, 23, 14, tzinfo=UTC).timestamp()
    assert world.service.handle_webhook(RECORDED) is True and world.enqueued == [NUMBER]


def test_a_webhook_event_enqueues_the_refresh_of_its_number(world):
    world.watch(NUMBER)
    assert world.service.handle_webhook(EVENT) is True
    assert world.enqueued == [NUMBER]


def test_duplicate_events_change_nothing(world):
    world.watch(NUMBER)
    world.service.handle_webhook(EVENT)
    assert world.service.handle_webhook(EVENT | {"deliveryTimeDescription": ""}) is False
    assert world.enqueued == [NUMBER]
    assert world.service.handle_webhook(EVENT | {"localActivityTime": "101500"}) is True
    assert world.enqueued == [NUMBER, NUMBER]  # a new scan of the same parcel


def test_events_of_unwatched_numbers_enqueue_nothing(world):
    assert world.service.handle_webhook(EVENT) is True and world.enqueued == []


def test_a_failed_enqueue_lets_the_resend_through(world):
    world.watch(NUMBER)
    world.service._enqueue = lambda number: (_ for _ in ()).throw(ConnectionError("redis"))
    with pytest.raises(ConnectionError):
        world.service.handle_webhook(EVENT)
    world.service._enqueue = world.enqueued.append
    assert world.service.handle_webhook(EVENT) is True and world.enqueued == [NUMBER]


def test_a_body_that_is_not_an_event_raises(world):
    with pytest.raises(WebhookFormatError):
        world.service.handle_webhook({"hello": "ups"})


def test_subscribed_numbers_poll_slower_but_still_poll(settings):
    a, b = make_1z("TAPOLL", 1), make_1z("TAPOLL", 2)
    services = build_services(settings)
    try:
        services.track_alert._store.subscribed([a], time.time() + DAY, time.time())
        assert services.track_alert.is_subscribed(a) and not services.track_alert.is_subscribed(b)
        before = time.time()
        for number in (a, b):
            services.refresher.start(number, Shipment(number, Status.IN_TRANSIT))
        subscribed = services.schedule.next_time(a) - before
        plain = services.schedule.next_time(b) - before
        assert subscribed == pytest.approx(plain * SUBSCRIBED_SLOWDOWN, rel=0.01)
    finally:
        services.redis.close()


def test_webhooks_enqueue_on_the_queue_the_worker_serves():
    from backend.worker.__main__ import QUEUE_NAME
    from backend.worker.track_alert import REFRESH_QUEUE

    assert REFRESH_QUEUE == QUEUE_NAME


@pytest.mark.parametrize(
    ("status", "subscribes"),
    [(Status.IN_TRANSIT, True), (Status.DELIVERED, False), (None, False)],
)
def test_the_refresh_job_subscribes_watched_parcels_still_moving(monkeypatch, status, subscribes):
    from backend.services.refresh import RefreshOutcome
    from backend.worker import jobs

    wanted: list[str] = []
    outcome = RefreshOutcome(NUMBER, status, False, (), None)
    services = SimpleNamespace(
        refresher=SimpleNamespace(refresh=lambda number: outcome),
        track_alert=SimpleNamespace(want=wanted.append),
    )
    monkeypatch.setattr(jobs, "process_services", lambda: services)
    jobs.refresh_number(NUMBER)
    assert wanted == ([NUMBER] if subscribes else [])
