"""WeChat sandbox faults and the sent/change events it pushes, over real HTTP."""

from __future__ import annotations

import json
import threading
import time

import pytest
import requests

from backend.adapters.wechat import push as push_adapter
from backend.adapters.wechat.errors import RateLimitedError, WeChatBusyError
from backend.adapters.wechat.push import parse_events
from backend.domain.sends import SendRecord, SendState
from backend.sandbox.wechat.blueprint import sandbox_openid
from backend.services.consent_events import ConsentEvents
from tests.support.stores import settings_of, shared, stores
from tests.support.wechat import GOOD_DATA, STATUS_TEMPLATE, login, stats, subscribe


@pytest.fixture
def pushed(monkeypatch):
    """Every push the app receives: (plaintext, parsed events), with a signal per arrival."""
    seen: list[tuple[str, list]] = []
    arrived = threading.Semaphore(0)
    real_parse = push_adapter.parse_events

    def spy(plaintext: str):
        events = real_parse(plaintext)
        seen.append((plaintext, events))
        arrived.release()
        return events

    monkeypatch.setattr(push_adapter, "parse_events", spy)
    monkeypatch.setattr(ConsentEvents, "apply", lambda *_: None)
    return seen, arrived


def _faults(url: str, **body) -> requests.Response:
    return requests.post(f"{url}/_sandbox/wechat/faults", json=body, timeout=10)


def _user(live, name: str) -> str:
    login(live[0].url, name)
    subscribe(live[0].url, name, [STATUS_TEMPLATE])
    return sandbox_openid(settings_of(live[1]).wechat_appid, name)


def _send(live, openid: str) -> str:
    wechat = shared(live[1]).wechat
    return wechat.send_subscribe_message(openid, STATUS_TEMPLATE, GOOD_DATA)


def _inbox(live) -> list[dict]:
    return requests.get(f"{live[0].url}/_sandbox/wechat/messages", timeout=10).json()


@pytest.mark.parametrize(
    "body",
    [{"error_rate": 2}, {"latency_ms": -1}, {"errcode": 40001}, {"after_accept": "yes"}, []],
)
def test_bad_fault_requests_are_400_in_the_envelope(live, body):
    response = (
        _faults(live[0].url, **body)
        if isinstance(body, dict)
        else requests.post(f"{live[0].url}/_sandbox/wechat/faults", json=body, timeout=10)
    )
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_request"


def test_injected_errcodes_refuse_without_spending_quota_and_clear(live, pushed):
    openid = _user(live, "faulty")
    assert _faults(live[0].url, error_rate=1, errcode=45009).json()["errcode"] == 45009
    with pytest.raises(RateLimitedError) as refused:
        _send(live, openid)
    assert refused.value.errcode == 45009
    assert _faults(live[0].url, error_rate=1, errcode=-1).status_code == 200
    with pytest.raises(WeChatBusyError):
        _send(live, openid)
    assert stats(live[0].url)["send_45009"] == 1 and _inbox(live) == []
    assert requests.delete(f"{live[0].url}/_sandbox/wechat/faults", timeout=10).status_code == 204
    assert _send(live, openid)  # the quota was never spent by the refusals
    assert len(_inbox(live)) == 1


def test_half_the_sends_fail_in_a_repeatable_pattern(live, pushed):
    openid = _user(live, "halfway")
    for _ in range(3):
        subscribe(live[0].url, "halfway", [STATUS_TEMPLATE])
    _faults(live[0].url, error_rate=0.5, errcode=-1)
    outcomes = []
    for _ in range(4):
        try:
            outcomes.append(bool(_send(live, openid)))
        except WeChatBusyError:
            outcomes.append(False)
    assert outcomes == [False, True, False, True]


def test_every_accepted_send_is_followed_by_a_sent_event_in_wechats_shape(live, pushed):
    seen, arrived = pushed
    openid = _user(live, "sentinel")
    assert arrived.acquire(timeout=5)  # the popup event
    msgid = _send(live, openid)
    assert arrived.acquire(timeout=5), "no SubscribeMsgSentEvent was pushed"
    plaintext, events = seen[-1]
    raw = json.loads(plaintext)
    assert raw["Event"] == "subscribe_msg_sent_event" and raw["FromUserName"] == openid
    assert raw["List"] == {"TemplateId": STATUS_TEMPLATE, "MsgID": msgid, "ErrorCode": "0",
                           "ErrorStatus": "success"}  # fmt: skip
    assert [(e.kind, e.openid, e.msg_id, e.error_code) for e in events] == [
        ("sent", openid, msgid, 0)
    ]


def test_a_reply_lost_after_acceptance_still_delivers_and_pushes_the_sent_event(live, pushed):
    seen, arrived = pushed
    openid = _user(live, "lostreply")
    assert arrived.acquire(timeout=5)
    _faults(live[0].url, error_rate=1, errcode=-1, after_accept=True)
    with pytest.raises(WeChatBusyError):
        _send(live, openid)  # the sender cannot tell whether it went out...
    assert arrived.acquire(timeout=5)
    inbox = _inbox(live)
    assert len(inbox) == 1  # ...but it did, and the sent event says which msgid it got
    assert parse_events(seen[-1][0])[0].msg_id == str(inbox[0]["msgid"])
    assert stats(live[0].url)["send_reply_lost"] == 1


def test_latency_is_added_to_each_send(live, pushed):
    openid = _user(live, "slow")
    _faults(live[0].url, latency_ms=300)
    response = requests.get(f"{live[0].url}/_sandbox/wechat/faults", timeout=10)
    assert response.json()["latency_ms"] == 300
    elapsed = requests.post(
        f"{live[0].url}/_sandbox/wechat/cgi-bin/message/subscribe/send",
        params={"access_token": "x"}, json={}, timeout=10,
    ).elapsed.total_seconds()  # fmt: skip
    assert elapsed >= 0.3
    assert _send(live, openid)


def test_switching_a_template_off_zeroes_its_quota_and_pushes_a_change_event(live, pushed):
    seen, arrived = pushed
    openid = _user(live, "quitter")
    body = {"user": "quitter", "template_ids": [STATUS_TEMPLATE]}
    answer = requests.post(f"{live[0].url}/_sandbox/wechat/switch-off", json=body, timeout=10)
    assert answer.status_code == 200 and answer.json()["quota"] == {STATUS_TEMPLATE: 0}
    assert answer.json()["pushed"] is True
    raw = json.loads(seen[-1][0])
    assert raw["Event"] == "subscribe_msg_change_event"
    assert raw["List"] == {"TemplateId": STATUS_TEMPLATE, "SubscribeStatusString": "reject"}
    assert [(e.kind, e.status) for e in seen[-1][1]] == [("change", "reject")]
    with pytest.raises(Exception) as refused:
        _send(live, openid)
    assert refused.value.errcode == 43101


def test_the_pushed_sent_event_settles_the_claim_of_a_lost_reply(live):
    handles = stores(live[1])
    openid = _user(live, "evidence")
    handles.ledger.record_answer(openid, STATUS_TEMPLATE, "accept", side="client")
    notes = handles.notification_log
    assert notes.claim(openid, "1ZEVIDENCE", "c1", STATUS_TEMPLATE) == 1
    _faults(live[0].url, error_rate=1, errcode=-1, after_accept=True)
    with pytest.raises(WeChatBusyError):
        _send(live, openid)
    deadline = time.monotonic() + 5
    while notes.state(openid, "1ZEVIDENCE", "c1").state is SendState.SENDING:
        assert time.monotonic() < deadline, "the sent event never settled the claim"
        time.sleep(0.05)
    sent = SendRecord(SendState.SENT, str(_inbox(live)[0]["msgid"]))
    assert notes.state(openid, "1ZEVIDENCE", "c1") == sent
    assert handles.ledger.credits(openid) == {STATUS_TEMPLATE: 0}
