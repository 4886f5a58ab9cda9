"""TrackAlertService on a real Redis with a fake UPS: who gets subscribed, renewals, webhooks."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from backend.adapters.polling_store import TrackedState
from backend.adapters.track_alert_store import TrackAlertStore
from backend.adapters.ups.errors import UpstreamUnavailableError
from backend.adapters.ups.track_alert import SubscribeResult, TrackAlertRejectedError
from backend.adapters.ups.webhook_mapping import WebhookFormatError
from backend.adapters.watch_store import WatchStore
from backend.bootstrap import build_services
from backend.domain.model import Shipment
from backend.domain.statuses import Status
from backend.domain.tracking import SUBSCRIBED_SLOWDOWN
from backend.services.track_alert import (
    DAY,
    RETRY_SECONDS,
    SUBSCRIPTION_SECONDS,
    TrackAlertService,
)
from tests.support.numbers import make_1z

EVENT = (
    Path(__file__).resolve().parents[1]
    / "fixtures/ups/track_alert_v2_webhook_event_out_for_delivery.json"
)
T0 = 1_800_000_000.0


class FakeTrackAlert:
    """Answers like UPS: every 1Z valid, unless told to fail or to refuse some numbers."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []
        self.failure: Exception | None = None
        self.invalid: set[str] = set()

    def subscribe_batch(self, numbers: list[str]) -> SubscribeResult:
        assert len(numbers) <= 100
        self.calls.append(list(numbers))
        if self.failure is not None:
            raise self.failure
        return SubscribeResult(
            [n for n in numbers if n not in self.invalid], [n for n in numbers if n in self.invalid]
        )


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def world(redis_client):
    fake, clock, enqueued = FakeTrackAlert(), Clock(), []
    watches = WatchStore(redis_client, limit=1000)
    service = TrackAlertService(
        fake, TrackAlertStore(redis_client), watches, TrackedState(redis_client),
        enqueued.append, clock=clock,
    )  # fmt: skip
    return service, fake, clock, enqueued, watches, TrackedState(redis_client)


def watched(world, *numbers: str) -> None:
    service, *_rest, watches, _state = world
    for number in numbers:
        watches.watch("o-user", number, None)
        service.want(number)


A, B = make_1z("TAFAKE", 1), make_1z("TAFAKE", 2)


def test_a_watched_number_is_subscribed_by_the_next_step(world):
    service, fake, clock, *_ = world
    watched(world, A)
    assert not service.is_subscribed(A)
    assert service.renew_due() == 1
    assert fake.calls == [[A]] and service.is_subscribed(A)
    assert service.renew_due() == 0 and len(fake.calls) == 1  # nothing due any more


def test_250_watched_numbers_take_three_calls(world):
    service, fake, *_ = world
    numbers = [make_1z("TAFAKE", n) for n in range(250)]
    watched(world, *numbers)
    assert service.renew_due() == 250
    assert [len(call) for call in fake.calls] == [100, 100, 50]


def test_only_unfinished_1z_numbers_are_sent(world):
    service, fake, _clock, _q, _w, state = world
    state.record(B, Status.DELIVERED, None, {})
    assert service.subscribe_watched(["1R12345678901234", "123456789012", A, B, A]).valid == [A]
    assert fake.calls == [[A]]


def test_unwatched_numbers_leave_the_due_set(world):
    service, fake, _clock, _q, watches, _s = world
    watched(world, A)
    watches.unwatch("o-user", A)
    assert service.renew_due() == 0 and fake.calls == []
    assert service._store.due_at(A) is None


def test_renewal_two_days_before_expiry_while_undelivered(world):
    service, fake, clock, _q, _w, state = world
    watched(world, A, B)
    service.renew_due()
    clock.now = T0 + SUBSCRIPTION_SECONDS - 2 * DAY - 60
    assert service.renew_due() == 0 and len(fake.calls) == 1
    state.record(B, Status.DELIVERED, None, {})
    clock.now += 120
    assert service.renew_due() == 1
    assert fake.calls[-1] == [A]  # B was delivered: not renewed, and dropped for good
    assert service._store.get(A).expires_at == clock.now + SUBSCRIPTION_SECONDS
    assert service._store.due_at(B) is None


def test_want_is_a_no_op_for_fresh_or_refused_subscriptions(world):
    service, fake, clock, *_ = world
    fake.invalid = {B}
    watched(world, A, B)
    service.renew_due()
    watched(world, A, B)  # watched again (another user, a later refresh)
    clock.now += 3600
    assert service.renew_due() == 0 and len(fake.calls) == 1
    assert service._store.get(B).rejected == "invalid"


def test_transient_errors_retry_later_not_now(world):
    service, fake, clock, *_ = world
    watched(world, *[make_1z("TAFAKE", n) for n in range(150)])
    fake.failure = UpstreamUnavailableError("down", "10004", 500)
    assert service.renew_due() == 0
    assert len(fake.calls) == 1  # the second batch was not even tried
    fake.failure = None
    clock.now += RETRY_SECONDS - 1
    assert service.renew_due() == 0 and len(fake.calls) == 1
    clock.now += 2
    assert service.renew_due() == 150


@pytest.mark.parametrize("code", ["VSS300", "VSS220"])
def test_hard_errors_are_remembered_and_never_retried(world, code):
    service, fake, clock, *_ = world
    watched(world, A)
    fake.failure = TrackAlertRejectedError("refused", code, 400, [])
    assert service.renew_due() == 0
    fake.failure = None
    watched(world, A)
    clock.now += 7 * DAY
    assert service.renew_due() == 0 and len(fake.calls) == 1
    assert service._store.get(A).rejected == code and not service.is_subscribed(A)


def test_a_disabled_service_does_nothing(redis_client):
    fake = FakeTrackAlert()
    store, watches = TrackAlertStore(redis_client), WatchStore(redis_client)
    service = TrackAlertService(fake, store, watches, TrackedState(redis_client), print, False)
    watches.watch("o-user", A, None)
    service.want(A)
    assert service.renew_due() == 0 and fake.calls == [] and not service.is_subscribed(A)


def _event(**changes) -> dict:
    return json.loads(EVENT.read_text()) | changes


def test_a_webhook_event_enqueues_the_refresh_of_its_number(world):
    service, _f, _c, enqueued, *_ = world
    number = _event()["trackingNumber"]
    watched(world, number)
    assert service.handle_webhook(_event()) is True
    assert enqueued == [number]


def test_duplicate_events_change_nothing(world):
    service, _f, _c, enqueued, *_ = world
    number = _event()["trackingNumber"]
    watched(world, number)
    service.handle_webhook(_event())
    assert service.handle_webhook(_event(deliveryTimeDescription="")) is False
    assert enqueued == [number]
    assert service.handle_webhook(_event(localActivityTime="101500")) is True  # a new scan
    assert enqueued == [number, number]


def test_events_of_unwatched_numbers_enqueue_nothing(world):
    service, _f, _c, enqueued, *_ = world
    assert service.handle_webhook(_event()) is True and enqueued == []


def test_a_failed_enqueue_lets_the_resend_through(world):
    service, *_ = world
    watched(world, _event()["trackingNumber"])
    service._enqueue = lambda number: (_ for _ in ()).throw(ConnectionError("redis"))
    with pytest.raises(ConnectionError):
        service.handle_webhook(_event())
    service._enqueue = lambda number: None
    assert service.handle_webhook(_event()) is True


def test_a_body_that_is_not_an_event_raises(world):
    with pytest.raises(WebhookFormatError):
        world[0].handle_webhook({"hello": "ups"})


def test_subscribed_numbers_poll_slower_but_still_poll(settings):
    services = build_services(settings)
    try:
        services.track_alert._store.subscribed([A], time.time() + DAY, time.time())
        assert services.track_alert.is_subscribed(A) and not services.track_alert.is_subscribed(B)
        before = time.time()
        for number in (A, B):
            services.refresher.start(number, Shipment(number, Status.IN_TRANSIT))
        subscribed = services.schedule.next_time(A) - before
        plain = services.schedule.next_time(B) - before
        assert subscribed == pytest.approx(plain * SUBSCRIBED_SLOWDOWN, rel=0.01)
    finally:
        services.redis.close()


def test_webhooks_enqueue_on_the_queue_the_worker_serves():
    from backend.worker.__main__ import QUEUE_NAME
    from backend.worker.track_alert import REFRESH_QUEUE

    assert REFRESH_QUEUE == QUEUE_NAME
