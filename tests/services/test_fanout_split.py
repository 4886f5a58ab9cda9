"""A change for a parcel with many watchers, split across follow-up announce jobs: every
watcher told exactly once, the change announced only when the last slice finished, a
crashed or repeated slice sending nobody anything twice."""

from __future__ import annotations

import pytest

from backend.domain.sends import FanoutSlice
from backend.domain.statuses import Status
from backend.domain.tracking import detect_change
from backend.services.fanout import SLICED, FanOut, split
from tests.fakes import FakeClock, FakeFanoutSlices, FakeRefreshQueue
from tests.services.test_refresher import NUMBER, TEMPLATE, Rig, rig, shipment

SIZE, LEASE = 5, 60.0
WATCHERS = [f"o-fan-{i:02d}" for i in range(12)]  # slices of 5, 5 and 2


def split_rig(watchers: list[str] = WATCHERS) -> tuple[Rig, FakeRefreshQueue, FakeFanoutSlices]:
    clock = FakeClock(0.0)
    queue, slices = FakeRefreshQueue(), FakeFanoutSlices(clock)
    r = rig(fan=FanOut(1, SIZE, queue, slices, LEASE))
    slices._clock = r.clock  # the rig's clock drives the slice leases too
    r.watched_by(*watchers)
    return r, queue, slices


def run_slice(r: Rig, job: FanoutSlice) -> tuple[str, ...]:
    return r.refresher.announce_slice(job)


def told(r: Rig) -> list[str]:
    return sorted(sent[0] for sent in r.messenger.sent)


def test_split_keeps_order_and_every_watcher():
    assert split(WATCHERS, SIZE) == [WATCHERS[:5], WATCHERS[5:10], WATCHERS[10:]]
    assert split([], SIZE) == [[]]


def test_a_small_audience_stays_in_the_refresh_job():
    r, queue, _slices = split_rig(WATCHERS[:SIZE])
    r.ups_says(Status.OUT_FOR_DELIVERY, "2026-11-26T08:00:00+08:00")
    assert r.refresher.refresh(NUMBER).outcomes == ("sent",) * SIZE
    assert queue.announces == [] and r.states.states[NUMBER].pending == ()


def test_the_refresh_sends_the_first_slice_and_enqueues_the_others():
    r, queue, _slices = split_rig()
    r.ups_says(Status.OUT_FOR_DELIVERY, "2026-11-26T08:00:00+08:00")
    outcome = r.refresher.refresh(NUMBER)
    assert outcome.outcomes == ("sent",) * SIZE + (SLICED,)
    assert told(r) == WATCHERS[:5]
    change_id = r.states.states[NUMBER].pending[0].change_id  # not announced yet
    assert queue.announces == [FanoutSlice(NUMBER, change_id, "round-1", 1, (*WATCHERS[5:10],)),
                               FanoutSlice(NUMBER, change_id, "round-1", 2, (*WATCHERS[10:],))]  # fmt: skip
    # Back soon, to enqueue again any slice whose job died.
    assert outcome.next_poll is not None and outcome.next_poll - r.clock() <= 3600


def test_the_change_is_announced_only_after_the_last_slice():
    r, queue, _slices = split_rig()
    r.ups_says(Status.OUT_FOR_DELIVERY, "2026-11-26T08:00:00+08:00")
    r.refresher.refresh(NUMBER)
    assert run_slice(r, queue.announces[1]) == ("sent",) * 2
    assert len(r.states.states[NUMBER].pending) == 1
    assert run_slice(r, queue.announces[0]) == ("sent",) * 5
    assert r.states.states[NUMBER].pending == ()
    assert told(r) == WATCHERS  # each exactly once
    assert r.refresher.refresh(NUMBER).outcomes == ()


def test_a_slice_run_twice_sends_nothing_twice():
    r, queue, _slices = split_rig()
    r.ups_says(Status.OUT_FOR_DELIVERY, "2026-11-26T08:00:00+08:00")
    r.refresher.refresh(NUMBER)
    run_slice(r, queue.announces[0])
    assert run_slice(r, queue.announces[0]) == ("duplicate",) * 5  # RQ ran it again
    run_slice(r, queue.announces[1])
    assert told(r) == WATCHERS and r.states.states[NUMBER].pending == ()


def test_a_crashed_round_is_started_afresh_after_its_lease_and_sends_nothing_twice():
    r, queue, _slices = split_rig()
    r.ups_says(Status.OUT_FOR_DELIVERY, "2026-11-26T08:00:00+08:00")
    r.refresher.refresh(NUMBER)
    first, last = queue.announces
    sends = [0]

    def dies_on_the_third_send(openid, template, notice, page, state):
        sends[0] += 1
        if sends[0] == 3:
            raise RuntimeError("worker killed mid-slice")
        return original(openid, template, notice, page, state)

    original, r.messenger.send_notice = r.messenger.send_notice, dies_on_the_third_send
    with pytest.raises(RuntimeError):
        run_slice(r, first)
    r.messenger.send_notice = original
    run_slice(r, last)
    assert len(r.states.states[NUMBER].pending) == 1  # slice 1 never finished
    queue.announces.clear()
    # Within the round's lease its jobs may still be running: the refresh leaves them be.
    assert r.refresher.refresh(NUMBER).outcomes == (SLICED,) and queue.announces == []
    r.clock.advance(max(LEASE, 120) + 1)  # past the round's lease and the dead claim's
    assert r.refresher.refresh(NUMBER).outcomes == ("duplicate",) * 5 + (SLICED,)
    assert [(job.round_id, job.index) for job in queue.announces] == [
        ("round-2", 1),
        ("round-2", 2),
    ]
    # The old round's job, retried by RQ late, sends what is missing but counts for nothing.
    assert run_slice(r, first) == ("duplicate", "duplicate", "sent", "sent", "sent")
    assert len(r.states.states[NUMBER].pending) == 1
    assert run_slice(r, queue.announces[0]) == ("duplicate",) * 5
    assert run_slice(r, queue.announces[1]) == ("duplicate",) * 2
    assert told(r) == WATCHERS and r.states.states[NUMBER].pending == ()


def test_a_watcher_who_joins_during_a_round_is_told_in_the_next():
    r, queue, _slices = split_rig()
    r.ups_says(Status.OUT_FOR_DELIVERY, "2026-11-26T08:00:00+08:00")
    r.refresher.refresh(NUMBER)
    r.watches.watch("o-fan-00a", NUMBER, None)  # sorts into the finished first slice
    r.ledger.record_answer("o-fan-00a", TEMPLATE.id, "accept", side="client")
    with pytest.raises(RuntimeError):  # slice 1's worker dies before sending anything
        r.messenger.fail_with = RuntimeError("killed")
        run_slice(r, queue.announces[0])
    run_slice(r, queue.announces[1])
    r.clock.advance(max(LEASE, 120) + 1)
    queue.announces.clear()
    r.refresher.refresh(NUMBER)  # a new round, sliced over today's 13 watchers
    for job in list(queue.announces):
        run_slice(r, job)
    assert told(r) == sorted([*WATCHERS, "o-fan-00a"])
    assert r.states.states[NUMBER].pending == ()


def test_a_slice_respects_credits_and_still_finishes():
    r, queue, _slices = split_rig()
    r.ledger.cancel(WATCHERS[11], TEMPLATE.id)  # switched the template off: no credit
    r.ups_says(Status.OUT_FOR_DELIVERY, "2026-11-26T08:00:00+08:00")
    r.refresher.refresh(NUMBER)
    run_slice(r, queue.announces[0])
    assert run_slice(r, queue.announces[1]) == ("sent", "unread")
    assert told(r) == WATCHERS[:11] and r.states.states[NUMBER].pending == ()


def test_a_slice_of_a_change_overtaken_meanwhile_sends_nothing():
    r, queue, _slices = split_rig()
    r.ups_says(Status.OUT_FOR_DELIVERY, "2026-11-26T08:00:00+08:00")
    r.refresher.refresh(NUMBER)
    stale_jobs = list(queue.announces)
    r.ups_says(Status.DELIVERED, "2026-11-26T12:00:00+08:00")
    r.refresher.refresh(NUMBER)  # the newer, weightier change supersedes the older one
    out_for_delivery = stale_jobs[0].change_id
    assert out_for_delivery not in {c.change_id for c in r.states.states[NUMBER].pending}
    sent_before = len(r.messenger.sent)
    assert run_slice(r, stale_jobs[0]) == ()
    assert len(r.messenger.sent) == sent_before


def test_the_most_important_change_goes_out_first():
    r, queue, _slices = split_rig()
    exception = detect_change(Status.IN_TRANSIT, shipment(Status.EXCEPTION))
    r.states.record(NUMBER, Status.EXCEPTION, exception)  # recorded, then the worker died
    r.ups_says(Status.AT_FACILITY, "2026-11-26T08:00:00+08:00")
    r.refresher.refresh(NUMBER)
    ids = [job.change_id for job in queue.announces]
    assert ids[:2] == [exception.change_id] * 2 and exception.change_id not in ids[2:]
    assert [s[2].status for s in r.messenger.sent[:5]] == [Status.EXCEPTION] * 5
