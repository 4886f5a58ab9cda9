"""GET and POST /wechat/push over real HTTP: URL check, plaintext and security-mode events."""

from __future__ import annotations

import json
import logging

import pytest
import requests

from backend.adapters.wechat.push import seal, sign
from backend.domain.subscriptions import SubscribeEvent
from backend.services.subscribe_events import SubscribeEvents
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
    monkeypatch.setattr(SubscribeEvents, "apply", lambda _self, events: seen.extend(events))
    return seen


@pytest.fixture
def push(live):
    server, app = live
    settings = app.extensions["services"].settings
    url = f"{server.url}/wechat/push"

    def send(body: str | bytes, query: dict[str, str] | None = None) -> requests.Response:
        data = body.encode() if isinstance(body, str) else body
        if query is None:
            query = signed_query(settings.wechat_push_token)
        return requests.post(url, params=query, data=data, timeout=10)

    send.settings = settings
    return send


def _sealed_query(settings, plaintext: str) -> tuple[dict[str, str], str]:
    encrypt, msg_signature = seal(
        plaintext, settings.wechat_push_token, settings.wechat_push_aes_key,
        settings.wechat_appid, "1714036504", "77",
    )  # fmt: skip
    query = signed_query(settings.wechat_push_token)
    query.update(encrypt_type="aes", msg_signature=msg_signature, openid="oUser1")
    return query, encrypt


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


def test_a_signed_plaintext_json_event_is_handed_over(push, handed):
    response = push(json.dumps(POPUP))
    assert response.status_code == 200 and response.text == "success"
    assert response.headers["Content-Type"].startswith("text/plain")
    assert handed == [
        SubscribeEvent("popup", "oUser0000000000000000000001", "T1", "accept", None, None,
                       1620963428, "0"),
    ]  # fmt: skip


def test_a_json_list_array_gives_one_event_per_template(push, handed):
    items = [{"TemplateId": t, "SubscribeStatusString": "accept"} for t in ("T1", "T2", "T3")]
    assert push(json.dumps({**POPUP, "List": items})).text == "success"
    assert [e.template_id for e in handed] == ["T1", "T2", "T3"]


def test_a_signed_plaintext_xml_event_is_handed_over(push, handed):
    assert push(CHANGE_XML).text == "success"
    assert [(e.kind, e.openid, e.template_id, e.status) for e in handed] == [
        ("change", "oUser2", "T1", "reject"),
        ("change", "oUser2", "T2", "reject"),
    ]


@pytest.mark.parametrize("envelope", ["json", "xml"])
def test_security_mode_events_are_decrypted(push, handed, envelope):
    query, encrypt = _sealed_query(push.settings, json.dumps(POPUP))
    body = (
        json.dumps({"ToUserName": "gh_1", "Encrypt": encrypt})
        if envelope == "json"
        else f"<xml><ToUserName>gh_1</ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"
    )
    assert push(body, query).text == "success"
    assert [(e.kind, e.template_id) for e in handed] == [("popup", "T1")]


def test_an_encrypted_xml_event_is_decrypted_and_parsed(push, handed):
    query, encrypt = _sealed_query(push.settings, CHANGE_XML)
    assert push(json.dumps({"Encrypt": encrypt}), query).text == "success"
    assert [e.template_id for e in handed] == ["T1", "T2"]


def test_a_forged_signature_is_403_and_nothing_is_processed(push, handed):
    response = push(json.dumps(POPUP), signed_query("guessed-token"))
    assert response.status_code == 403 and response.json()["error"]["code"] == "invalid_signature"
    assert push(json.dumps(POPUP), {}).status_code == 403
    assert handed == []


def test_a_forged_msg_signature_is_403_and_nothing_is_processed(push, handed):
    query, encrypt = _sealed_query(push.settings, json.dumps(POPUP))
    query["msg_signature"] = sign("guessed-token", query["timestamp"], query["nonce"], encrypt)
    assert push(json.dumps({"Encrypt": encrypt}), query).status_code == 403
    assert handed == []


@pytest.mark.parametrize("body", ["{not json", "<xml><oops></xml>", "[]", b"\xff\x00"])
def test_a_malformed_body_with_a_good_signature_is_acknowledged_and_logged(
    push, handed, caplog, body
):
    caplog.set_level(logging.WARNING, logger="backend.web.push")
    response = push(body)
    assert response.status_code == 200 and response.text == "success"
    assert handed == []
    assert any("not understood" in r.getMessage() for r in caplog.records)


def test_other_events_are_acknowledged_and_ignored(push, handed):
    text = {"ToUserName": "gh_1", "FromUserName": "o1", "MsgType": "text", "Content": "你好"}
    assert push(json.dumps(text)).text == "success"
    assert push(json.dumps({**POPUP, "Event": "user_enter_tempsession"})).text == "success"
    assert handed == []


def test_a_failing_hand_off_still_answers_success(push, monkeypatch, caplog):
    def explode(_self, _events):
        raise RuntimeError("ledger down")

    monkeypatch.setattr(SubscribeEvents, "apply", explode)
    assert push(json.dumps(POPUP)).text == "success"
    assert any("failed" in r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)


def test_the_real_hand_off_logs_each_event_without_the_full_openid(push, caplog):
    caplog.set_level(logging.INFO, logger="backend.services.subscribe_events")
    assert push(json.dumps(POPUP)).text == "success"
    lines = [r.getMessage() for r in caplog.records if r.name.endswith("subscribe_events")]
    assert len(lines) == 1 and "popup" in lines[0] and "T1" in lines[0]
    assert "oUser0000000000000000000001" not in lines[0] and "oUser0" in lines[0]
