"""Claims settled by evidence (the reply's msgid, WeChat's sent event), on the Redis adapter
and on the fake the service tests use (the same cases, so the fake keeps the rules)."""

from __future__ import annotations

import time

import pytest

from backend.adapters.credit_ledger import RedisCreditLedger
from backend.adapters.notification_log import RedisNotificationLog
from backend.domain.sends import SendRecord, SendState
from tests.fakes import FakeCreditLedger, FakeNotificationLog

USER = "o_user_evidence"
TPL, OTHER_TPL = "TPL_STATUS", "TPL_DELIVERED"


@pytest.fixture(params=["fake", "redis"])
def redis_or_none(request):
    return request.getfixturevalue("redis_client") if request.param == "redis" else None


@pytest.fixture
def ledger(redis_or_none):
    store = RedisCreditLedger(redis_or_none) if redis_or_none else FakeCreditLedger()
    for _ in range(3):
        store.record_answer(USER, TPL, "accept", side="client")
    return store


@pytest.fixture
def notes(redis_or_none, ledger):
    if redis_or_none is None:
        return FakeNotificationLog(ledger, lease_seconds=1)
    return RedisNotificationLog(redis_or_none, lease_seconds=1)


def test_a_sent_event_settles_a_claim_whose_owner_died_after_sending(ledger, notes):
    assert notes.claim(USER, "1ZA", "c1", TPL) == 1
    # ...the worker sent, WeChat took it, the worker died before recording the msgid.
    assert notes.settle_by_event(USER, TPL, "9001") == "1ZA:c1"
    time.sleep(1.1)  # long past the claim's deadline: evidence, not the clock, decided
    assert notes.claim(USER, "1ZA", "c1", TPL) == 0
    assert notes.state(USER, "1ZA", "c1") == SendRecord(SendState.SENT, "9001")
    assert ledger.credits(USER) == {TPL: 2}


def test_reply_and_event_in_either_order_spend_one_credit(ledger, notes):
    assert notes.claim(USER, "1ZA", "c1", TPL) == 1
    assert notes.complete(USER, "1ZA", "c1", TPL, "9001") is True
    assert notes.settle_by_event(USER, TPL, "9001") is None  # the reply came first
    assert notes.claim(USER, "1ZA", "c2", TPL) == 1
    assert notes.settle_by_event(USER, TPL, "9002") == "1ZA:c2"  # the event came first
    assert notes.complete(USER, "1ZA", "c2", TPL, "9002") is False
    assert ledger.credits(USER) == {TPL: 1}


def test_a_late_sent_event_never_settles_the_next_claim(ledger, notes):
    assert notes.claim(USER, "1ZA", "c1", TPL) == 1
    notes.complete(USER, "1ZA", "c1", TPL, "9001")
    assert notes.claim(USER, "1ZB", "c7", TPL) == 1  # next send of the same template
    assert notes.settle_by_event(USER, TPL, "9001") is None  # the first one's event, late
    assert notes.state(USER, "1ZB", "c7").state is SendState.SENDING


def test_one_send_per_user_and_template_awaits_evidence_at_a_time(ledger, notes):
    ledger.record_answer(USER, OTHER_TPL, "accept", side="client")
    assert notes.claim(USER, "1ZA", "c1", TPL) == 1
    assert notes.claim(USER, "1ZB", "c9", TPL) == 2  # same template: wait for c1's outcome
    assert notes.claim(USER, "1ZB", "c9", OTHER_TPL) == 1  # another template may go
    notes.release(USER, "1ZA", "c1")  # WeChat refused c1 outright (busy)
    assert notes.claim(USER, "1ZB", "c8", TPL) == 1


def test_without_evidence_by_the_deadline_the_send_never_happened(ledger, notes):
    assert notes.claim(USER, "1ZA", "c1", TPL) == 1
    assert notes.claim(USER, "1ZA", "c1", TPL) == 3  # still awaiting its evidence
    time.sleep(1.1)  # the owner died before WeChat took anything: no sent event came
    assert notes.claim(USER, "1ZA", "c1", TPL) == 1
    assert ledger.credits(USER) == {TPL: 3}


def test_an_unknown_outcome_extends_the_wait_but_never_undoes_a_settlement(ledger, notes):
    assert notes.claim(USER, "1ZA", "c1", TPL) == 1
    notes.settle_by_event(USER, TPL, "9001")
    notes.awaiting_evidence(USER, "1ZA", "c1")
    assert notes.state(USER, "1ZA", "c1") == SendRecord(SendState.SENT, "9001")
