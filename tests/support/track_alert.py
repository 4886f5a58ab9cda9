"""A TrackAlertService on the test Redis with a fake UPS and a fake clock, for service tests."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from backend.adapters.polling_store import TrackedState
from backend.adapters.track_alert_store import TrackAlertStore
from backend.adapters.ups.track_alert import SubscribeResult
from backend.adapters.watch_store import WatchStore
from backend.services.track_alert import TrackAlertService

T0 = 1_800_000_000.0


class FakeTrackAlert:
    """Answers like UPS: every number valid, unless told to fail or to refuse some."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []
        self.failure: Exception | None = None
        self.invalid: set[str] = set()

    def subscribe_batch(self, numbers: list[str]) -> SubscribeResult:
        assert len(numbers) <= 100
        self.calls.append(list(numbers))
        if self.failure is not None:
            raise self.failure
        valid = [n for n in numbers if n not in self.invalid]
        return SubscribeResult(valid, [n for n in numbers if n in self.invalid])


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> float:
        return self.now


@dataclass
class World:
    service: TrackAlertService
    ups: FakeTrackAlert
    clock: Clock
    store: TrackAlertStore
    watches: WatchStore
    state: TrackedState
    enqueued: list[str] = field(default_factory=list)

    def watch(self, *numbers: str) -> None:
        """A user watches `numbers` (the web layer's hook included)."""
        for number in numbers:
            self.watches.watch("o-user", number, None)
            self.service.want(number)


@pytest.fixture(name="world")
def world_fixture(redis_client) -> World:
    ups, clock, enqueued = FakeTrackAlert(), Clock(), []
    store, watches = TrackAlertStore(redis_client), WatchStore(redis_client, limit=1000)
    state = TrackedState(redis_client)
    service = TrackAlertService(ups, store, watches, state, enqueued.append, clock=clock)
    return World(service, ups, clock, store, watches, state, enqueued)


def restamp(event: dict, at: float) -> dict:
    """A copy of a recorded webhook body whose scan happened at `at` (UTC, in its GMT fields
    and, offset-free, in its local fields): recorded samples are years old, and the webhook
    refuses stale events."""
    from datetime import UTC, datetime

    moment = datetime.fromtimestamp(at, UTC)
    day, clock = moment.strftime("%Y%m%d"), moment.strftime("%H%M%S")
    fields = {"localActivityDate": day, "localActivityTime": clock}
    fields |= {"gmtActivityDate": day, "gmtActivityTime": clock}
    return event | {key: value for key, value in fields.items() if key in event}
