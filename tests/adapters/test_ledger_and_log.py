"""Credit ledger, notification log and watch store on a real Redis."""

from __future__ import annotations

import pytest

from backend.adapters import redis_keys
from backend.adapters.credit_ledger import RedisCreditLedger
from backend.adapters.notification_log import RedisNotificationLog
from backend.adapters.watch_store import RedisWatchStore, WatchLimitError
from backend.domain.sends import SendRecord, SendState

USER = "o_user_1"
TPL = "TPL_STATUS"


@pytest.fixture
def ledger(redis_client):
    return RedisCreditLedger(redis_client)


@pytest.fixture
def notes(redis_client):
    return RedisNotificationLog(redis_client)


def test_client_report_then_push_event_count_one_credit(ledger):
    ledger.record_answer(USER, TPL, "accept", side="client")
    ledger.record_answer(USER, TPL, "accept", side="push")
    assert ledger.credits(USER) == {TPL: 1}


def test_push_event_then_client_report_count_one_credit(ledger):
    ledger.record_answer(USER, TPL, "accept", side="push")
    ledger.record_answer(USER, TPL, "accept", side="client")
    assert ledger.credits(USER) == {TPL: 1}


def test_two_taps_reported_by_both_sides_count_two_credits(ledger):
    for side in ("client", "client", "push", "push"):
        ledger.record_answer(USER, TPL, "accept", side=side)
    assert ledger.credits(USER) == {TPL: 2}


def test_reject_and_ban_are_remembered_without_credit(ledger):
    ledger.record_answer(USER, TPL, "ban", side="client")
    ledger.record_answer(USER, "TPL_OTHER", "reject", side="push")
    assert ledger.credits(USER) == {}
    assert ledger.answers(USER) == {TPL: "ban", "TPL_OTHER": "reject"}


def test_cancel_zeroes_the_credit(ledger):
    ledger.record_answer(USER, TPL, "accept", side="client")
    ledger.cancel(USER, TPL)
    assert ledger.credits(USER) == {TPL: 0}


def test_claim_is_granted_once_and_completion_spends_one_credit(ledger, notes):
    ledger.record_answer(USER, TPL, "accept", side="client")
    assert notes.claim(USER, "1ZA", "c1", TPL) == 1
    assert notes.claim(USER, "1ZA", "c1", TPL) == 3  # in flight elsewhere
    notes.complete(USER, "1ZA", "c1", TPL, "msg-1")
    assert notes.claim(USER, "1ZA", "c1", TPL) == 0  # already sent
    assert ledger.credits(USER) == {TPL: 0}
    assert notes.state(USER, "1ZA", "c1") == SendRecord(SendState.SENT, "msg-1")


def test_claim_without_credit_marks_the_change_unread(notes):
    assert notes.claim(USER, "1ZA", "c2", TPL) == -1
    assert notes.unread(USER, "1ZA") == ["c2"]


def test_a_released_claim_can_be_claimed_again(ledger, notes):
    ledger.record_answer(USER, TPL, "accept", side="client")
    assert notes.claim(USER, "1ZA", "c3", TPL) == 1
    notes.release(USER, "1ZA", "c3")
    assert notes.claim(USER, "1ZA", "c3", TPL) == 1


def test_watch_is_idempotent_and_keeps_its_start_time(redis_client):
    store = RedisWatchStore(redis_client)
    first, new = store.watch(USER, "1ZA", "妈妈的包裹")
    again, new_again = store.watch(USER, "1ZA", "新名字")
    assert new and not new_again
    assert again.since == first.since and store.get(USER, "1ZA").nickname == "新名字"
    assert store.watchers("1ZA") == {USER}


def test_watch_limit_is_enforced(redis_client):
    store = RedisWatchStore(redis_client, limit=2)
    store.watch(USER, "1ZA", None)
    store.watch(USER, "1ZB", None)
    with pytest.raises(WatchLimitError):
        store.watch(USER, "1ZC", None)
    store.watch(USER, "1ZA", "rename still works at the limit")


def test_unwatch_reports_when_nobody_watches_any_more(redis_client):
    store = RedisWatchStore(redis_client)
    store.watch(USER, "1ZA", None)
    store.watch("o_user_2", "1ZA", None)
    assert store.unwatch(USER, "1ZA") is False
    assert store.unwatch("o_user_2", "1ZA") is True
    assert store.list(USER) == []


@pytest.mark.parametrize("client", ["accept", "acceptWithAlert", "acceptWithForcePush",
                                    "acceptWithAudio"])  # fmt: skip
@pytest.mark.parametrize("pushed", ["accept", "acceptWithAlert"])
def test_every_acceptance_pairs_across_sides_into_one_credit(ledger, client, pushed):
    ledger.record_answer(USER, TPL, client, side="client")
    ledger.record_answer(USER, TPL, pushed, side="push")
    assert ledger.credits(USER) == {TPL: 1}
    assert ledger.answers(USER) == {TPL: pushed}


def test_watchers_kept_in_the_old_set_are_still_known_and_folded_into_the_hash(redis_client):
    """Production holds each number's watchers in a set (before 2026-12): they are read beside
    the hash, the number's next watch moves them over, and unwatching works on both."""
    redis_client.sadd(redis_keys.legacy_watchers("1ZA"), "o_old_1", "o_old_2")
    store = RedisWatchStore(redis_client)
    assert store.watchers("1ZA") == {"o_old_1", "o_old_2"}
    assert store.unwatch("o_old_1", "1ZA") is False
    store.watch(USER, "1ZA", None)
    assert not redis_client.exists(redis_keys.legacy_watchers("1ZA"))
    assert store.watchers("1ZA") == {"o_old_2", USER}
    assert redis_client.type(redis_keys.watchers("1ZA")) == "hash"
    assert store.unwatch("o_old_2", "1ZA") is False and store.unwatch(USER, "1ZA") is True
