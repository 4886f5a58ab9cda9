"""Track Alert events: a new one enqueues the polling refresh job, a repeat nothing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from backend.domain.errors import MalformedEvent
from backend.services.track_alert import DAY, StaleWebhookEventError
from tests.support.numbers import make_1z
from tests.support.track_alert import T0, world_fixture  # noqa: F401


def at(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="seconds")


NUMBER = make_1z("TAEVNT", 1)
EVENT = {"number": NUMBER, "time": at(T0 - 3600), "code": "OT"}


def test_a_webhook_event_enqueues_the_refresh_of_its_number(world):
    world.watch(NUMBER)
    assert world.service.handle_webhook(EVENT) is True
    assert world.enqueued == [NUMBER]


def test_duplicate_events_change_nothing(world):
    world.watch(NUMBER)
    world.service.handle_webhook(EVENT)
    assert world.service.handle_webhook(dict(EVENT)) is False
    assert world.enqueued == [NUMBER]
    assert world.service.handle_webhook(EVENT | {"time": at(T0 - 3540)}) is True
    assert world.enqueued == [NUMBER, NUMBER]  # a new scan of the same parcel


def test_events_of_unwatched_numbers_enqueue_nothing(world):
    assert world.service.handle_webhook(EVENT) is True and world.enqueued == []


def test_a_failed_enqueue_lets_the_resend_through(world):
    world.watch(NUMBER)
    world.queue.fail_with = ConnectionError("queue down")
    with pytest.raises(ConnectionError):
        world.service.handle_webhook(EVENT)
    assert world.service.handle_webhook(EVENT) is True and world.enqueued == [NUMBER]


def test_a_body_that_is_not_an_event_raises(world):
    with pytest.raises(MalformedEvent):
        world.service.handle_webhook({"hello": "ups"})


@pytest.mark.parametrize("age", [3 * DAY, -2 * DAY])
def test_an_event_outside_the_freshness_window_is_refused_and_not_seen(world, age):
    world.watch(NUMBER)
    with pytest.raises(StaleWebhookEventError):
        world.service.handle_webhook(EVENT | {"time": at(T0 - age)})
    assert world.enqueued == []
    assert world.service.handle_webhook(EVENT) is True  # the stale one marked nothing


def test_an_event_without_a_time_is_still_taken_and_de_duplicated(world):
    world.watch(NUMBER)
    assert world.service.handle_webhook(EVENT | {"time": ""}) is True
    assert world.service.handle_webhook(EVENT | {"time": ""}) is False
