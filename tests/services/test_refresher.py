"""The refresh use case (the worker job's body) on in-memory fakes: what it records, whom
it tells, when it looks again. No Redis, no sockets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from backend.domain.errors import CarrierUnavailable, MessengerUnavailable
from backend.domain.model import Shipment, TrackingEvent
from backend.domain.statuses import Status
from backend.domain.tracking import FINAL_GRACE_SECONDS, SUBSCRIBED_SLOWDOWN, detect_change
from backend.services.lookup import LookupService
from backend.services.notifications import Notifier, QuietHours, TransientSendError
from backend.services.refresh import Refresher
from tests.fakes import (
    FakeCarrier,
    FakeClock,
    FakeCreditLedger,
    FakeMessenger,
    FakeNotificationLog,
    FakeSchedule,
    FakeSnapshotCache,
    FakeTemplate,
    FakeTrackingStates,
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
    states: FakeTrackingStates
    schedule: FakeSchedule
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


def rig(quiet: QuietHours | None = None, subscribed: bool = False) -> Rig:
    clock, carrier = FakeClock(NOON), FakeCarrier()
    watches, states, schedule = FakeWatchStore(clock=clock), FakeTrackingStates(), FakeSchedule()
    ledger, messenger = FakeCreditLedger(), FakeMessenger()
    log = FakeNotificationLog(ledger, clock=clock)
    notifier = Notifier(messenger, [TEMPLATE], ledger, log, quiet or QuietHours(0, 0))
    lookup = LookupService(carrier, FakeSnapshotCache(clock), concurrency=2, clock=clock)
    refresher = Refresher(
        lookup, watches, states, schedule, notifier, clock=clock,
        is_subscribed=lambda number: subscribed,
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


def test_a_transient_send_failure_keeps_the_change_for_the_retried_job(r):
    r.watched_by(ALICE)
    r.ups_says(Status.EXCEPTION)
    r.messenger.fail_with = MessengerUnavailable("busy")
    with pytest.raises(TransientSendError):
        r.refresher.refresh(NUMBER)
    assert len(r.states.states[NUMBER].pending) == 1
    assert r.refresher.refresh(NUMBER).outcomes == ("sent",)


def test_ups_trouble_counts_failures_and_backs_off(r):
    r.watched_by(ALICE)
    r.carrier.failures[NUMBER] = CarrierUnavailable("down")
    r.clock.advance(3 * 3600)  # the snapshot is no longer fresh: UPS is asked, and fails
    first = r.refresher.refresh(NUMBER)
    r.clock.advance(60)
    second = r.refresher.refresh(NUMBER)
    assert r.states.states[NUMBER].failures == 2 and first.status == Status.IN_TRANSIT
    assert second.next_poll - r.clock.now > first.next_poll - (r.clock.now - 60)
    assert r.messenger.sent == []


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
