"""Which template a change uses, when credits are kept back, quiet hours and failures."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from backend.domain.errors import (
    DeliveryUnknown,
    MessengerUnavailable,
    RecipientWithoutCredit,
    SendRejected,
)
from backend.domain.model import Shipment, TrackingEvent
from backend.domain.statuses import Status
from backend.domain.tracking import detect_change
from backend.ports.metrics import NullMetrics
from backend.services.notifications import Notifier, QuietHours
from tests.fakes import FakeCreditLedger, FakeMessenger, FakeNotificationLog, FakeTemplate

USER = "o_alice"
NUMBER = "1Z999AA10123456784"
SC, OUT, DELIVERED, ATTENTION = "tpl-sc", "tpl-out", "tpl-delivered", "tpl-attention"
TEMPLATES = [
    FakeTemplate(SC, "status_change"),
    FakeTemplate(OUT, "out_for_delivery"),
    FakeTemplate(DELIVERED, "delivered"),
    FakeTemplate(ATTENTION, "attention"),
]
NOON_CHINA = datetime(2026, 11, 25, 4, 0, tzinfo=UTC)
MIDNIGHT_CHINA = datetime(2026, 11, 25, 16, 0, tzinfo=UTC)


def shipment(status: Status, number: str = NUMBER) -> Shipment:
    event = TrackingEvent("2026-11-25T09:30:00+08:00", "Shanghai, CN", "scan", status, "OT")
    return Shipment(number=number, status=status, events=(event,))


def change(status: Status, number: str = NUMBER):
    return detect_change(Status.IN_TRANSIT, shipment(status, number))


@pytest.fixture
def messenger():
    return FakeMessenger()


@pytest.fixture
def ledger():
    return FakeCreditLedger()


@pytest.fixture
def notifier(messenger, ledger):
    log = FakeNotificationLog(ledger)
    return Notifier(messenger, TEMPLATES, ledger, log, QuietHours(22, 8))


def grant(ledger, template, times=1):
    for _ in range(times):
        ledger.record_answer(USER, template, "accept", side="client")


def notify(notifier, status, when=NOON_CHINA, number=NUMBER):
    return notifier.notify(USER, change(status, number), shipment(status, number), None, now=when)


def test_delivery_uses_the_delivered_template_and_opens_the_parcel_page(
    notifier, messenger, ledger
):
    grant(ledger, DELIVERED)
    grant(ledger, SC)
    assert notify(notifier, Status.DELIVERED) == "sent"
    openid, template, _data, page = messenger.sent[0]
    assert (openid, template, page) == (
        USER,
        DELIVERED,
        f"pages/detail/index?number={NUMBER}&from=message",
    )
    assert ledger.credits(USER) == {DELIVERED: 0, SC: 1}


def test_the_same_change_is_never_sent_twice(notifier, messenger, ledger):
    grant(ledger, SC, times=3)
    assert notify(notifier, Status.CLEARANCE_IN_PROGRESS) == "sent"
    assert notify(notifier, Status.CLEARANCE_IN_PROGRESS) == "duplicate"
    assert len(messenger.sent) == 1 and ledger.credits(USER) == {SC: 2}


def test_a_minor_hop_keeps_the_last_credit_for_something_important(notifier, messenger, ledger):
    grant(ledger, SC)
    assert notify(notifier, Status.AT_FACILITY) == "unread"
    assert notify(notifier, Status.OUT_FOR_DELIVERY) == "sent"
    assert [sent[1] for sent in messenger.sent] == [SC]


def test_a_subscription_made_on_a_parcel_page_is_kept_for_that_parcel(notifier, messenger, ledger):
    other = "1ZYA27550424697984"
    grant(ledger, SC)
    ledger.reserve(USER, SC, other)
    assert notify(notifier, Status.CLEARANCE_IN_PROGRESS) == "unread"
    assert notify(notifier, Status.CLEARANCE_IN_PROGRESS, number=other) == "sent"
    assert ledger.reserved(USER) == {SC: []}


def test_quiet_hours_hold_minor_news_but_never_a_delivery(notifier, messenger, ledger):
    grant(ledger, SC, times=2)
    grant(ledger, DELIVERED)
    assert notify(notifier, Status.CLEARANCE_IN_PROGRESS, when=MIDNIGHT_CHINA) == "held"
    assert notify(notifier, Status.DELIVERED, when=MIDNIGHT_CHINA) == "sent"
    assert notify(notifier, Status.CLEARANCE_IN_PROGRESS, when=NOON_CHINA) == "sent"


def test_43101_zeroes_the_credit_and_keeps_the_change_unread(notifier, messenger, ledger):
    grant(ledger, SC, times=2)
    messenger.fail_with = RecipientWithoutCredit("user refuse to accept the msg")
    assert notify(notifier, Status.EXCEPTION) == "unread"
    assert ledger.credits(USER) == {SC: 0}


def test_a_transient_failure_releases_the_claim_so_a_retry_can_send(notifier, messenger, ledger):
    grant(ledger, SC)
    messenger.fail_with = MessengerUnavailable("system busy")
    assert notify(notifier, Status.EXCEPTION) == "retry"
    assert notify(notifier, Status.EXCEPTION) == "sent" and ledger.credits(USER) == {SC: 0}


def test_an_unanswered_send_waits_for_evidence_instead_of_sending_again(
    notifier, messenger, ledger
):
    grant(ledger, SC, times=2)
    messenger.fail_with = DeliveryUnknown("read timeout")
    assert notify(notifier, Status.EXCEPTION) == "retry"
    assert notify(notifier, Status.EXCEPTION) == "retry"  # no second send meanwhile
    assert messenger.sent == [] and ledger.credits(USER) == {SC: 2}
    # WeChat's sent event shows it went out: settled, one credit spent, never resent.
    settled = notifier._log.settle_by_event(USER, SC, "3400000000000000001")
    assert settled is not None and settled.startswith(NUMBER + ":")
    assert notify(notifier, Status.EXCEPTION) == "duplicate"
    assert messenger.sent == [] and ledger.credits(USER) == {SC: 1}


def test_rejected_data_is_not_retried_and_spends_nothing(notifier, messenger, ledger):
    grant(ledger, SC)
    messenger.fail_with = SendRejected("argument invalid! data.phrase2.value invalid")
    assert notify(notifier, Status.EXCEPTION) == "failed"
    assert notify(notifier, Status.EXCEPTION) == "duplicate"
    assert ledger.credits(USER) == {SC: 1}


def test_a_template_that_cannot_carry_the_change_gives_way_to_one_that_can(
    notifier, messenger, ledger
):
    messenger.unfit = {OUT}  # e.g. a `date` keyword for the ETA, and no ETA yet
    grant(ledger, OUT)
    grant(ledger, SC)
    assert notify(notifier, Status.OUT_FOR_DELIVERY) == "sent"
    assert [sent[1] for sent in messenger.sent] == [SC]
    assert ledger.credits(USER) == {OUT: 1, SC: 0}


def test_with_nothing_able_to_carry_it_no_credit_is_spent(notifier, messenger, ledger):
    messenger.unfit = {OUT, SC}
    grant(ledger, OUT)
    assert notify(notifier, Status.OUT_FOR_DELIVERY) == "unread"
    assert messenger.sent == [] and ledger.credits(USER) == {OUT: 1}


def test_an_invalid_template_id_switches_that_template_off_loudly(messenger, ledger, caplog):
    from backend.domain.errors import TemplateInvalid
    from tests.fakes import FakeTemplateSwitch

    switch = FakeTemplateSwitch()
    notifier = Notifier(messenger, TEMPLATES, ledger, FakeNotificationLog(ledger), disabled=switch)
    grant(ledger, SC, times=2)
    messenger.fail_with = TemplateInvalid("40037")
    assert notify(notifier, Status.EXCEPTION) == "failed"
    assert switch.ids() == {SC}
    assert any("disabled" in r.getMessage() and SC in r.getMessage() for r in caplog.records)
    assert notify(notifier, Status.EXCEPTION, number="1Z999AA10123456785") == "unread"
    assert messenger.sent == [] and ledger.credits(USER) == {SC: 2}


def test_messages_are_written_in_the_users_language(notifier, messenger, ledger):
    ledger.set_language(USER, "en")
    grant(ledger, ATTENTION)
    assert notify(notifier, Status.EXCEPTION) == "sent"
    notice = messenger.sent[0][2]
    assert (notice.lang, notice.status_text) == ("en", "Exception")
    assert notice.location == "Shanghai, China"


def test_a_send_waits_briefly_for_the_users_previous_send_of_that_template(messenger, ledger):
    log = FakeNotificationLog(ledger)
    grant(ledger, SC, times=2)
    other = "1ZYA27550424697984"
    assert log.claim(USER, other, "earlier-change", SC) == 1  # in flight in another worker
    waits: list[float] = []

    def sleep(seconds: float) -> None:  # the other send's reply arrives meanwhile
        waits.append(seconds)
        log.complete(USER, other, "earlier-change", SC, "msg-earlier")

    notifier = Notifier(messenger, TEMPLATES, ledger, log, QuietHours(0, 0), sleep=sleep)
    assert notify(notifier, Status.EXCEPTION) == "sent" and len(waits) == 1
    assert ledger.credits(USER) == {SC: 0}


def test_a_send_gives_up_waiting_and_comes_back_later(messenger, ledger):
    log = FakeNotificationLog(ledger)
    grant(ledger, SC, times=2)
    assert log.claim(USER, "1ZYA27550424697984", "stuck", SC) == 1
    waits: list[float] = []
    notifier = Notifier(messenger, TEMPLATES, ledger, log, QuietHours(0, 0), sleep=waits.append)
    assert notify(notifier, Status.EXCEPTION) == "retry" and messenger.sent == []
    assert 1.0 <= sum(waits) <= 3.0  # bounded: the fan-out thread is not held for long


def test_routine_scans_never_spend_a_credit_a_critical_moment_could_use(
    notifier, messenger, ledger
):
    for template in (ATTENTION, OUT, DELIVERED):  # what one tap on a customs-bound parcel gives
        grant(ledger, template)
    for routine in (
        Status.AT_FACILITY,
        Status.CLEARED,
        Status.CLEARANCE_IN_PROGRESS,
    ):
        assert notify(notifier, routine) == "unread"
    assert messenger.sent == [] and ledger.credits(USER) == {ATTENTION: 1, OUT: 1, DELIVERED: 1}
    assert notify(notifier, Status.AWAITING_RECEIVER) == "sent"
    assert messenger.sent[-1][1] == ATTENTION


def test_a_critical_moment_falls_back_to_another_template_that_can_carry_it(
    notifier, messenger, ledger
):
    grant(ledger, DELIVERED)  # attention and out-for-delivery credits are gone
    assert notify(notifier, Status.RETURNED_TO_SENDER) == "sent"
    assert messenger.sent[-1][1] == DELIVERED
    assert notify(notifier, Status.EXCEPTION) == "unread"  # only attention or status change


def test_a_change_nobody_has_credit_for_is_counted_for_the_credits_alert(messenger, ledger):
    counted = []

    class Recorder(NullMetrics):
        def no_credit(self) -> None:
            counted.append(1)

    log = FakeNotificationLog(ledger)
    notifier = Notifier(messenger, TEMPLATES, ledger, log, QuietHours(0, 0), metrics=Recorder())
    assert notify(notifier, Status.DELIVERED) == "unread"
    grant(ledger, DELIVERED)
    assert notify(notifier, Status.EXCEPTION) == "unread"  # a delivered credit cannot carry it
    assert notify(notifier, Status.DELIVERED, number="1Z999AA10123456791") == "sent"
    assert len(counted) == 2
