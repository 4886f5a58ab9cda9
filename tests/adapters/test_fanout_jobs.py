"""A split fan-out on the real stores: the slice record in Redis (same rules as the fake),
and follow-up announce jobs enqueued through RQ and run inline by a SimpleWorker."""

from __future__ import annotations

import time

import pytest
from rq import SimpleWorker

from backend.adapters import redis_conn, redis_keys
from backend.adapters.credit_ledger import RedisCreditLedger
from backend.adapters.fanout_slices import RedisFanoutSlices
from backend.adapters.notification_log import RedisNotificationLog
from backend.adapters.refresh_queue import ANNOUNCE_FUNCTION, RqRefreshQueue
from backend.adapters.refresh_store import RedisRefreshSchedule, RedisTrackingStateStore
from backend.adapters.watch_store import RedisWatchStore
from backend.domain.model import Shipment, TrackingEvent
from backend.domain.sends import FanoutSlice
from backend.domain.statuses import Status
from backend.services.fanout import FanOut
from backend.services.lookup import LookupService
from backend.services.notifications import Notifier, QuietHours
from backend.services.refresh import Refresher
from backend.services.refresh_jobs import RefreshJob
from backend.worker import jobs
from tests.fakes import (
    FakeCarrier,
    FakeClock,
    FakeFanoutSlices,
    FakeMessenger,
    FakeSnapshotCache,
    FakeTemplate,
)
from tests.support.numbers import make_1z

NUMBER = make_1z("FANJOB", 1)
TEMPLATE = FakeTemplate("tpl-fan", "status_change")


@pytest.mark.parametrize("real", [False, True], ids=["fake", "redis"])
def test_a_round_finishes_once_and_a_stale_one_is_replaced(real, request):
    clock = FakeClock(1000.0)
    slices = (
        RedisFanoutSlices(request.getfixturevalue("redis_client"))
        if real
        else FakeFanoutSlices(clock)
    )
    lease = 0.2

    def wait_out_the_lease() -> None:
        time.sleep(lease + 0.05) if real else clock.advance(lease + 0.05)

    first = slices.begin(NUMBER, "c1", 3, lease)
    assert first is not None
    assert slices.begin(NUMBER, "c1", 3, lease) is None  # its jobs still have time
    assert slices.finish(FanoutSlice(NUMBER, "c1", first, 1)) is False
    assert (
        slices.finish(FanoutSlice(NUMBER, "c1", first, 1)) is False
    )  # a slice run twice counts once
    wait_out_the_lease()
    second = slices.begin(NUMBER, "c1", 2, lease)  # unfinished after its lease: a new round
    assert second not in (None, first)
    assert (
        slices.finish(FanoutSlice(NUMBER, "c1", first, 0)) is False
    )  # a late job of the old round
    assert slices.finish(FanoutSlice(NUMBER, "c1", first, 2)) is False
    assert slices.finish(FanoutSlice(NUMBER, "c1", second, 0)) is False
    assert (
        slices.finish(FanoutSlice(NUMBER, "c1", second, 1)) is True
    )  # the last: one caller hears it
    assert slices.finish(FanoutSlice(NUMBER, "c1", second, 1)) is False
    assert slices.begin(NUMBER, "c2", 2, lease) is not None  # another change, its own record


def test_slice_keys_share_the_numbers_hash_tag():
    keys = (redis_keys.fanout_slices(NUMBER, "c1"), redis_keys.fanout_lease(NUMBER, "c1"))
    assert all("{" + NUMBER + "}" in key for key in keys)


def test_follow_up_announce_jobs_run_through_rq_tell_everybody_once(redis_url, redis_client):
    connection = redis_conn.connect(redis_url, decode=False)
    queue = RqRefreshQueue(connection)
    watches, ledger = RedisWatchStore(redis_client), RedisCreditLedger(redis_client)
    states, messenger, carrier = (
        RedisTrackingStateStore(redis_client),
        FakeMessenger(),
        FakeCarrier(),
    )
    notifier = Notifier(messenger, [TEMPLATE], ledger, RedisNotificationLog(redis_client),
                        QuietHours(0, 0))  # fmt: skip
    refresher = Refresher(
        LookupService(carrier, FakeSnapshotCache()), watches, states, RedisRefreshSchedule(redis_client),
        notifier, fan=FanOut(4, 5, queue, RedisFanoutSlices(redis_client), 60.0),
    )  # fmt: skip
    watchers = [f"o-rq-{i:02d}" for i in range(12)]
    for openid in watchers:
        watches.watch(openid, NUMBER, None)
        ledger.record_answer(openid, TEMPLATE.id, "accept", side="client")
    carrier.shipments[NUMBER] = _shipment(Status.IN_TRANSIT, "2026-11-25T09:30:00+08:00")
    refresher.start(NUMBER, carrier.shipments[NUMBER])
    carrier.shipments[NUMBER] = _shipment(Status.OUT_FOR_DELIVERY, "2026-11-26T08:00:00+08:00")
    jobs.install(RefreshJob(refresher, lambda number: None), 2)
    try:
        report = jobs.refresh_number(NUMBER)
        assert report["outcomes"].count("sent") == 5
        follow_ups = queue.rq.jobs
        assert [job.func_name for job in follow_ups] == [ANNOUNCE_FUNCTION] * 2
        assert [job.args[3:] for job in follow_ups] == [(1, watchers[5:10]), (2, watchers[10:])]
        assert all("o-rq-" not in job.description for job in follow_ups)  # RQ logs it
        assert len(states.load(NUMBER).pending) == 1  # not announced while slices remain
        SimpleWorker([queue.rq], connection=connection).work(burst=True)
        assert sorted(sent[0] for sent in messenger.sent) == watchers  # each exactly once
        assert states.load(NUMBER).pending == ()
        assert not redis_client.exists(redis_keys.fanout_slices(NUMBER, follow_ups[0].args[1]))
        # RQ running a slice again (a retry after a crash) sends nothing twice.
        queue.enqueue_announce(FanoutSlice(*follow_ups[0].args))
        SimpleWorker([queue.rq], connection=connection).work(burst=True)
        assert len(messenger.sent) == 12
    finally:
        jobs.install(None)
        connection.close()


def _shipment(status: Status, when: str) -> Shipment:
    event = TrackingEvent(when, "Shanghai, CN", "scan", status, "OT")
    return Shipment(number=NUMBER, status=status, events=(event,))
