"""The watched-parcels use case on fakes: watch -> lookup -> start polling -> ask pushes."""

from __future__ import annotations

import pytest

from backend.domain.sends import SendRecord, SendState
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
    log.mark(USER, B, "change-1", SendRecord(SendState.UNREAD))
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


def test_a_list_longer_than_one_lookup_is_listed_whole():
    clock = FakeClock()
    watches = FakeWatchStore(limit=50, clock=clock)
    log = FakeNotificationLog(FakeCreditLedger(), clock=clock)
    lookup = LookupService(FakeCarrier(), FakeSnapshotCache(clock), concurrency=4, clock=clock)
    parcels = Parcels(watches, lookup, RecordingRefresher(), lambda _n: None, log)
    numbers = [make_1z("PARCEL", 100 + i) for i in range(50)]
    for number in numbers:
        watches.watch(USER, number, None)
    listed = parcels.list(USER, "zh")
    assert [p.watch.number for p in listed] == numbers
    assert all(p.lookup.snapshot is not None for p in listed)


def test_stopping_watching_revokes_the_users_shares_of_that_parcel_first():
    clock, calls = FakeClock(), []
    watches = FakeWatchStore(limit=5, clock=clock)
    log = FakeNotificationLog(FakeCreditLedger(), clock=clock)
    lookup = LookupService(FakeCarrier(), FakeSnapshotCache(clock), concurrency=2, clock=clock)
    refresher = RecordingRefresher()
    parcels = Parcels(
        watches, lookup, refresher, lambda _n: None, log,
        revoke_shares=lambda openid, number: calls.append((openid, number, watches.get(openid, number) is not None)),
    )  # fmt: skip
    parcels.watch(USER, A, None, "zh")
    parcels.unwatch(USER, A)
    assert calls == [(USER, A, True)] and refresher.stopped == [A]
