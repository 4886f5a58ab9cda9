"""The WeChat sandbox's wire formats and control endpoints, over real HTTP."""

from __future__ import annotations

import dataclasses
import json
import logging

import pytest
import requests

from backend.adapters.wechat.push import WeChatPushInbox, open_message
from backend.sandbox.wechat.blueprint import sandbox_openid
from backend.sandbox.wechat.pusher import popup_event, signed_request
from backend.services.consent_events import ConsentEvents
from tests.support.stores import settings_of, stores
from tests.support.wechat import (
    GOOD_DATA,
    STATUS_TEMPLATE,
    expire_tokens,
    login,
    login_code,
    serve_app,
    stats,
    subscribe,
)


@pytest.fixture
def wx(live):
    """(sandbox base URL, settings) of the live app."""
    server, app = live
    return f"{server.url}/_sandbox/wechat", settings_of(app)


def _code2session(wx, code: str, **overrides) -> dict:
    base, settings = wx
    params = {"appid": settings.wechat_appid, "secret": settings.wechat_secret,
              "js_code": code, "grant_type": "authorization_code", **overrides}  # fmt: skip
    return requests.get(f"{base}/sns/jscode2session", params=params, timeout=10).json()


def _stable(wx, **overrides) -> dict:
    base, settings = wx
    body = {"grant_type": "client_credential", "appid": settings.wechat_appid,
            "secret": settings.wechat_secret, "force_refresh": False, **overrides}  # fmt: skip
    return requests.post(f"{base}/cgi-bin/stable_token", json=body, timeout=10).json()


def _send(wx, token: str, **body) -> dict:
    url = f"{wx[0]}/cgi-bin/message/subscribe/send"
    message = {"touser": "", "template_id": STATUS_TEMPLATE, "data": {}, **body}
    return requests.post(url, params={"access_token": token}, json=message, timeout=10).json()


def _valid(data: dict) -> dict:
    return {k: {"value": v} for k, v in data.items()}


def test_code2session_success_has_no_errcode_and_a_stable_openid(wx):
    first = _code2session(wx, "sandbox:alice#1")
    second = _code2session(wx, "sandbox:alice#2")
    assert "errcode" not in first and set(first) == {"openid", "session_key"}
    assert first["openid"] == second["openid"] == sandbox_openid(wx[1].wechat_appid, "alice")
    assert first["session_key"] != second["session_key"]


def test_code2session_refusals_use_wechat_errcodes_with_a_request_id(wx):
    assert _code2session(wx, "sandbox:x", appid="wxwrong")["errcode"] == 40013
    assert _code2session(wx, "sandbox:x", secret="wrong")["errcode"] == 40125
    assert _code2session(wx, "sandbox:x", grant_type="other")["errcode"] == 40002
    invalid = _code2session(wx, "061abcDEF")
    assert invalid["errcode"] == 40029 and "rid: " in invalid["errmsg"]
    assert _code2session(wx, "sandbox:bob")["openid"]
    assert _code2session(wx, "sandbox:bob")["errcode"] == 40163


def test_stable_token_is_the_same_until_force_refresh_replaces_and_kills_it(wx):
    first, again = _stable(wx), _stable(wx)
    assert first["access_token"] == again["access_token"] and 300 <= again["expires_in"] <= 7200
    forced = _stable(wx, force_refresh=True)
    assert forced["access_token"] != first["access_token"]
    assert _send(wx, first["access_token"])["errcode"] == 40001
    assert _send(wx, forced["access_token"])["errcode"] == 40003  # past the token check
    assert _stable(wx, secret="wrong")["errcode"] == 40001
    assert _stable(wx, appid="wxother")["errcode"] == 40013


def test_force_refresh_within_30_seconds_does_not_refresh_and_21_a_day_is_45009(wx, live):
    first = _stable(wx, force_refresh=True)["access_token"]
    assert _stable(wx, force_refresh=True)["access_token"] == first  # "否则不会刷新"
    store = stores(live[1]).redis
    from backend.sandbox.wechat.blueprint import key

    for _ in range(18):
        store.set(key("forced-last"), 0)  # as if 30 s had passed
        assert _stable(wx, force_refresh=True)["access_token"] != first
    store.set(key("forced-last"), 0)
    refused = _stable(wx, force_refresh=True)  # the 21st forced call today
    assert refused["errcode"] == 45009 and refused["errmsg"].startswith(
        "reach max api daily quota limit"
    )
    assert set(refused) == {"errcode", "errmsg"}
    assert _stable(wx)["access_token"]  # normal mode is not limited by it


def test_stable_token_needs_a_json_body(wx):
    response = requests.post(f"{wx[0]}/cgi-bin/stable_token", data="grant_type=x", timeout=10)
    assert response.json()["errcode"] == 47001


def test_basic_token_always_issues_a_new_one_and_the_old_keeps_working_briefly(wx):
    base, settings = wx
    params = {"grant_type": "client_credential", "appid": settings.wechat_appid,
              "secret": settings.wechat_secret}  # fmt: skip
    old = requests.get(f"{base}/cgi-bin/token", params=params, timeout=10).json()
    new = requests.get(f"{base}/cgi-bin/token", params=params, timeout=10).json()
    assert old["access_token"] != new["access_token"] and new["expires_in"] == 7200
    assert _send(wx, old["access_token"])["errcode"] == 40003  # still accepted for 5 minutes


def test_token_faults_expire_revoke_and_break(wx, live):
    token = _stable(wx)["access_token"]
    assert _send(wx, "")["errcode"] == 41001
    expire_tokens(live[0].url, "expire")
    assert _send(wx, token)["errcode"] == 42001
    fresh = _stable(wx)["access_token"]
    assert fresh != token
    expire_tokens(live[0].url, "revoke")
    assert _send(wx, fresh)["errcode"] == 40001 and _stable(wx)["access_token"] == fresh
    newest = _stable(wx, force_refresh=True)["access_token"]
    expire_tokens(live[0].url, "break")
    assert _send(wx, newest)["errcode"] == 40001
    expire_tokens(live[0].url, "heal")
    assert _send(wx, newest)["errcode"] == 40003
    bad = requests.post(f"{wx[0]}/tokens/expire", json={"mode": "explode"}, timeout=10)
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_request"


def test_subscribe_grants_quota_and_pushes_an_encrypted_popup_event(wx, live, monkeypatch):
    seen, queries = [], []
    real_open = WeChatPushInbox.open
    monkeypatch.setattr(ConsentEvents, "apply", lambda _self, events: seen.extend(events))
    monkeypatch.setattr(
        WeChatPushInbox,
        "open",
        lambda self, body, q: queries.append(dict(q)) or real_open(self, body, q),
    )
    other = "sandbox-tpl-delivered"
    answer = subscribe(live[0].url, "alice", [STATUS_TEMPLATE, other])
    openid = sandbox_openid(wx[1].wechat_appid, "alice")
    assert answer == {"openid": openid, "quota": {STATUS_TEMPLATE: 1, other: 1}, "pushed": True}
    assert [(e.kind, e.openid, e.template_id, e.status) for e in seen] == [
        ("popup", openid, STATUS_TEMPLATE, "accept"),
        ("popup", openid, other, "accept"),
    ]
    assert queries[0]["encrypt_type"] == "aes" and queries[0]["msg_signature"]


def test_the_pushed_event_reaches_the_real_hand_off(live, caplog):
    caplog.set_level(logging.INFO, logger="backend.services.consent_events")
    subscribe(live[0].url, "frank", [STATUS_TEMPLATE], action="reject")
    lines = [r.getMessage() for r in caplog.records if r.name.endswith("consent_events")]
    assert len(lines) == 1 and STATUS_TEMPLATE in lines[0] and "reject" in lines[0]


def test_a_reject_grants_nothing_and_accepts_add_up(live):
    assert subscribe(live[0].url, "gina", [STATUS_TEMPLATE], "reject")["quota"] == {}
    subscribe(live[0].url, "gina", [STATUS_TEMPLATE])
    assert subscribe(live[0].url, "gina", [STATUS_TEMPLATE])["quota"] == {STATUS_TEMPLATE: 2}
    openid = sandbox_openid(settings_of(live[1]).wechat_appid, "gina")
    quota = requests.get(f"{live[0].url}/_sandbox/wechat/quota", params={"openid": openid})
    assert quota.json() == {"openid": openid, "quota": {STATUS_TEMPLATE: 2}}


@pytest.mark.parametrize(
    "body",
    [
        {"user": "alice", "template_ids": ["nope"], "action": "accept"},
        {"user": "alice", "template_ids": [STATUS_TEMPLATE], "action": "maybe"},
        {"openid": "o-never-logged-in", "template_ids": [STATUS_TEMPLATE]},
        {"template_ids": [STATUS_TEMPLATE]},
    ],
)
def test_bad_subscribe_calls_are_400(wx, body):
    response = requests.post(f"{wx[0]}/subscribe", json=body, timeout=10)
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_request"


def test_an_accepted_send_is_recorded_once_and_the_inbox_can_be_cleared(wx, live):
    login(live[0].url, "hana")
    subscribe(live[0].url, "hana", [STATUS_TEMPLATE])
    openid = sandbox_openid(wx[1].wechat_appid, "hana")
    token = _stable(wx)["access_token"]
    sent = _send(wx, token, touser=openid, data=_valid(GOOD_DATA), page="pages/detail/index?n=1")
    assert sent["errcode"] == 0 and sent["errmsg"] == "ok" and sent["msgid"] > 0
    assert _send(wx, token, touser=openid, data=_valid(GOOD_DATA))["errcode"] == 43101
    inbox = requests.get(f"{wx[0]}/messages", timeout=10).json()
    assert len(inbox) == 1
    assert set(inbox[0]) == {"touser", "template_id", "page", "data", "miniprogram_state",
                             "lang", "msgid", "sent_at"}  # fmt: skip
    assert inbox[0]["miniprogram_state"] == "formal" and inbox[0]["lang"] == "zh_CN"
    assert requests.delete(f"{wx[0]}/messages", timeout=10).status_code == 204
    assert requests.get(f"{wx[0]}/messages", timeout=10).json() == []
    counted = stats(live[0].url)
    assert (counted["send_calls"], counted["send_ok"], counted["send_43101"]) == (2, 1, 1)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("character_string1", "单号1Z999"),
        ("character_string1", "1" * 33),
        ("phrase2", "派送中派送中"),
        ("phrase2", "OK"),
        ("time3", "tomorrow"),
        ("thing4", "这是一条超过二十个字的物流提醒内容请注意查收哦"),
        ("thing4", "第一行\n第二行"),
        ("thing4", ""),
    ],
)
def test_each_keyword_is_checked_against_its_type_with_47003_naming_it(wx, live, field, value):
    login(live[0].url, "ivan")
    openid = sandbox_openid(wx[1].wechat_appid, "ivan")
    data = _valid({**GOOD_DATA, field: value})
    answer = _send(wx, _stable(wx)["access_token"], touser=openid, data=data)
    assert answer["errcode"] == 47003
    assert answer["errmsg"].startswith(f"argument invalid! data.{field}.value invalid")


def test_missing_extra_keywords_and_bad_options_are_refused(wx, live):
    login(live[0].url, "jack")
    openid, token = sandbox_openid(wx[1].wechat_appid, "jack"), _stable(wx)["access_token"]
    missing = {k: v for k, v in _valid(GOOD_DATA).items() if k != "time3"}
    assert "data.time3.value" in _send(wx, token, touser=openid, data=missing)["errmsg"]
    extra = {**_valid(GOOD_DATA), "thing9": {"value": "x"}}
    assert "data.thing9.value" in _send(wx, token, touser=openid, data=extra)["errmsg"]
    for option in ({"lang": "fr_FR"}, {"miniprogram_state": "beta"}):
        answer = _send(wx, token, touser=openid, data=_valid(GOOD_DATA), **option)
        assert answer["errcode"] == 47003
    assert _send(wx, token, touser=openid, template_id="x", data={})["errcode"] == 40037


def test_configured_templates_replace_the_built_in_ones(make_settings):
    template = {"id": "TPL_X", "event": "delivered", "title": "签收",
                "fields": {"character_string1": "number", "date2": "time"}}  # fmt: skip
    with serve_app(make_settings, wechat_templates=json.dumps([template])) as (server, app):
        openid = subscribe(server.url, "kim", ["TPL_X"])["openid"]
        wx = (f"{server.url}/_sandbox/wechat", settings_of(app))
        data = _valid({"character_string1": "1Z999AA10123456784", "date2": "2026年11月24日"})
        token = _stable(wx)["access_token"]
        assert _send(wx, token, touser=openid, template_id="TPL_X", data=data)["errcode"] == 0
        refused = requests.post(
            f"{server.url}/_sandbox/wechat/subscribe",
            json={"user": "kim", "template_ids": [STATUS_TEMPLATE]},
            timeout=10,
        )
        assert refused.status_code == 400


def test_wxacode_defaults_and_limits(wx):
    url = f"{wx[0]}/wxa/getwxacodeunlimit"
    token = {"access_token": _stable(wx)["access_token"]}
    image = requests.post(url, params=token, json={"scene": "n=1Z", "width": 5000}, timeout=10)
    assert image.headers["Content-Type"] == "image/jpeg" and image.content[:3] == b"\xff\xd8\xff"
    assert b"page=pages/lookup/index" in image.content  # no page: the home page of app.json
    clear = {"scene": "n=1Z", "is_hyaline": True}
    hyaline = requests.post(url, params=token, json=clear, timeout=10)
    assert hyaline.headers["Content-Type"] == "image/png" and hyaline.content[:4] == b"\x89PNG"
    unreleased = {"scene": "a", "page": "pages/new/index", "check_path": False}
    assert (
        requests.post(url, params=token, json=unreleased, timeout=10).content[:3] == b"\xff\xd8\xff"
    )
    missing = {"scene": "a", "page": "pages/new/index"}  # checked against app.json
    assert requests.post(url, params=token, json=missing, timeout=10).json()["errcode"] == 41030
    not_a_page = {"scene": "a", "page": "somewhere/else"}
    assert requests.post(url, params=token, json=not_a_page, timeout=10).json()["errcode"] == 41030
    assert requests.post(url, json={"scene": "a"}, timeout=10).json()["errcode"] == 41001


def test_the_pusher_sends_plaintext_when_no_aes_key_is_configured(settings):
    plain = dataclasses.replace(settings, wechat_push_aes_key="")
    event = popup_event(plain.wechat_appid, "oA", ["T1", "T2"], "accept")
    query, body = signed_request(event, plain)
    assert "encrypt_type" not in query and json.loads(body)["List"][1]["TemplateId"] == "T2"
    text = open_message(body.encode(), query, plain.wechat_push_token, "", plain.wechat_appid)
    assert json.loads(text)["Event"] == "subscribe_msg_popup_event"


def test_login_codes_are_usable_once_through_the_api_too(live):
    code = login_code("lena")
    first = requests.post(f"{live[0].url}/api/v1/auth/login", json={"code": code}, timeout=10)
    second = requests.post(f"{live[0].url}/api/v1/auth/login", json={"code": code}, timeout=10)
    assert (first.status_code, second.status_code) == (200, 401)


@pytest.mark.parametrize("action", ["accept", "acceptWithAlert", "acceptWithForcePush",
                                    "acceptWithAudio"])  # fmt: skip
@pytest.mark.parametrize("push_as", ["answer", "accept"])
def test_every_accept_answer_grants_quota_and_is_pushed(wx, live, monkeypatch, action, push_as):
    seen = []
    monkeypatch.setattr(ConsentEvents, "apply", lambda _self, events: seen.extend(events))
    body = {"user": "ivy", "template_ids": [STATUS_TEMPLATE], "action": action,
            "push_as": push_as}  # fmt: skip
    answer = requests.post(f"{wx[0]}/subscribe", json=body, timeout=10).json()
    assert answer["quota"] == {STATUS_TEMPLATE: 1} and answer["pushed"] is True
    pushed_word = action if push_as == "answer" else "accept"
    assert [(e.kind, e.status, e.raw_status) for e in seen] == [("popup", "accept", pushed_word)]


@pytest.mark.parametrize("action", ["ban", "filter"])
def test_ban_and_filter_grant_nothing_and_push_nothing(wx, live, monkeypatch, action):
    seen = []
    monkeypatch.setattr(ConsentEvents, "apply", lambda _self, events: seen.extend(events))
    body = {"user": "jay", "template_ids": [STATUS_TEMPLATE], "action": action}
    answer = requests.post(f"{wx[0]}/subscribe", json=body, timeout=10).json()
    assert answer["quota"] == {} and answer["pushed"] is False and seen == []
