"""A TrackAlertService on in-memory fakes with a fake clock, for service tests (no Redis)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from backend.ports import WebhookParser
from backend.services.track_alert import TrackAlertService
from tests.fakes import (
    FakeClock,
    FakeRefreshQueue,
    FakeTrackAlertClient,
    FakeTrackAlertStore,
    FakeTrackingStateStore,
    FakeWatchStore,
    fake_webhook,
)
from tests.fakes.clock import T0

__all__ = ["T0", "World", "make_world", "world_fixture"]


@dataclass
class World:
    service: TrackAlertService
    ups: FakeTrackAlertClient
    clock: FakeClock
    store: FakeTrackAlertStore
    watches: FakeWatchStore
    state: FakeTrackingStateStore
    queue: FakeRefreshQueue

    @property
    def enqueued(self) -> list[str]:
        return self.queue.enqueued

    def watch(self, *numbers: str) -> None:
        """A user watches `numbers` (the parcels use case's hook included)."""
        for number in numbers:
            self.watches.watch("o-user", number, None)
            self.service.want(number)


def make_world(parse: WebhookParser = fake_webhook, enabled: bool = True) -> World:
    ups, clock, queue = FakeTrackAlertClient(), FakeClock(), FakeRefreshQueue()
    store, watches, state = (
        FakeTrackAlertStore(),
        FakeWatchStore(limit=1000),
        FakeTrackingStateStore(),
    )
    service = TrackAlertService(
        ups, store, watches, state, queue.enqueue, parse, enabled=enabled, clock=clock
    )
    return World(service, ups, clock, store, watches, state, queue)


@pytest.fixture(name="world")
def world_fixture() -> World:
    return make_world()


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
