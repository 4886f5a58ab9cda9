"""The same cases on each in-memory fake (tests/fakes) and on its Redis adapter, so the
service tests' fakes keep the rules the real stores enforce."""

from __future__ import annotations

import time

import pytest

from backend.adapters import redis_conn
from backend.adapters.credit_ledger import DisabledTemplates, RedisCreditLedger
from backend.adapters.notification_log import RedisNotificationLog
from backend.adapters.refresh_store import RedisRefreshSchedule, RedisTrackingStateStore
from backend.adapters.replay_cache import ReplayCache
from backend.adapters.share_store import RedisShareStore
from backend.adapters.snapshot_cache import RedisSnapshotCache
from backend.adapters.track_alert_store import RedisTrackAlertStore
from backend.adapters.watch_store import RedisWatchStore
from backend.domain.consent import PushClaim
from backend.domain.model import Shipment
from backend.domain.shares import Share
from backend.domain.statuses import Status
from backend.domain.tracking import detect_change
from backend.domain.watches import WatchLimitError
from tests.fakes import (
    FakeCreditLedger,
    FakeNonces,
    FakeNotificationLog,
    FakeRefreshSchedule,
    FakeShareStore,
    FakeSnapshotCache,
    FakeTemplateSwitch,
    FakeTrackAlertStore,
    FakeTrackingStateStore,
    FakeWatchStore,
)
from tests.support.numbers import make_1z

A, B, C = make_1z("CONTRT", 1), make_1z("CONTRT", 2), make_1z("CONTRT", 3)
USER, TEMPLATE = "o-contract", "tpl-contract"


TOPOLOGIES = [pytest.param(kind, marks=pytest.mark.topology) for kind in ("cluster", "sentinel")]


@pytest.fixture(params=["fake", "redis", *TOPOLOGIES])
def real(request) -> str | None:
    """None for the fake; else which Redis: the test server, a cluster, or Sentinel's primary."""
    return None if request.param == "fake" else request.param


@pytest.fixture
def redis_or_none(real, request):
    if real is None or real == "redis":
        yield request.getfixturevalue("redis_client") if real else None
        return
    topology = request.getfixturevalue("redis_topologies")(real)
    topology.flush()
    client = topology.data_client()
    yield client
    client.close()


@pytest.fixture
def blobs_or_none(real, request, redis_url):
    """The same Redis without decoding (compressed snapshots), or None for the fake."""
    if real is None:
        yield None
        return
    if real == "redis":
        client = redis_conn.connect(redis_url, decode=False)
    else:
        client = request.getfixturevalue("redis_topologies")(real).data_client(decode=False)
    yield client
    client.close()


def test_claims_spend_one_credit_once_and_mark_unread_without_credit(redis_or_none):
    client = redis_or_none
    ledger = RedisCreditLedger(client) if client else FakeCreditLedger()
    log = RedisNotificationLog(client) if client else FakeNotificationLog(ledger)
    assert log.claim(USER, A, "c1", TEMPLATE) == -1 and log.unread(USER, A) == ["c1"]
    ledger.record_answer(USER, TEMPLATE, "accept", side="client")
    ledger.record_answer(USER, TEMPLATE, "accept", side="push")  # the same popup, once
    assert ledger.credits(USER) == {TEMPLATE: 1}
    assert log.claim(USER, A, "c1", TEMPLATE) == 1
    assert log.claim(USER, A, "c1", TEMPLATE) == 3  # in flight elsewhere
    log.release(USER, A, "c1")
    assert log.claim(USER, A, "c1", TEMPLATE) == 1
    log.complete(USER, A, "c1", TEMPLATE, "msg-1")
    assert log.claim(USER, A, "c1", TEMPLATE) == 0 and ledger.credits(USER) == {TEMPLATE: 0}
    assert log.unread(USER, A) == []


def test_reservations_and_cancelling(redis_or_none):
    ledger = RedisCreditLedger(redis_or_none) if redis_or_none else FakeCreditLedger()
    ledger.record_answer(USER, TEMPLATE, "accept", side="client")
    ledger.reserve(USER, TEMPLATE, A)
    ledger.release(USER, TEMPLATE, B)  # not reserved: nothing happens
    assert ledger.reserved(USER) == {TEMPLATE: [A]}
    ledger.cancel(USER, TEMPLATE)
    assert ledger.credits(USER) == {TEMPLATE: 0} and ledger.answers(USER) == {TEMPLATE: "reject"}


def test_the_users_language_defaults_to_chinese_and_is_kept(redis_or_none):
    ledger = RedisCreditLedger(redis_or_none) if redis_or_none else FakeCreditLedger()
    assert ledger.language(USER) == "zh"
    ledger.set_language(USER, "en")
    assert ledger.language(USER) == "en"
    ledger.set_language(USER, "fr")  # not a language we write in: Chinese
    assert ledger.language(USER) == "zh"


def test_switched_off_templates(redis_or_none):
    switch = DisabledTemplates(redis_or_none) if redis_or_none else FakeTemplateSwitch()
    assert TEMPLATE not in switch and switch.ids() == set()
    switch.add(TEMPLATE)
    switch.add(TEMPLATE)
    assert TEMPLATE in switch and switch.ids() == {TEMPLATE}


def test_tracking_state_keeps_pending_changes_until_announced(redis_or_none):
    states = RedisTrackingStateStore(redis_or_none) if redis_or_none else FakeTrackingStateStore()
    change = detect_change(Status.IN_TRANSIT, Shipment(A, Status.EXCEPTION))
    assert states.load(A).status is None
    states.record(A, Status.EXCEPTION, change, failures=0, final_at=None)
    states.set_failures(A, 2)
    loaded = states.load(A)
    assert (loaded.status, loaded.failures, loaded.final_at) == (Status.EXCEPTION, 2, None)
    assert loaded.pending == (change,)
    states.record(A, Status.DELIVERED, None, final_at=1234.5)
    assert states.load(A).final_at == 1234.5 and states.load(A).pending == (change,)
    states.announced(A, change.change_id)
    assert states.load(A).pending == ()
    states.forget(A)
    assert states.load(A).status is None


def test_the_schedule_leases_what_it_hands_out(redis_or_none):
    schedule = RedisRefreshSchedule(redis_or_none) if redis_or_none else FakeRefreshSchedule()
    schedule.set(A, 100.0)
    schedule.set(B, 200.0)
    schedule.set_if_sooner(B, 300.0)  # later: ignored
    schedule.set_if_sooner(C, 150.0)
    assert schedule.take_due(250.0, 10, 60.0) == [A, C, B]
    assert schedule.take_due(250.0, 10, 60.0) == []
    schedule.remove(A)
    assert sorted(schedule.take_due(400.0, 10, 60.0)) == [B, C]


def test_watches_respect_the_limit_and_know_their_watchers(redis_or_none):
    watches = RedisWatchStore(redis_or_none, limit=2) if redis_or_none else FakeWatchStore(limit=2)
    first, new = watches.watch(USER, A, "甲")
    assert new and watches.watch(USER, A, "乙")[1] is False
    assert watches.get(USER, A).nickname == "乙" and watches.get(USER, A).since == first.since
    watches.watch(USER, B, None)
    with pytest.raises(WatchLimitError):
        watches.watch(USER, C, None)
    watches.watch("o-other", A, None)
    assert watches.watchers(A) == {USER, "o-other"}
    assert watches.unwatch(USER, A) is False and watches.unwatch("o-other", A) is True
    assert [w.number for w in watches.list(USER)] == [B]


def test_track_alert_due_set_and_sightings(redis_or_none):
    store = RedisTrackAlertStore(redis_or_none) if redis_or_none else FakeTrackAlertStore()
    now = time.time()  # Redis expires the subscription hashes on the real clock
    store.want(A, now + 100)
    store.want(A, now + 50)  # already due: unchanged
    store.retry_at([B], now + 120)
    assert store.take_due(now + 110, 10, 30.0) == [A]
    store.subscribed([B], expires_at=now + 1000, renew_at=now + 800)
    store.rejected([C], "VSS300")
    assert store.get(B).active(now + 999) and not store.get(B).active(now + 1000)
    assert store.get(C).rejected == "VSS300" and store.take_due(now + 900, 10, 30) == [A, B]
    assert store.first_sighting(A, "f1", 60) and not store.first_sighting(A, "f1", 60)
    store.forget_sighting(A, "f1")
    assert store.first_sighting(A, "f1", 60)


def test_a_nonce_is_claimed_once_and_its_own_request_is_told_apart(redis_or_none):
    nonces = ReplayCache(redis_or_none) if redis_or_none else FakeNonces()
    nonce = "1714036504:77"
    assert nonces.claim("push", nonce, "req-a", 10) is PushClaim.FIRST
    assert nonces.claim("push", nonce, "req-a", 10) is PushClaim.IN_PROGRESS
    assert nonces.claim("push", nonce, "req-b", 10) is PushClaim.OTHER
    assert nonces.claim("other", nonce, "req-b", 10) is PushClaim.FIRST  # scopes apart
    nonces.settle("push", nonce, "req-b", 600)  # not b's claim: nothing changes
    assert nonces.claim("push", nonce, "req-a", 10) is PushClaim.IN_PROGRESS
    nonces.settle("push", nonce, "req-a", 600)
    assert nonces.claim("push", nonce, "req-a", 10) is PushClaim.APPLIED
    assert nonces.claim("push", nonce, "req-b", 10) is PushClaim.OTHER
    nonces.forget("push", nonce, "req-a")  # an applied claim is never freed
    assert nonces.claim("push", nonce, "req-a", 10) is PushClaim.APPLIED


def test_a_claim_is_freed_for_the_retry_after_a_failure(redis_or_none):
    nonces = ReplayCache(redis_or_none) if redis_or_none else FakeNonces()
    assert nonces.claim("push", "n", "req-a", 10) is PushClaim.FIRST
    nonces.forget("push", "n", "req-b")  # someone else's: nothing happens
    assert nonces.claim("push", "n", "req-a", 10) is PushClaim.IN_PROGRESS
    nonces.forget("push", "n", "req-a")
    assert nonces.claim("push", "n", "req-a", 10) is PushClaim.FIRST


def test_a_claim_whose_claimant_died_frees_itself_after_its_lease(redis_client):
    nonces = ReplayCache(redis_client)
    assert nonces.claim("push", "n", "req-a", 1) is PushClaim.FIRST
    time.sleep(1.1)
    assert nonces.claim("push", "n", "req-a", 10) is PushClaim.FIRST


def test_shares_are_listed_by_owner_newest_first_and_deleted(redis_or_none):
    store = RedisShareStore(redis_or_none) if redis_or_none else FakeShareStore()
    now = time.time()
    older = Share("s-older-0000000000000000", USER, A, False, None, now - 10, now + 3600)
    newer = Share("s-newer-0000000000000000", USER, B, True, "甲", now, now + 7200)
    other = Share("s-other-0000000000000000", "o-other", A, False, None, now, now + 3600)
    for share in (older, newer, other):
        store.put(share)
    assert [s.share_id for s in store.owned_by(USER)] == [newer.share_id, older.share_id]
    assert store.delete(older) is True and store.get(older.share_id) is None
    assert [s.share_id for s in store.owned_by(USER)] == [newer.share_id]
    assert [s.share_id for s in store.owned_by("o-other")] == [other.share_id]


def test_an_unchanged_snapshot_may_come_back_as_the_same_object_a_changed_one_never(
    redis_or_none, blobs_or_none
):
    # The identity contract of the SnapshotCache port's get that web/rendered.py relies on.
    client = redis_or_none
    cache = RedisSnapshotCache(client, blobs_or_none) if client else FakeSnapshotCache()
    cache.put(A, "zh", Shipment(A, Status.IN_TRANSIT), 1_000.0)
    first = cache.get(A, "zh")
    assert first is not None and cache.get(A, "zh") is first
    cache.put(A, "zh", Shipment(A, Status.IN_TRANSIT), 1_001.0)
    again = cache.get(A, "zh")
    assert again is not first and again.fetched_at == 1_001.0


def test_delivery_proofs_keep_jpegs_and_signers_only(redis_or_none, blobs_or_none):
    from pathlib import Path

    from backend.adapters.delivery_proofs import RedisDeliveryProofs
    from tests.fakes import FakeDeliveryProofs

    blobs = blobs_or_none  # on the topology redis_or_none flushed
    proofs = RedisDeliveryProofs(blobs) if blobs else FakeDeliveryProofs()
    jpeg = (Path(__file__).resolve().parents[2] / "backend/sandbox/ups/doorstep.jpg").read_bytes()
    assert not proofs.save_photo(A, b"GIF89a" + b"\0" * 100) and not proofs.has_photo(A)
    assert not proofs.save_photo(A, b"\xff\xd8\xff" + b"\0" * (1024 * 1024 + 1) + b"\xff\xd9")
    assert proofs.save_photo(A, jpeg) and proofs.has_photo(A) and proofs.photo(A) == jpeg
    assert proofs.photo(B) is None and not proofs.has_photo(B)
    proofs.save_signer(A, "  ZHANG  ")
    proofs.save_signer(B, "   ")
    assert proofs.signer(A) == "ZHANG" and proofs.signer(B) is None


def test_lane_history_keeps_one_entry_per_number_newest_first(redis_or_none):
    from backend.adapters.lane_history import RedisLaneHistory
    from tests.fakes import FakeLaneHistory

    lanes = RedisLaneHistory(redis_or_none) if redis_or_none else FakeLaneHistory()
    lane = "US>CN:SHANGHAI|saver"
    lanes.add(lane, A, 6)
    lanes.add(lane, B, 7)
    lanes.add(lane, A, 6)  # the same delivery learned twice
    assert lanes.samples(lane) == [6, 7]
    assert lanes.samples("US>CN:BEIJING|saver") == []
