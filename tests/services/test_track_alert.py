"""TrackAlertService subscriptions on in-memory fakes: who, when, how often."""

from __future__ import annotations

import pytest

from backend.domain.errors import CarrierUnavailable, SubscriptionRefused
from backend.domain.statuses import Status
from backend.services.track_alert import (
    DAY,
    RETRY_SECONDS,
    SUBSCRIPTION_SECONDS,
)
from tests.support.numbers import make_1z
from tests.support.track_alert import T0, make_world, world_fixture  # noqa: F401

A, B = make_1z("TAFAKE", 1), make_1z("TAFAKE", 2)


class Refused(SubscriptionRefused):
    """A hard refusal carrying the carrier's code, as the UPS adapter raises it."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self._code = code

    @property
    def reason(self) -> str:
        return self._code


def test_a_watched_number_is_subscribed_by_the_next_step(world):
    world.watch(A)
    assert not world.service.is_subscribed(A)
    assert world.service.renew_due() == 1
    assert world.ups.calls == [[A]] and world.service.is_subscribed(A)
    assert world.service.renew_due() == 0 and len(world.ups.calls) == 1  # nothing due now


def test_250_watched_numbers_take_three_calls(world):
    world.watch(*[make_1z("TAFAKE", n) for n in range(250)])
    assert world.service.renew_due() == 250
    assert [len(call) for call in world.ups.calls] == [100, 100, 50]


def test_only_unfinished_1z_numbers_are_sent(world):
    world.state.record(B, Status.DELIVERED, None)
    numbers = ["1R12345678901234", "123456789012", A, B, A]
    assert world.service.subscribe_watched(numbers).valid == [A]
    assert world.ups.calls == [[A]]


def test_unwatched_numbers_leave_the_due_set(world):
    world.watch(A)
    world.watches.unwatch("o-user", A)
    assert world.service.renew_due() == 0 and world.ups.calls == []
    assert A not in world.store.due


def test_renewal_two_days_before_expiry_while_undelivered(world):
    world.watch(A, B)
    world.service.renew_due()
    world.clock.now = T0 + SUBSCRIPTION_SECONDS - 2 * DAY - 60
    assert world.service.renew_due() == 0 and len(world.ups.calls) == 1
    world.state.record(B, Status.DELIVERED, None)
    world.clock.now += 120
    assert world.service.renew_due() == 1
    assert world.ups.calls[-1] == [A]  # B was delivered: not renewed, and dropped for good
    assert world.store.get(A).expires_at == world.clock.now + SUBSCRIPTION_SECONDS
    assert B not in world.store.due


def test_want_is_a_no_op_for_fresh_or_refused_subscriptions(world):
    world.ups.invalid = {B}
    world.watch(A, B)
    world.service.renew_due()
    world.watch(A, B)  # watched again (another user, a later refresh)
    world.clock.now += 3600
    assert world.service.renew_due() == 0 and len(world.ups.calls) == 1
    assert world.store.get(B).rejected == "invalid"


def test_transient_errors_retry_later_not_now(world):
    world.watch(*[make_1z("TAFAKE", n) for n in range(150)])
    world.ups.failure = CarrierUnavailable("down")
    assert world.service.renew_due() == 0
    assert len(world.ups.calls) == 1  # the second batch was not even tried
    world.ups.failure = None
    world.clock.now += RETRY_SECONDS - 1
    assert world.service.renew_due() == 0 and len(world.ups.calls) == 1
    world.clock.now += 2
    assert world.service.renew_due() == 150


@pytest.mark.parametrize("code", ["VSS300", "VSS220"])
def test_hard_errors_are_remembered_and_never_retried(world, code):
    world.watch(A)
    world.ups.failure = Refused(code)
    assert world.service.renew_due() == 0
    world.ups.failure = None
    world.watch(A)
    world.clock.now += 7 * DAY
    assert world.service.renew_due() == 0 and len(world.ups.calls) == 1
    assert world.store.get(A).rejected == code and not world.service.is_subscribed(A)


def test_a_disabled_service_does_nothing():
    world = make_world(enabled=False)
    world.watch(A)
    assert world.service.renew_due() == 0 and world.ups.calls == []
    assert not world.service.is_subscribed(A) and world.store.due == {}
