"""The caller's own data on fakes: everything kept is listed, and closing the account
erases it, ends the shares and stops polling numbers nobody watches any more."""

from __future__ import annotations

import pytest

from backend.services.account import Account
from backend.services.lookup import LookupService
from backend.services.parcels import Parcels
from backend.services.shares import ShareService
from tests.fakes import (
    FakeCardRenderer,
    FakeCarrier,
    FakeClock,
    FakeCodeMaker,
    FakeCreditLedger,
    FakeNotificationLog,
    FakePersonalRecords,
    FakeSessionStore,
    FakeShareStore,
    FakeSnapshotCache,
    FakeWatchStore,
)
from tests.services.test_parcels import RecordingRefresher
from tests.support.numbers import make_1z

A, B = make_1z("ACCOUNT", 1), make_1z("ACCOUNT", 2)
ME, OTHER = "o-leaving", "o-staying"
TPL = "tpl-status"


class World:
    def __init__(self) -> None:
        clock = FakeClock()
        self.watches, self.refresher = FakeWatchStore(clock=clock), RecordingRefresher()
        self.ledger = FakeCreditLedger()
        self.log = FakeNotificationLog(self.ledger, clock=clock)
        self.sessions = FakeSessionStore()
        lookup = LookupService(FakeCarrier(), FakeSnapshotCache(clock), concurrency=2, clock=clock)
        self.shares = ShareService(FakeShareStore(clock), self.watches, lookup,
                                   FakeCardRenderer(), FakeCodeMaker(), clock=clock)  # fmt: skip
        self.parcels = Parcels(self.watches, lookup, self.refresher, lambda _n: None, self.log,
                               self.shares.revoke_parcel)  # fmt: skip
        records = FakePersonalRecords(self.ledger, self.log, self.sessions)
        self.account = Account(self.watches, self.ledger, self.log, records, self.parcels,
                               self.shares)  # fmt: skip


@pytest.fixture
def world() -> World:
    w = World()
    for openid in (ME, OTHER):
        w.sessions.save(f"digest-{openid}", openid, 3600)
        w.ledger.record_answer(openid, TPL, "accept", "client")
    w.parcels.watch(ME, A, "妈妈的保健品", "zh")
    w.parcels.watch(ME, B, None, "zh")
    w.parcels.watch(OTHER, B, "我的", "zh")
    w.ledger.set_language(ME, "en")
    w.log.claim(ME, A, "c1", TPL)
    w.log.complete(ME, A, "c1", TPL, "msg-1")
    w.log.mark(ME, B, "c2", "unread")
    w.shares.create_share(ME, A, include_nickname=True)
    return w


def test_the_data_lists_watches_credits_language_shares_and_notifications(world):
    data = world.account.data(ME)
    assert [(w.number, w.nickname) for w in data.watches] == [(A, "妈妈的保健品"), (B, None)]
    assert data.credits == {TPL: 0} and data.language == "en"
    assert [(s.number, s.nickname) for s in data.shares] == [(A, "妈妈的保健品")]
    states = {(n.number, n.change_id, n.state) for n in data.notifications}
    assert states == {(A, "c1", "sent"), (B, "c2", "unread")}


def test_erasing_leaves_nothing_and_stops_polling_only_unwatched_numbers(world):
    share_id = world.shares.owned_by(ME)[0].share_id
    world.account.erase(ME)
    data = world.account.data(ME)
    assert (data.watches, data.credits, data.shares, data.notifications) == ([], {}, [], [])
    assert data.language == "zh"
    assert world.sessions.openid(f"digest-{ME}") is None
    assert world.shares.owned_by(ME) == [] and share_id not in str(world.shares.owned_by(OTHER))
    assert world.refresher.stopped == [A]  # B is still watched by the other user
    assert world.watches.watchers(B) == {OTHER}
    assert world.sessions.openid(f"digest-{OTHER}") == OTHER
    assert world.ledger.credits(OTHER) == {TPL: 1}


def test_erasing_twice_is_harmless(world):
    world.account.erase(ME)
    world.account.erase(ME)
    assert world.account.data(ME).watches == []
