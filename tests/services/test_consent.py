"""Login sessions, popup answers and pushed subscribe events, on fakes."""

from __future__ import annotations

import pytest

from backend.domain.consent import SubscribeEvent
from backend.domain.errors import BadSignature, LoginCodeInvalid, PushInProgress, ReplayedPush
from backend.domain.sends import SendRecord, SendState
from backend.services.auth import SessionService, token_digest
from backend.services.consent import Consent, UnknownTemplateError
from backend.services.consent_events import ConsentEvents
from tests.fakes import (
    FakeClock,
    FakeCodeExchange,
    FakeCreditLedger,
    FakeNonces,
    FakeNotificationLog,
    FakePushInbox,
    FakeSeenPushes,
    FakeSessionStore,
    FakeTemplate,
    FakeWatchStore,
)
from tests.fakes.clock import T0
from tests.support.numbers import make_1z

USER, NUMBER, TEMPLATE = "o-user", make_1z("CONSNT", 1), FakeTemplate("tpl-1", "status_change")


def test_a_login_code_becomes_a_token_whose_digest_alone_is_stored():
    store = FakeSessionStore()
    sessions = SessionService(store, FakeCodeExchange({"code-1": USER}))
    token, expires_in = sessions.login("code-1")
    assert sessions.resolve(token) == USER and expires_in == sessions.ttl_seconds
    assert token not in store.sessions and token_digest(token) in store.sessions
    sessions.logout(token)
    assert sessions.resolve(token) is None and store.by_user[USER] == set()
    with pytest.raises(LoginCodeInvalid):
        sessions.login("code-1")  # a code is good once


def test_answers_credit_accepts_and_keep_a_page_subscription_for_its_parcel():
    ledger, watches = FakeCreditLedger(), FakeWatchStore()
    watches.watch(USER, NUMBER, None)
    consent = Consent([TEMPLATE], ledger, watches)
    consent.record(USER, {TEMPLATE.id: "accept"}, NUMBER)
    assert consent.credits(USER) == {"credits": {TEMPLATE.id: 1}, "answers": {"tpl-1": "accept"}}
    assert ledger.reserved(USER) == {TEMPLATE.id: [NUMBER]}
    with pytest.raises(UnknownTemplateError):
        consent.record(USER, {"tpl-unknown": "accept", TEMPLATE.id: "accept"}, None)
    assert ledger.credits(USER) == {TEMPLATE.id: 1}  # nothing applied from a bad batch


WINDOW = 300


def pushes(inbox, ledger, clock=None, sends=None, nonces=None, sleep=None) -> ConsentEvents:
    clock = clock or FakeClock()
    sends = sends or FakeNotificationLog(ledger)
    return ConsentEvents(
        inbox, ledger, FakeSeenPushes(), sends, nonces or FakeNonces(), WINDOW, clock=clock,
        sleep=sleep or clock.advance,
    )  # fmt: skip


def signed(at: float, nonce: str = "n1") -> dict[str, str]:
    return {"signature": "good", "timestamp": str(int(at)), "nonce": nonce}


def event(kind: str, status: str | None, create_time: int = 1) -> SubscribeEvent:
    return SubscribeEvent(kind, USER, TEMPLATE.id, status, None, None, create_time, "0")


def test_pushed_events_credit_once_even_when_retried():
    ledger = FakeCreditLedger()
    events = pushes(FakePushInbox(), ledger)
    events.apply([event("popup", "accept")])
    events.apply([event("popup", "accept")])  # WeChat's retry of the same push
    assert ledger.credits(USER) == {TEMPLATE.id: 1}
    events.apply([event("change", "reject", create_time=2)])
    assert ledger.credits(USER) == {TEMPLATE.id: 0}


def test_the_popup_answer_reported_by_both_sides_counts_once():
    ledger = FakeCreditLedger()
    Consent([TEMPLATE], ledger, FakeWatchStore()).record(USER, {TEMPLATE.id: "accept"}, None)
    pushes(FakePushInbox(), ledger).apply([event("popup", "accept")])
    assert ledger.credits(USER) == {TEMPLATE.id: 1}


def test_unsigned_pushes_are_refused_before_reading():
    inbox = FakePushInbox()
    inbox.events = [event("popup", "accept")]
    events = pushes(inbox, FakeCreditLedger())
    with pytest.raises(BadSignature):
        events.open(b"{}", {"signature": "forged"})
    assert events.open(b"{}", signed(T0)) == inbox.events
    assert events.verify_url("good", "1", "n", "echo") == "echo"


def test_a_sent_event_settles_the_claim_whose_reply_was_lost_and_spends_one_credit():
    ledger = FakeCreditLedger()
    ledger.record_answer(USER, TEMPLATE.id, "accept", side="client")
    sends = FakeNotificationLog(ledger)
    events = pushes(FakePushInbox(), ledger, sends=sends)
    assert sends.claim(USER, NUMBER, "change-1", TEMPLATE.id) == 1  # then the reply was lost
    sent = SubscribeEvent("sent", USER, TEMPLATE.id, None, 0, "3400000000000000007", 5, None)
    events.apply([sent])
    events.apply([sent])  # WeChat's retry of the same push
    assert sends.state(USER, NUMBER, "change-1") == SendRecord(
        SendState.SENT, "3400000000000000007"
    )
    assert ledger.credits(USER) == {TEMPLATE.id: 0}
    assert sends.claim(USER, NUMBER, "change-1", TEMPLATE.id) == 0  # never sent again


@pytest.mark.parametrize(
    ("offset", "fresh"),
    [(0, True), (WINDOW, True), (-WINDOW, True), (WINDOW + 1, False), (-WINDOW - 1, False),
     (-2 * 86400, False)],
)  # fmt: skip
def test_only_pushes_signed_within_the_window_of_now_are_opened(offset, fresh):
    inbox = FakePushInbox()
    events = pushes(inbox, FakeCreditLedger())
    if fresh:
        assert events.open(b"{}", signed(T0 + offset)) == inbox.events
    else:
        with pytest.raises(ReplayedPush):
            events.open(b"{}", signed(T0 + offset))


@pytest.mark.parametrize("stamp", ["", "abc", "1e3"])
def test_a_timestamp_that_is_not_a_number_is_refused(stamp):
    with pytest.raises(ReplayedPush):
        pushes(FakePushInbox(), FakeCreditLedger()).open(b"{}", signed(T0) | {"timestamp": stamp})


def test_a_nonce_is_applied_once_unless_freed_after_a_failure():
    inbox, ledger = FakePushInbox(), FakeCreditLedger()
    inbox.events = [event("popup", "accept")]
    events = pushes(inbox, ledger)
    assert events.receive(b"{}", signed(T0, "n-1")) is True
    with pytest.raises(ReplayedPush, match="nonce"):
        events.receive(b"{other}", signed(T0, "n-1"))  # another request, same nonce
    assert events.receive(b"{}", signed(T0, "n-2")) is True  # another push of that second
    failing = pushes(inbox, FakeCreditLedger())
    failing.apply = lambda _events: (_ for _ in ()).throw(RuntimeError("store hiccup"))
    with pytest.raises(RuntimeError):
        failing.receive(b"{}", signed(T0, "n-3"))
    del failing.apply  # the retry after our failure is applied
    assert failing.receive(b"{}", signed(T0, "n-3")) is True


def test_wechats_retry_of_an_applied_push_is_acknowledged_and_changes_nothing():
    inbox, ledger = FakePushInbox(), FakeCreditLedger()
    inbox.events = [event("popup", "accept")]
    events, applied = pushes(inbox, ledger), []
    real_apply = events.apply
    events.apply = lambda batch: (applied.append(batch), real_apply(batch))
    assert events.receive(b"<xml/>", signed(T0, "n-1")) is True
    for _ in range(3):  # WeChat tries three times in all
        assert events.receive(b"<xml/>", signed(T0, "n-1")) is False
    assert len(applied) == 1
    assert ledger.credits(USER) == {TEMPLATE.id: 1}


def test_a_stale_or_forged_repeat_is_still_refused():
    inbox = FakePushInbox()
    events = pushes(inbox, FakeCreditLedger())
    assert events.receive(b"{}", signed(T0, "n-1")) is True
    with pytest.raises(BadSignature):
        events.receive(b"{}", signed(T0, "n-1") | {"signature": "forged"})
    late = pushes(inbox, FakeCreditLedger(), clock=FakeClock(T0 + WINDOW + 1))
    with pytest.raises(ReplayedPush, match="window"):
        late.receive(b"{}", signed(T0, "n-1"))


def test_a_retry_during_the_first_waits_and_is_acknowledged_once_it_is_applied():
    """The retry arrives while the first request is being applied (here: from inside
    it); it waits, and hears "already applied" as soon as the first settles."""
    inbox, ledger, nonces = FakePushInbox(), FakeCreditLedger(), FakeNonces()
    inbox.events = [event("popup", "accept")]
    clock, answers, waits = FakeClock(), [], []

    def settle_on_second_wait(seconds: float) -> None:
        waits.append(seconds)
        clock.advance(seconds)
        if len(waits) == 2:  # the first request finishes meanwhile
            ((key, (fingerprint, _)),) = nonces.held.items()
            nonces.held[key] = (fingerprint, True)

    events = pushes(inbox, ledger, clock=clock, nonces=nonces, sleep=settle_on_second_wait)
    real_apply = events.apply

    def apply_with_a_retry(applied):
        answers.append(events.receive(b"{}", signed(T0, "n-1")))
        real_apply(applied)

    events.apply = apply_with_a_retry
    assert events.receive(b"{}", signed(T0, "n-1")) is True
    assert answers == [False] and len(waits) == 2
    assert ledger.credits(USER) == {TEMPLATE.id: 1}


def test_a_retry_during_a_first_that_does_not_finish_soon_is_asked_to_come_back():
    inbox, ledger = FakePushInbox(), FakeCreditLedger()
    inbox.events = [event("popup", "accept")]
    clock, outcomes = FakeClock(), []
    events = pushes(inbox, ledger, clock=clock)
    real_apply = events.apply

    def apply_with_a_retry(applied):
        with pytest.raises(PushInProgress):
            events.receive(b"{}", signed(T0, "n-1"))
        outcomes.append(clock() - T0)
        real_apply(applied)

    events.apply = apply_with_a_retry
    assert events.receive(b"{}", signed(T0, "n-1")) is True
    assert outcomes and 0 < outcomes[0] < 5  # answered within WeChat's 5 s
    assert events.receive(b"{}", signed(T0, "n-1")) is False  # the next retry: success
    assert ledger.credits(USER) == {TEMPLATE.id: 1}
