"""The refresh use case (the worker job's body) on in-memory fakes: what it records, whom
it tells, when it looks again. No Redis, no sockets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from backend.domain.errors import CarrierUnavailable, DeliveryUnknown, MessengerUnavailable
from backend.domain.model import Shipment, TrackingEvent
from backend.domain.retry import MAX_RETRY_SECONDS
from backend.domain.statuses import Status
from backend.domain.tracking import FINAL_GRACE_SECONDS, SUBSCRIBED_SLOWDOWN, detect_change
from backend.services.lookup import LookupService
from backend.services.notifications import Notifier, QuietHours
from backend.services.refresh import Refresher
from tests.fakes import (
    FakeCarrier,
    FakeClock,
    FakeCreditLedger,
    FakeMessenger,
    FakeNotificationLog,
    FakeRefreshSchedule,
    FakeSnapshotCache,
    FakeTemplate,
    FakeTrackingStateStore,
    FakeWatchStore,
)
from tests.support.numbers import make_1z

NUMBER = make_1z("REFRSH", 1)
ALICE, BOB = "o-alice", "o-bob"
TEMPLATE = FakeTemplate("tpl-sc", "status_change")


# Noon in China on the day of the scans below (the silence rules read real event times).
NOON = datetime(2026, 11, 26, 4, 0, tzinfo=UTC).timestamp()


class AlwaysQuiet(QuietHours):
    def active(self, now) -> bool:
        return True


def shipment(status: Status, when: str = "2026-11-25T09:30:00+08:00") -> Shipment:
    event = TrackingEvent(when, "Shanghai, CN", "scan", status, "OT")
    return Shipment(number=NUMBER, status=status, events=(event,))


@dataclass
class Rig:
    clock: FakeClock
    carrier: FakeCarrier
    watches: FakeWatchStore
    states: FakeTrackingStateStore
    schedule: FakeRefreshSchedule
    ledger: FakeCreditLedger
    log: FakeNotificationLog
    messenger: FakeMessenger
    refresher: Refresher

    def ups_says(self, status: Status, when: str = "2026-11-25T09:30:00+08:00") -> None:
        self.carrier.shipments[NUMBER] = shipment(status, when)

    def watched_by(self, *openids: str, status: Status = Status.IN_TRANSIT) -> None:
        self.ups_says(status)
        for openid in openids:
            self.watches.watch(openid, NUMBER, None)
            self.ledger.record_answer(openid, TEMPLATE.id, "accept", side="client")
        self.refresher.start(NUMBER, shipment(status))


def rig(quiet: QuietHours | None = None, subscribed: bool = False,
        pause=lambda: 0.0, fanout: int = 1, fan=None) -> Rig:  # fmt: skip
    clock, carrier = FakeClock(NOON), FakeCarrier()
    watches, states, schedule = (
        FakeWatchStore(clock=clock),
        FakeTrackingStateStore(),
        FakeRefreshSchedule(),
    )
    ledger, messenger = FakeCreditLedger(), FakeMessenger()
    log = FakeNotificationLog(ledger, clock=clock)
    notifier = Notifier(messenger, [TEMPLATE], ledger, log, quiet or QuietHours(0, 0))
    lookup = LookupService(carrier, FakeSnapshotCache(clock), concurrency=2, clock=clock)
    refresher = Refresher(
        lookup, watches, states, schedule, notifier, clock=clock,
        is_subscribed=lambda number: subscribed, upstream_pause=pause, fanout=fanout,
        fan=fan,
    )  # fmt: skip
    return Rig(clock, carrier, watches, states, schedule, ledger, log, messenger, refresher)


@pytest.fixture
def r() -> Rig:
    return rig()


def test_a_number_nobody_watches_is_dropped_without_asking_ups(r):
    r.schedule.set(NUMBER, r.clock.now)
    r.states.record(NUMBER, Status.IN_TRANSIT, None)
    outcome = r.refresher.refresh(NUMBER)
    assert outcome.status is None and outcome.next_poll is None
    assert r.carrier.calls == [] and NUMBER not in r.schedule.times
    assert NUMBER not in r.states.states


def test_watching_remembers_todays_status_without_a_message(r):
    r.watched_by(ALICE)
    assert r.states.states[NUMBER].status == Status.IN_TRANSIT
    assert r.schedule.times[NUMBER] > r.clock.now and r.messenger.sent == []


def test_a_new_status_is_announced_once_to_every_watcher(r):
    r.watched_by(ALICE, BOB)
    r.ups_says(Status.OUT_FOR_DELIVERY, "2026-11-26T08:00:00+08:00")
    outcome = r.refresher.refresh(NUMBER)
    assert outcome.changed and outcome.outcomes == ("sent", "sent")
    assert sorted(sent[0] for sent in r.messenger.sent) == [ALICE, BOB]
    assert r.states.states[NUMBER].pending == ()
    assert r.refresher.refresh(NUMBER).outcomes == ()  # same status again: nothing to say
    assert len(r.messenger.sent) == 2


def test_the_state_is_loaded_once_per_refresh(r):
    r.watched_by(ALICE)
    r.ups_says(Status.EXCEPTION)
    loads = r.states.loads
    r.refresher.refresh(NUMBER)
    assert r.states.loads == loads + 1


def test_a_change_left_pending_by_a_crash_is_announced_by_the_next_refresh(r):
    r.watched_by(ALICE)
    change = detect_change(Status.IN_TRANSIT, shipment(Status.EXCEPTION))
    r.states.record(NUMBER, Status.EXCEPTION, change)  # recorded, then the worker died
    r.ups_says(Status.EXCEPTION)
    outcome = r.refresher.refresh(NUMBER)
    assert not outcome.changed and outcome.outcomes == ("sent",)
    assert r.states.states[NUMBER].pending == ()


def test_held_messages_stay_pending_and_bring_the_next_poll_within_the_hour():
    r = rig(quiet=AlwaysQuiet())
    r.watched_by(ALICE, status=Status.LABEL_CREATED)
    r.ups_says(Status.IN_TRANSIT, "2026-11-26T08:00:00+08:00")
    outcome = r.refresher.refresh(NUMBER)
    assert outcome.outcomes == ("held",) and len(r.states.states[NUMBER].pending) == 1
    assert outcome.next_poll is not None and outcome.next_poll <= r.clock.now + 3600


def test_a_transient_send_failure_keeps_the_change_and_comes_back_soon(r):
    r.watched_by(ALICE)
    r.ups_says(Status.EXCEPTION)
    r.messenger.fail_with = MessengerUnavailable("busy")
    outcome = r.refresher.refresh(NUMBER)
    assert outcome.outcomes == ("retry",) and len(r.states.states[NUMBER].pending) == 1
    assert outcome.next_poll - r.clock.now <= 30  # not the half hour an exception waits
    assert r.refresher.refresh(NUMBER).outcomes == ("sent",)


def test_a_send_whose_reply_was_lost_is_never_sent_again_once_wechat_reports_it(r):
    r.watched_by(ALICE, BOB)
    r.ups_says(Status.EXCEPTION)
    r.messenger.fail_with = DeliveryUnknown("read timeout")  # the first send: alice's
    assert r.refresher.refresh(NUMBER).outcomes == ("retry", "sent")
    assert r.refresher.refresh(NUMBER).outcomes == ("retry", "duplicate")  # awaits evidence
    (claim,) = [key for key, state in r.log.states.items() if state.startswith("sending:")]
    assert r.log.settle_by_event(ALICE, TEMPLATE.id, "msg-from-the-report") is not None
    assert r.refresher.refresh(NUMBER).outcomes == ("duplicate", "duplicate")
    assert r.states.states[NUMBER].pending == () and len(r.messenger.sent) == 1
    assert r.log.states[claim] == "sent:msg-from-the-report"


def test_a_dead_claim_without_any_report_is_sent_after_its_deadline(r):
    r.watched_by(ALICE)
    r.ups_says(Status.EXCEPTION)
    change = detect_change(Status.IN_TRANSIT, shipment(Status.EXCEPTION))
    r.states.record(NUMBER, Status.EXCEPTION, change)
    assert r.log.claim(ALICE, NUMBER, change.change_id, TEMPLATE.id) == 1  # then it died
    assert r.refresher.refresh(NUMBER).outcomes == ("retry",)
    r.clock.advance(121)  # no delivery report came: WeChat never took it
    assert r.refresher.refresh(NUMBER).outcomes == ("sent",)


def test_ups_trouble_is_retried_within_seconds_to_minutes_whatever_the_cadence(r):
    r.watched_by(ALICE)
    r.carrier.failures[NUMBER] = CarrierUnavailable("down")
    r.clock.advance(3 * 3600)  # the snapshot is no longer fresh: UPS is asked, and fails
    delays = []
    for _ in range(8):
        outcome = r.refresher.refresh(NUMBER)
        delays.append(outcome.next_poll - r.clock.now)
        r.clock.advance(1)
    assert r.states.states[NUMBER].failures == 8 and outcome.status == Status.IN_TRANSIT
    assert 5 <= delays[0] <= 15 and max(delays) <= 1.5 * MAX_RETRY_SECONDS
    assert delays[-1] > delays[0] and r.messenger.sent == []


def test_a_ups_wide_pause_comes_before_any_retry():
    r = rig(pause=lambda: 90.0)
    r.watched_by(ALICE)
    r.carrier.failures[NUMBER] = CarrierUnavailable("throttled")
    r.clock.advance(3 * 3600)
    assert r.refresher.refresh(NUMBER).next_poll - r.clock.now >= 90


def test_a_pushed_scan_is_announced_while_the_carrier_fails(r):
    r.watched_by(ALICE)
    r.carrier.failures[NUMBER] = CarrierUnavailable("down")
    r.clock.advance(3 * 3600)
    scan = TrackingEvent("2026-11-26T08:00:00+08:00", "Shanghai, CN", "Out", Status.OUT_FOR_DELIVERY,
                         "OF")  # fmt: skip
    outcome = r.refresher.refresh(NUMBER, pushed=scan)
    assert outcome.changed and outcome.outcomes == ("sent",)
    assert r.states.states[NUMBER].status == Status.OUT_FOR_DELIVERY
    assert outcome.next_poll - r.clock.now <= 15  # the Track API is asked again soon
    del r.carrier.failures[NUMBER]
    r.ups_says(Status.OUT_FOR_DELIVERY, "2026-11-26T08:00:00+08:00")
    assert r.refresher.refresh(NUMBER).outcomes == ()  # the enrichment is no second message


def test_a_delivered_parcel_is_polled_through_the_grace_then_dropped(r):
    r.watched_by(ALICE)
    r.ups_says(Status.DELIVERED)
    delivered = r.refresher.refresh(NUMBER)
    assert r.states.states[NUMBER].final_at == r.clock.now and delivered.next_poll is not None
    r.clock.advance(FINAL_GRACE_SECONDS + 1)
    assert r.refresher.refresh(NUMBER).next_poll is None
    assert NUMBER not in r.schedule.times


def test_pushed_numbers_are_polled_slower_but_still_polled():
    plain, pushed = rig(), rig(subscribed=True)
    for each in (plain, pushed):
        each.watched_by(ALICE)
    slow = pushed.schedule.times[NUMBER] - pushed.clock.now
    assert slow == pytest.approx(
        (plain.schedule.times[NUMBER] - plain.clock.now) * SUBSCRIBED_SLOWDOWN
    )


def test_watching_before_ups_answers_polls_within_a_minute(r):
    r.watches.watch(ALICE, NUMBER, None)
    r.refresher.start(NUMBER, None)
    assert r.schedule.times[NUMBER] == r.clock.now + 60
    assert r.states.states.get(NUMBER) is None


def test_stopping_forgets_the_number(r):
    r.watched_by(ALICE)
    r.refresher.stop(NUMBER)
    assert NUMBER not in r.schedule.times and NUMBER not in r.states.states


def test_many_watchers_are_told_concurrently_each_once():
    r = rig(fanout=4)
    watchers = [f"o-watcher-{i:02d}" for i in range(12)]
    r.watched_by(*watchers)
    r.ups_says(Status.OUT_FOR_DELIVERY, "2026-11-26T08:00:00+08:00")
    outcome = r.refresher.refresh(NUMBER)
    assert outcome.outcomes == ("sent",) * 12  # in watcher order, whatever finished first
    assert sorted(sent[0] for sent in r.messenger.sent) == watchers
    assert r.refresher.refresh(NUMBER).outcomes == ()


def test_changes_overtaken_before_anybody_heard_of_them_are_superseded(r):
    r.watched_by(ALICE)
    minor = detect_change(Status.IN_TRANSIT, shipment(Status.AT_FACILITY))
    r.states.record(NUMBER, Status.AT_FACILITY, minor)  # recorded, then the worker died
    r.ups_says(Status.DELIVERED, "2026-11-26T08:00:00+08:00")
    outcome = r.refresher.refresh(NUMBER)
    assert outcome.outcomes == ("sent",) and r.states.states[NUMBER].pending == ()
    assert [sent[2] for sent in r.messenger.sent][0].status == Status.DELIVERED
