"""The watched-parcels use case on fakes: watch -> lookup -> start polling -> ask pushes."""

from __future__ import annotations

import pytest

from backend.domain.statuses import Status
from backend.domain.watches import ParcelNotWatchedError, WatchLimitError
from backend.services.lookup import LookupService
from backend.services.parcels import Parcels
from tests.fakes import (
    FakeCarrier,
    FakeClock,
    FakeCreditLedger,
    FakeNotificationLog,
    FakeSnapshotCache,
    FakeWatchStore,
)
from tests.support.numbers import make_1z

A, B = make_1z("PARCEL", 1), make_1z("PARCEL", 2)
USER = "o-user"


class RecordingRefresher:
    def __init__(self) -> None:
        self.started: list[tuple[str, Status | None]] = []
        self.stopped: list[str] = []

    def start(self, number, shipment) -> None:
        self.started.append((number, shipment.status if shipment else None))

    def stop(self, number) -> None:
        self.stopped.append(number)


@pytest.fixture
def world():
    clock, carrier = FakeClock(), FakeCarrier()
    watches, refresher, wanted = FakeWatchStore(limit=2, clock=clock), RecordingRefresher(), []
    log = FakeNotificationLog(FakeCreditLedger(), clock=clock)
    lookup = LookupService(carrier, FakeSnapshotCache(clock), concurrency=2, clock=clock)
    parcels = Parcels(watches, lookup, refresher, wanted.append, log)
    return parcels, refresher, wanted, log, clock


def test_watching_looks_up_starts_polling_and_asks_for_pushes(world):
    parcels, refresher, wanted, _log, _clock = world
    parcel = parcels.watch(USER, A, "妈妈的包裹", "zh")
    assert parcel.watch.nickname == "妈妈的包裹" and parcel.lookup.snapshot is not None
    assert refresher.started == [(A, Status.IN_TRANSIT)] and wanted == [A]


def test_the_watch_limit_is_the_stores(world):
    parcels = world[0]
    parcels.watch(USER, A, None, "zh")
    parcels.watch(USER, B, None, "zh")
    with pytest.raises(WatchLimitError):
        parcels.watch(USER, make_1z("PARCEL", 3), None, "zh")


def test_list_and_get_carry_unread_counts(world):
    parcels, _refresher, _wanted, log, clock = world
    parcels.watch(USER, A, None, "zh")
    clock.advance(1)
    parcels.watch(USER, B, None, "zh")
    log.mark(USER, B, "change-1", "unread")
    assert [(p.watch.number, p.unread) for p in parcels.list(USER, "zh")] == [(A, 0), (B, 1)]
    assert parcels.get(USER, B, "zh").unread == 1
    with pytest.raises(ParcelNotWatchedError):
        parcels.get("o-other", B, "zh")


def test_polling_stops_only_when_the_last_watcher_leaves(world):
    parcels, refresher, *_ = world
    parcels.watch(USER, A, None, "zh")
    parcels.watch("o-other", A, None, "zh")
    parcels.unwatch(USER, A)
    assert refresher.stopped == []
    parcels.unwatch("o-other", A)
    assert refresher.stopped == [A]
