"""Which template a change uses, when credits are kept back, quiet hours and failures."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from backend.adapters.notification_log import NotificationLog
from backend.adapters.subscription_store import SubscriptionStore
from backend.adapters.wechat.errors import InvalidDataError, NotSubscribedError, WeChatBusyError
from backend.domain.message_data import build_data
from backend.domain.model import Shipment, TrackingEvent
from backend.domain.statuses import Status
from backend.domain.template_values import value_ok
from backend.domain.templates import DEFAULT_SANDBOX_TEMPLATES, parse_templates
from backend.domain.tracking import detect_change
from backend.services.notifications import Notifier, QuietHours, TransientSendError

USER = "o_alice"
NUMBER = "1Z999AA10123456784"
SC, OUT, DELIVERED, ATTENTION = (t["id"] for t in DEFAULT_SANDBOX_TEMPLATES)
NOON_CHINA = datetime(2026, 11, 25, 4, 0, tzinfo=UTC)
MIDNIGHT_CHINA = datetime(2026, 11, 25, 16, 0, tzinfo=UTC)


class FakeMessenger:
    """Records sends; raises a scripted error once when told to."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str, dict, str]] = []
        self.langs: list[str] = []
        self.fail_with: Exception | None = None

    def send_subscribe_message(self, openid, template_id, data, page=None, state="formal",
                               lang="zh_CN"):  # fmt: skip
        if self.fail_with:
            error, self.fail_with = self.fail_with, None
            raise error
        self.sent.append((openid, template_id, data, page))
        self.langs.append(lang)
        return f"msg-{len(self.sent)}"


def shipment(status: Status, number: str = NUMBER) -> Shipment:
    event = TrackingEvent("2026-11-25T09:30:00+08:00", "Shanghai, CN", "scan", status, "OT")
    return Shipment(number=number, status=status, events=(event,))


def change(status: Status, number: str = NUMBER):
    return detect_change(Status.IN_TRANSIT, shipment(status, number))


@pytest.fixture
def messenger():
    return FakeMessenger()


@pytest.fixture
def ledger(redis_client):
    return SubscriptionStore(redis_client)


@pytest.fixture
def notifier(messenger, ledger, redis_client):
    templates = parse_templates(DEFAULT_SANDBOX_TEMPLATES)
    return Notifier(messenger, templates, ledger, NotificationLog(redis_client), QuietHours(22, 8))


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
    assert (openid, template, page) == (USER, DELIVERED, f"pages/detail/index?number={NUMBER}")
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
    messenger.fail_with = NotSubscribedError(43101, "user refuse to accept the msg")
    assert notify(notifier, Status.EXCEPTION) == "unread"
    assert ledger.credits(USER) == {SC: 0}


def test_a_transient_failure_releases_the_claim_so_a_retry_can_send(notifier, messenger, ledger):
    grant(ledger, SC)
    messenger.fail_with = WeChatBusyError(-1, "system busy")
    with pytest.raises(TransientSendError):
        notify(notifier, Status.EXCEPTION)
    assert notify(notifier, Status.EXCEPTION) == "sent" and ledger.credits(USER) == {SC: 0}


def test_rejected_data_is_not_retried_and_spends_nothing(notifier, messenger, ledger):
    grant(ledger, SC)
    messenger.fail_with = InvalidDataError(47003, "argument invalid! data.phrase2.value invalid")
    assert notify(notifier, Status.EXCEPTION) == "failed"
    assert notify(notifier, Status.EXCEPTION) == "duplicate"
    assert ledger.credits(USER) == {SC: 1}


@pytest.mark.parametrize("template", parse_templates(DEFAULT_SANDBOX_TEMPLATES), ids=lambda t: t.id)
@pytest.mark.parametrize("status", list(Status))
def test_message_data_always_fits_the_keyword_limits(template, status):
    data = build_data(
        template, change(status) or change(Status.DELIVERED), shipment(status), "妈妈"
    )
    for keyword, value in data.items():
        kind = keyword.rstrip("0123456789")
        assert value_ok(kind, value["value"]), (keyword, value)


def _eta_by_date_template():
    """A delivered-event template whose ETA keyword is a WeChat `date`."""
    return parse_templates(
        [{"id": "tpl-eta-date", "event": "out_for_delivery", "title": "派送提醒",
          "fields": {"character_string1": "number", "date2": "eta"}}]
    )[0]  # fmt: skip


def test_a_template_that_cannot_carry_the_change_gives_way_to_one_that_can(
    messenger, ledger, redis_client
):
    eta_date = _eta_by_date_template()
    templates = [eta_date, *parse_templates(DEFAULT_SANDBOX_TEMPLATES)]
    notifier = Notifier(messenger, templates, ledger, NotificationLog(redis_client))
    grant(ledger, eta_date.id)
    grant(ledger, SC)
    # No ETA: the date keyword has nothing WeChat would accept ("-" is refused with 47003).
    assert notify(notifier, Status.OUT_FOR_DELIVERY) == "sent"
    assert [sent[1] for sent in messenger.sent] == [SC]
    assert ledger.credits(USER)[eta_date.id] == 1


def test_with_nothing_able_to_carry_it_no_credit_is_spent(messenger, ledger, redis_client):
    eta_date = _eta_by_date_template()
    notifier = Notifier(messenger, [eta_date], ledger, NotificationLog(redis_client))
    grant(ledger, eta_date.id)
    assert notify(notifier, Status.OUT_FOR_DELIVERY) == "unread"
    assert messenger.sent == [] and ledger.credits(USER) == {eta_date.id: 1}


def test_an_event_time_that_is_not_a_time_is_never_sent_as_now(ledger):
    template = parse_templates(DEFAULT_SANDBOX_TEMPLATES)[0]  # has time3
    broken = change(Status.EXCEPTION)
    broken = type(broken)(**{**broken.__dict__, "event_time": "not a time"})
    assert build_data(template, broken, shipment(Status.EXCEPTION), None) is None


def test_an_invalid_template_id_disables_that_template_loudly(
    messenger, ledger, redis_client, caplog
):
    from backend.adapters.wechat.errors import error_for

    disabled: set[str] = set()
    templates = parse_templates(DEFAULT_SANDBOX_TEMPLATES)
    notifier = Notifier(
        messenger, templates, ledger, NotificationLog(redis_client), disabled=disabled
    )
    grant(ledger, SC, times=2)
    messenger.fail_with = error_for(40037, "invalid template_id")
    assert notify(notifier, Status.EXCEPTION) == "failed"
    assert disabled == {SC}
    assert any(
        "disabled" in record.getMessage() and SC in record.getMessage() for record in caplog.records
    )
    other = "1Z999AA10123456785"
    assert notify(notifier, Status.EXCEPTION, number=other) == "unread"  # not tried again
    assert len(messenger.sent) == 0


def test_messages_go_out_in_the_users_language(messenger, ledger, redis_client):
    templates = parse_templates(DEFAULT_SANDBOX_TEMPLATES)
    notifier = Notifier(messenger, templates, ledger, NotificationLog(redis_client),
                        language_of=lambda openid: "en")  # fmt: skip
    grant(ledger, ATTENTION)
    assert notify(notifier, Status.EXCEPTION) == "sent"
    _openid, template, data, _page = messenger.sent[0]
    assert template == ATTENTION and messenger.langs == ["en_US"]
    assert data["thing2"]["value"] == "Exception"  # the status label in English
