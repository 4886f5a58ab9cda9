"""GET and POST /wechat/push over real HTTP: URL check, security mode, plaintext mode, and
every kind of forgery (unsigned, badly signed, plaintext under security mode, stale, replayed)."""

from __future__ import annotations

import json
import logging
import time

import pytest
import requests

from backend.adapters.wechat.push import seal, sign
from backend.domain.consent import SubscribeEvent
from backend.services.consent_events import ConsentEvents
from tests.support.stores import settings_of, stores
from tests.support.wechat import serve_app, signed_query

POPUP = {
    "ToUserName": "gh_123456789abc",
    "FromUserName": "oUser0000000000000000000001",
    "CreateTime": 1620963428,
    "MsgType": "event",
    "Event": "subscribe_msg_popup_event",
    "List": {"PopupScene": "0", "SubscribeStatusString": "accept", "TemplateId": "T1"},
}
CHANGE_XML = (
    "<xml><ToUserName>gh_1</ToUserName><FromUserName>oUser2</FromUserName>"
    "<CreateTime>1620963429</CreateTime><MsgType>event</MsgType>"
    "<Event>subscribe_msg_change_event</Event><SubscribeMsgChangeEvent>"
    "<List><TemplateId>T1</TemplateId><SubscribeStatusString>reject</SubscribeStatusString></List>"
    "<List><TemplateId>T2</TemplateId><SubscribeStatusString>reject</SubscribeStatusString></List>"
    "</SubscribeMsgChangeEvent></xml>"
)


@pytest.fixture
def handed(monkeypatch) -> list[SubscribeEvent]:
    """Every event the push view hands over (the real hand-off is replaced)."""
    seen: list[SubscribeEvent] = []
    monkeypatch.setattr(ConsentEvents, "apply", lambda _self, events: seen.extend(events))
    return seen


def _sender(url: str, settings):
    def send(body: str | bytes, query: dict[str, str] | None = None) -> requests.Response:
        data = body.encode() if isinstance(body, str) else body
        if query is None:
            query = signed_query(settings.wechat_push_token)
        return requests.post(url, params=query, data=data, timeout=10)

    send.settings = settings
    return send


@pytest.fixture
def push(live):
    """Security mode: the sandbox settings carry an EncodingAESKey."""
    server, app = live
    settings = settings_of(app)
    assert settings.wechat_push_aes_key
    return _sender(f"{server.url}/wechat/push", settings)


@pytest.fixture
def plain_push(make_settings):
    """Plaintext mode: no EncodingAESKey configured."""
    with serve_app(make_settings, plaintext_push=True) as (server, app):
        yield _sender(f"{server.url}/wechat/push", settings_of(app))


def sealed(settings, plaintext: str, **query: str) -> tuple[dict[str, str], str]:
    """(query, JSON body) of a security-mode push, signed now unless told otherwise."""
    base = signed_query(settings.wechat_push_token, query.pop("timestamp", None))
    encrypt, msg_signature = seal(
        plaintext, settings.wechat_push_token, settings.wechat_push_aes_key,
        settings.wechat_appid, base["timestamp"], base["nonce"],
    )  # fmt: skip
    base.update(encrypt_type="aes", msg_signature=msg_signature, openid="oUser1", **query)
    return base, json.dumps({"ToUserName": "gh_1", "Encrypt": encrypt})


def refused(response: requests.Response, code: str = "invalid_signature") -> bool:
    return response.status_code == 403 and response.json()["error"]["code"] == code


def test_url_verification_with_the_official_example_echoes_echostr(make_settings):
    query = {
        "signature": "f464b24fc39322e44b38aa78f5edd27bd1441696",
        "timestamp": "1714036504",
        "nonce": "1514711492",
        "echostr": "4375120948345356249",
    }
    with serve_app(make_settings, wechat_push_token="AAAAA") as (server, _app):
        good = requests.get(f"{server.url}/wechat/push", params=query, timeout=10)
        bad = requests.get(f"{server.url}/wechat/push", params={**query, "nonce": "1"}, timeout=10)
    assert good.status_code == 200 and good.text == "4375120948345356249"
    assert good.headers["Content-Type"].startswith("text/plain")
    assert bad.status_code == 403 and bad.json()["error"]["code"] == "invalid_signature"


def test_url_verification_without_parameters_is_403(live):
    response = requests.get(f"{live[0].url}/wechat/push", timeout=10)
    assert response.status_code == 403 and response.json()["error"]["code"] == "invalid_signature"


def test_a_sealed_json_event_is_decrypted_and_handed_over(push, handed):
    query, body = sealed(push.settings, json.dumps(POPUP))
    response = push(body, query)
    assert response.status_code == 200 and response.text == "success"
    assert response.headers["Content-Type"].startswith("text/plain")
    assert handed == [
        SubscribeEvent("popup", "oUser0000000000000000000001", "T1", "accept", None, None,
                       1620963428, "0"),
    ]  # fmt: skip


def test_a_sealed_xml_envelope_is_decrypted_too(push, handed):
    query, body = sealed(push.settings, json.dumps(POPUP))
    encrypt = json.loads(body)["Encrypt"]
    xml = f"<xml><ToUserName>gh_1</ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"
    assert push(xml, query).text == "success"
    assert [(e.kind, e.template_id) for e in handed] == [("popup", "T1")]


def test_an_encrypted_xml_event_is_decrypted_and_parsed(push, handed):
    query, body = sealed(push.settings, CHANGE_XML)
    assert push(body, query).text == "success"
    assert [e.template_id for e in handed] == ["T1", "T2"]


def test_a_plaintext_push_under_security_mode_is_refused_and_logged(push, handed, caplog):
    caplog.set_level(logging.WARNING, logger="backend.web.push")
    response = push(json.dumps(POPUP))  # correct `signature`, but the body is not sealed
    assert refused(response)
    assert any("plaintext" in r.getMessage() for r in caplog.records)
    assert handed == []


def test_claiming_security_mode_without_a_ciphertext_is_refused(push, handed):
    query = {**signed_query(push.settings.wechat_push_token), "encrypt_type": "aes"}
    query["msg_signature"] = sign(
        push.settings.wechat_push_token, query["timestamp"], query["nonce"]
    )
    assert refused(push(json.dumps(POPUP), query))
    assert refused(push(json.dumps({"Encrypt": ""}), query))
    assert handed == []


def test_a_forged_signature_is_403_and_nothing_is_processed(push, handed):
    query, body = sealed(push.settings, json.dumps(POPUP))
    forged = signed_query("guessed-token", query["timestamp"], query["nonce"])
    assert refused(push(body, {**query, "signature": forged["signature"]}))
    assert refused(push(body, {}))
    assert handed == []


def test_a_forged_msg_signature_is_403_and_nothing_is_processed(push, handed):
    query, body = sealed(push.settings, json.dumps(POPUP))
    encrypt = json.loads(body)["Encrypt"]
    forged = sign("guessed-token", query["timestamp"], query["nonce"], encrypt)
    assert refused(push(body, {**query, "msg_signature": forged}))
    missing = {k: v for k, v in query.items() if k != "msg_signature"}
    assert refused(push(body, missing))
    assert handed == []


def test_a_ciphertext_swapped_under_a_captured_query_is_403(push, handed):
    query, _body = sealed(push.settings, json.dumps(POPUP))
    _other_query, other_body = sealed(push.settings, json.dumps({**POPUP, "FromUserName": "oX"}))
    assert refused(push(other_body, query))
    assert handed == []


@pytest.mark.parametrize("minutes", [-6, 6, -60 * 24 * 2])
def test_a_correctly_sealed_push_outside_the_window_is_refused(push, handed, minutes):
    stamp = str(int(time.time()) + minutes * 60)
    query, body = sealed(push.settings, json.dumps(POPUP), timestamp=stamp)
    assert refused(push(body, query), "push_replayed")
    assert handed == []


def test_a_repeat_of_an_applied_push_is_acknowledged_and_handled_once(push, handed):
    """WeChat sends the very same request again when our answer was late: success."""
    query, body = sealed(push.settings, json.dumps(POPUP))
    for _ in range(4):  # the first, then WeChat's three tries
        response = push(body, query)
        assert response.status_code == 200 and response.text == "success"
    assert len(handed) == 1


def test_another_request_under_a_used_nonce_is_refused(plain_push, handed, caplog):
    caplog.set_level(logging.WARNING, logger="backend.web.push")
    query = signed_query(plain_push.settings.wechat_push_token)
    assert plain_push(json.dumps(POPUP), query).text == "success"
    other = json.dumps({**POPUP, "CreateTime": POPUP["CreateTime"] + 1})
    assert refused(plain_push(other, query), "push_replayed")
    assert len(handed) == 1
    assert any("nonce used before" in r.getMessage() for r in caplog.records)


def test_the_window_is_configurable_in_minutes(make_settings, handed):
    with serve_app(make_settings, push_max_age_minutes=60) as (server, app):
        settings = settings_of(app)
        send = _sender(f"{server.url}/wechat/push", settings)
        old = str(int(time.time()) - 30 * 60)
        assert send(*reversed(sealed(settings, json.dumps(POPUP), timestamp=old))).text == "success"
        older = str(int(time.time()) - 61 * 60)
        assert refused(send(*reversed(sealed(settings, json.dumps(POPUP), timestamp=older))),
                       "push_replayed")  # fmt: skip
    assert len(handed) == 1


def test_forgeries_change_no_credit(push, live):
    """Through the real hand-off: only the authentic push grants its credit, once."""
    ledger = stores(live[1]).ledger
    openid = POPUP["FromUserName"]
    stale = str(int(time.time()) - 3600)
    forgeries = [
        (json.dumps(POPUP), None),  # plaintext under security mode
        (json.dumps(POPUP), signed_query("guessed-token")),
        tuple(reversed(sealed(push.settings, json.dumps(POPUP), timestamp=stale))),
        (sealed(push.settings, json.dumps(POPUP))[1], {"encrypt_type": "aes"}),
    ]
    for body, query in forgeries:
        assert push(body, query).status_code == 403
    assert ledger.credits(openid) == {}
    query, body = sealed(push.settings, json.dumps(POPUP))
    assert push(body, query).text == "success"
    assert push(body, query).text == "success"  # WeChat's retry: acknowledged, applied once
    stale_query, stale_body = sealed(push.settings, json.dumps(POPUP), timestamp=stale)
    assert refused(push(stale_body, stale_query), "push_replayed")
    assert ledger.credits(openid) == {"T1": 1}


def test_a_sealed_but_undecryptable_body_is_acknowledged_and_logged(push, handed, caplog):
    caplog.set_level(logging.WARNING, logger="backend.web.push")
    query = signed_query(push.settings.wechat_push_token)
    garbage = "bm90IGEgY2lwaGVydGV4dA=="
    msg_signature = sign(
        push.settings.wechat_push_token, query["timestamp"], query["nonce"], garbage
    )
    query.update(encrypt_type="aes", msg_signature=msg_signature)
    response = push(json.dumps({"Encrypt": garbage}), query)
    assert response.status_code == 200 and response.text == "success"
    assert handed == []
    assert any("not understood" in r.getMessage() for r in caplog.records)


# --- plaintext mode (no EncodingAESKey configured) ------------------------------------
def test_a_signed_plaintext_json_event_is_handed_over(plain_push, handed):
    response = plain_push(json.dumps(POPUP))
    assert response.status_code == 200 and response.text == "success"
    assert [(e.kind, e.openid, e.template_id) for e in handed] == [
        ("popup", "oUser0000000000000000000001", "T1")
    ]


def test_a_json_list_array_gives_one_event_per_template(plain_push, handed):
    items = [{"TemplateId": t, "SubscribeStatusString": "accept"} for t in ("T1", "T2", "T3")]
    assert plain_push(json.dumps({**POPUP, "List": items})).text == "success"
    assert [e.template_id for e in handed] == ["T1", "T2", "T3"]


def test_a_signed_plaintext_xml_event_is_handed_over(plain_push, handed):
    assert plain_push(CHANGE_XML).text == "success"
    assert [(e.kind, e.openid, e.template_id, e.status) for e in handed] == [
        ("change", "oUser2", "T1", "reject"),
        ("change", "oUser2", "T2", "reject"),
    ]


def test_plaintext_mode_still_refuses_forged_stale_and_replayed_pushes(plain_push, handed):
    token = plain_push.settings.wechat_push_token
    assert refused(plain_push(json.dumps(POPUP), signed_query("guessed-token")))
    old = signed_query(token, str(int(time.time()) - 24 * 3600))
    assert refused(plain_push(json.dumps(POPUP), old), "push_replayed")
    captured = signed_query(token)
    assert plain_push(json.dumps(POPUP), captured).text == "success"
    # The plaintext signature does not cover the body: a captured query is used only once.
    forged_body = json.dumps({**POPUP, "FromUserName": "oAttacker"})
    assert refused(plain_push(forged_body, captured), "push_replayed")
    assert [e.openid for e in handed] == ["oUser0000000000000000000001"]


@pytest.mark.parametrize("body", ["{not json", "<xml><oops></xml>", "[]", b"\xff\x00"])
def test_a_malformed_body_with_a_good_signature_is_acknowledged_and_logged(
    plain_push, handed, caplog, body
):
    caplog.set_level(logging.WARNING, logger="backend.web.push")
    response = plain_push(body)
    assert response.status_code == 200 and response.text == "success"
    assert handed == []
    assert any("not understood" in r.getMessage() for r in caplog.records)


def test_other_events_are_acknowledged_and_ignored(plain_push, handed):
    text = {"ToUserName": "gh_1", "FromUserName": "o1", "MsgType": "text", "Content": "你好"}
    assert plain_push(json.dumps(text)).text == "success"
    assert plain_push(json.dumps({**POPUP, "Event": "user_enter_tempsession"})).text == "success"
    assert handed == []


def test_a_failing_hand_off_still_answers_success(plain_push, monkeypatch, caplog):
    def explode(_self, _events):
        raise RuntimeError("ledger down")

    monkeypatch.setattr(ConsentEvents, "apply", explode)
    query = signed_query(plain_push.settings.wechat_push_token)
    assert plain_push(json.dumps(POPUP), query).text == "success"
    assert any("failed" in r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)
    # The nonce was released, so WeChat's retry of the same request is handled.
    assert plain_push(json.dumps(POPUP), query).text == "success"


def test_the_real_hand_off_logs_each_event_without_the_full_openid(push, caplog):
    caplog.set_level(logging.INFO, logger="backend.services.consent_events")
    query, body = sealed(push.settings, json.dumps(POPUP))
    assert push(body, query).text == "success"
    lines = [r.getMessage() for r in caplog.records if r.name.endswith("consent_events")]
    assert len(lines) == 1 and "popup" in lines[0] and "T1" in lines[0]
    assert "oUser0000000000000000000001" not in lines[0] and "oUser0" in lines[0]
