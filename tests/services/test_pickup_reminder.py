"""The day-before pickup reminder: due on the China-time day before UPS's last pickup day,
sent once per watcher on an attention credit, held in quiet hours."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from backend.domain.moments import PICKUP_REMINDER
from backend.domain.reminders import pickup_reminder
from backend.domain.statuses import Status
from backend.services.notifications import Notifier, QuietHours
from tests.fakes import FakeCreditLedger, FakeMessenger, FakeNotificationLog, FakeTemplate
from tests.services.test_refresher import ALICE, BOB, NUMBER, AlwaysQuiet, rig, shipment

# 2026-11-27 in China runs from 11-26 16:00 UTC to 11-27 16:00 UTC.
DAY_BEFORE_MORNING = datetime(2026, 11, 27, 1, 0, tzinfo=UTC).timestamp()
DAY_BEFORE_LATE = datetime(2026, 11, 27, 15, 30, tzinfo=UTC).timestamp()  # 23:30 China
LAST_DAY = datetime(2026, 11, 27, 16, 30, tzinfo=UTC).timestamp()  # 00:30 on 11-28 China


def waiting(pickup_by: str | None = "2026-11-28"):
    return replace(shipment(Status.READY_FOR_PICKUP), pickup_by=pickup_by)


def test_the_reminder_is_due_only_on_the_china_day_before():
    assert pickup_reminder(waiting(), DAY_BEFORE_MORNING) is not None
    assert pickup_reminder(waiting(), DAY_BEFORE_LATE) is not None
    assert pickup_reminder(waiting(), LAST_DAY) is None
    assert pickup_reminder(waiting(None), DAY_BEFORE_MORNING) is None
    collected = replace(waiting(), status=Status.DELIVERED)
    assert pickup_reminder(collected, DAY_BEFORE_MORNING) is None
    first, again = (pickup_reminder(waiting(), t) for t in (DAY_BEFORE_MORNING, DAY_BEFORE_LATE))
    assert first.change_id == again.change_id and first.moment == PICKUP_REMINDER


def test_each_watcher_is_reminded_once():
    r = rig()
    r.watched_by(ALICE, BOB, status=Status.READY_FOR_PICKUP)
    r.carrier.shipments[NUMBER] = waiting()
    assert r.refresher.remind(NUMBER, waiting(), DAY_BEFORE_MORNING) == ("sent", "sent")
    assert r.refresher.remind(NUMBER, waiting(), DAY_BEFORE_LATE) == ("duplicate", "duplicate")
    assert len(r.messenger.sent) == 2
    assert r.refresher.remind(NUMBER, waiting(), LAST_DAY) == ()


def test_quiet_hours_hold_the_reminder_for_the_morning():
    r = rig(quiet=AlwaysQuiet())
    r.watched_by(ALICE, status=Status.READY_FOR_PICKUP)
    assert r.refresher.remind(NUMBER, waiting(), DAY_BEFORE_LATE) == ("held",)
    assert r.messenger.sent == []


def test_the_reminder_spends_an_attention_credit_before_a_status_change_one():
    ledger, messenger = FakeCreditLedger(), FakeMessenger()
    templates = [FakeTemplate("t-sc", "status_change"), FakeTemplate("t-att", "attention")]
    notifier = Notifier(messenger, templates, ledger, FakeNotificationLog(ledger), QuietHours(0, 0))
    for template in templates:
        ledger.record_answer(ALICE, template.id, "acceptWithAlert", side="client")
    reminder = pickup_reminder(waiting(), DAY_BEFORE_MORNING)
    now = datetime.fromtimestamp(DAY_BEFORE_MORNING, UTC)
    assert notifier.notify(ALICE, reminder, waiting(), "相机镜头", now=now) == "sent"
    assert messenger.sent[0][1] == "t-att" and ledger.credits(ALICE) == {"t-sc": 1, "t-att": 0}
