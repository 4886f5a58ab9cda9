"""WeChat's retries of a push, over real HTTP on a real Redis, through the real hand-off.

WeChat waits 5 s for "success"; without it, it sends the very same request again (three
tries in all). A retry of a push already applied is acknowledged and changes nothing; a
retry that arrives while the first is still being applied waits for it, or is told to come
back (503) when that takes too long; a retry after the first failed applies it itself.
Stale and forged pushes stay refused (tests/web/test_push.py).
"""

from __future__ import annotations

import json
import threading

import pytest
import requests

from backend.services import consent_events
from backend.services.consent_events import ConsentEvents
from tests.support.stores import stores
from tests.support.wechat import serve_app, signed_query

OPENID = "oRetry000000000000000000001"
POPUP = {
    "ToUserName": "gh_123456789abc",
    "FromUserName": OPENID,
    "CreateTime": 1620963428,
    "MsgType": "event",
    "Event": "subscribe_msg_popup_event",
    "List": {"PopupScene": "0", "SubscribeStatusString": "accept", "TemplateId": "T1"},
}


class HeldApply:
    """Replaces ConsentEvents.apply: the first call waits until `release()`, then runs
    the real apply (or fails, when told to); every call is counted."""

    def __init__(self, monkeypatch, fail_first: bool = False) -> None:
        self.real = ConsentEvents.apply
        self.entered, self.released = threading.Event(), threading.Event()
        self.calls = 0
        self.fail_first = fail_first
        holder = self

        def apply(service, events):
            holder.calls += 1
            if holder.calls == 1:
                holder.entered.set()
                assert holder.released.wait(20)
                if holder.fail_first:
                    raise RuntimeError("the ledger write failed")
            holder.real(service, events)

        monkeypatch.setattr(ConsentEvents, "apply", apply)

    def release(self) -> None:
        self.released.set()


@pytest.fixture
def send(make_settings):
    """POST one fixed signed request (plaintext mode: the query carries the signature)."""
    with serve_app(make_settings, plaintext_push=True) as (server, app):
        handles = stores(app)
        query, body = signed_query(handles.settings.wechat_push_token), json.dumps(POPUP)

        def post() -> requests.Response:
            url = f"{server.url}/wechat/push"
            return requests.post(url, params=query, data=body, timeout=30)

        post.credits = lambda: handles.ledger.credits(OPENID)
        yield post


def _in_thread(call) -> tuple[threading.Thread, list]:
    box: list = []
    thread = threading.Thread(target=lambda: box.append(call()), daemon=True)
    thread.start()
    return thread, box


def test_a_retry_while_the_first_is_applied_waits_and_gets_success(send, monkeypatch):
    held = HeldApply(monkeypatch)
    first, first_answer = _in_thread(send)
    assert held.entered.wait(10)
    retry, retry_answer = _in_thread(send)  # WeChat's retry: same signature, nonce and body
    threading.Timer(0.5, held.release).start()
    first.join(20)
    retry.join(20)
    assert [r.status_code for r in first_answer + retry_answer] == [200, 200]
    assert [r.text for r in first_answer + retry_answer] == ["success", "success"]
    assert held.calls == 1  # the retry applied nothing
    assert send.credits() == {"T1": 1}


def test_a_retry_while_the_first_takes_too_long_is_503_then_success(send, monkeypatch):
    monkeypatch.setattr(consent_events, "IN_PROGRESS_WAIT_SECONDS", 0.5)
    held = HeldApply(monkeypatch)
    first, first_answer = _in_thread(send)
    assert held.entered.wait(10)
    busy = send()
    assert busy.status_code == 503 and busy.headers["Retry-After"] == "1"
    assert busy.json()["error"]["code"] == "push_in_progress"
    held.release()
    first.join(20)
    assert first_answer[0].text == "success"
    last = send()  # WeChat's next try
    assert last.status_code == 200 and last.text == "success"
    assert held.calls == 1
    assert send.credits() == {"T1": 1}


def test_a_retry_waiting_on_a_first_that_fails_applies_the_push_itself(send, monkeypatch):
    held = HeldApply(monkeypatch, fail_first=True)
    first, first_answer = _in_thread(send)
    assert held.entered.wait(10)
    retry, retry_answer = _in_thread(send)
    threading.Timer(0.5, held.release).start()
    first.join(20)
    retry.join(20)
    assert first_answer[0].text == "success"  # logged; the claim was freed for the retry
    assert retry_answer[0].status_code == 200 and retry_answer[0].text == "success"
    assert held.calls == 2
    assert send.credits() == {"T1": 1}
