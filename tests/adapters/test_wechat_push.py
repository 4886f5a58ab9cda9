"""Message-push verification, decryption and subscribe-event parsing (pure, no HTTP)."""

from __future__ import annotations

import json

import pytest

from backend.adapters.wechat.push import (
    PushFormatError,
    PushSignatureError,
    SubscribeEvent,
    check_signature,
    open_message,
    parse_events,
    seal,
    sign,
    verify_url,
)

TOKEN = "pushtoken"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
APPID = "wxsandbox0000001"
POPUP_JSON = {
    "ToUserName": "gh_123456789abc",
    "FromUserName": "oUser0000000000000000000001",
    "CreateTime": 1620963428,
    "MsgType": "event",
    "Event": "subscribe_msg_popup_event",
    "List": {"PopupScene": "0", "SubscribeStatusString": "accept", "TemplateId": "T1"},
}
SENT_XML = """<xml><ToUserName><![CDATA[gh_123456789abc]]></ToUserName>
<FromUserName><![CDATA[oUser0000000000000000000001]]></FromUserName>
<CreateTime>1620963428</CreateTime><MsgType><![CDATA[event]]></MsgType>
<Event><![CDATA[subscribe_msg_sent_event]]></Event>
<SubscribeMsgSentEvent>
<List><TemplateId><![CDATA[T1]]></TemplateId><MsgID>1700827132819554304</MsgID>
<ErrorCode>0</ErrorCode><ErrorStatus><![CDATA[success]]></ErrorStatus></List>
<List><TemplateId><![CDATA[T2]]></TemplateId><MsgID>1700827132819554305</MsgID>
<ErrorCode>10005</ErrorCode><ErrorStatus><![CDATA[fail]]></ErrorStatus></List>
</SubscribeMsgSentEvent></xml>"""


def _query(**extra: str) -> dict[str, str]:
    return {"signature": sign(TOKEN, "1714036504", "42"), "timestamp": "1714036504",
            "nonce": "42", **extra}  # fmt: skip


def test_the_official_url_verification_example_passes():
    signature = "f464b24fc39322e44b38aa78f5edd27bd1441696"
    assert check_signature("AAAAA", signature, "1714036504", "1514711492")
    assert verify_url("AAAAA", signature, "1714036504", "1514711492", "echo-me") == "echo-me"


@pytest.mark.parametrize("signature", ["", "f464b24fc39322e44b38aa78f5edd27bd1441697", "签名"])
def test_a_wrong_signature_is_refused(signature):
    with pytest.raises(PushSignatureError):
        verify_url("AAAAA", signature, "1714036504", "1514711492", "echo-me")


def test_a_plaintext_json_popup_event_with_one_item_is_parsed():
    text = open_message(json.dumps(POPUP_JSON).encode(), _query(), TOKEN, "", APPID)
    assert parse_events(text) == [
        SubscribeEvent("popup", "oUser0000000000000000000001", "T1", "accept", None, None,
                       1620963428, "0"),
    ]  # fmt: skip


def test_a_json_list_given_as_an_array_gives_one_event_per_item():
    items = [
        {"TemplateId": "T1", "SubscribeStatusString": "reject"},
        {"TemplateId": "T2", "SubscribeStatusString": "reject"},
    ]
    change = {**POPUP_JSON, "Event": "subscribe_msg_change_event", "List": items}
    events = parse_events(json.dumps(change))
    assert [(e.kind, e.template_id, e.status) for e in events] == [
        ("change", "T1", "reject"),
        ("change", "T2", "reject"),
    ]


def test_an_xml_sent_event_with_two_items_is_parsed_with_numbers_converted():
    first, second = parse_events(SENT_XML)
    assert (first.kind, first.msg_id, first.error_code) == ("sent", "1700827132819554304", 0)
    assert (second.template_id, second.error_code, second.status) == ("T2", 10005, None)
    assert first.create_time == 1620963428


def test_an_xml_popup_event_with_one_item_is_parsed():
    xml = (
        "<xml><FromUserName>oX</FromUserName><CreateTime>7</CreateTime>"
        "<MsgType>event</MsgType><Event>subscribe_msg_popup_event</Event>"
        "<SubscribeMsgPopupEvent><List><TemplateId>T9</TemplateId>"
        "<SubscribeStatusString>accept</SubscribeStatusString><PopupScene>2</PopupScene>"
        "</List></SubscribeMsgPopupEvent></xml>"
    )
    assert parse_events(xml) == [SubscribeEvent("popup", "oX", "T9", "accept", None, None, 7, "2")]


def test_security_mode_json_and_xml_envelopes_decrypt_to_the_event():
    encrypt, msg_signature = seal(json.dumps(POPUP_JSON), TOKEN, AES_KEY, APPID, "1714036504", "42")
    query = _query(encrypt_type="aes", msg_signature=msg_signature)
    as_json = json.dumps({"ToUserName": "gh_1", "Encrypt": encrypt}).encode()
    as_xml = f"<xml><ToUserName>gh_1</ToUserName><Encrypt>{encrypt}</Encrypt></xml>".encode()
    for body in (as_json, as_xml):
        events = parse_events(open_message(body, query, TOKEN, AES_KEY, APPID))
        assert [(e.kind, e.template_id) for e in events] == [("popup", "T1")]


def test_a_wrong_msg_signature_is_refused_even_with_a_good_signature():
    encrypt, _ = seal(json.dumps(POPUP_JSON), TOKEN, AES_KEY, APPID, "1714036504", "42")
    query = _query(encrypt_type="aes", msg_signature="0" * 40)
    body = json.dumps({"ToUserName": "gh_1", "Encrypt": encrypt}).encode()
    with pytest.raises(PushSignatureError):
        open_message(body, query, TOKEN, AES_KEY, APPID)


def test_a_plaintext_push_with_a_forged_signature_is_refused():
    query = {**_query(), "signature": sign("not-our-token", "1714036504", "42")}
    with pytest.raises(PushSignatureError):
        open_message(json.dumps(POPUP_JSON).encode(), query, TOKEN, AES_KEY, APPID)


@pytest.mark.parametrize(
    "body", [b"{not json", b"\xff\xfe", b"[1, 2]", b"<xml><unclosed></xml>", b"<xml/>"]
)
def test_unreadable_bodies_are_format_errors(body):
    with pytest.raises(PushFormatError):
        parse_events(open_message(body, _query(), TOKEN, "", APPID))


def test_a_subscribe_event_without_items_is_a_format_error():
    with pytest.raises(PushFormatError):
        parse_events(json.dumps({**POPUP_JSON, "List": None}))


def test_other_pushes_are_not_subscribe_events():
    text = {"MsgType": "text", "Content": "hi", "FromUserName": "oX", "CreateTime": 1}
    assert parse_events(json.dumps(text)) == []
    assert parse_events(json.dumps({**POPUP_JSON, "Event": "user_enter_tempsession"})) == []


def test_garbage_ciphertext_with_a_valid_msg_signature_is_a_format_error():
    encrypt = "bm90IGEgcmVhbCBjaXBoZXJ0ZXh0"
    query = _query(encrypt_type="aes", msg_signature=sign(TOKEN, "1714036504", "42", encrypt))
    body = json.dumps({"Encrypt": encrypt}).encode()
    with pytest.raises(PushFormatError):
        open_message(body, query, TOKEN, AES_KEY, APPID)


def test_a_message_sealed_for_another_app_is_a_format_error():
    encrypt, msg_signature = seal("{}", TOKEN, AES_KEY, "wxother", "1714036504", "42")
    query = _query(encrypt_type="aes", msg_signature=msg_signature)
    with pytest.raises(PushFormatError):
        open_message(json.dumps({"Encrypt": encrypt}).encode(), query, TOKEN, AES_KEY, APPID)


def test_with_an_aes_key_only_security_mode_is_accepted():
    body = json.dumps(POPUP_JSON).encode()
    with pytest.raises(PushSignatureError, match="plaintext"):
        open_message(body, _query(), TOKEN, AES_KEY, APPID)
    with pytest.raises(PushSignatureError, match="plaintext"):
        open_message(body, _query(encrypt_type="raw"), TOKEN, AES_KEY, APPID)


def test_a_security_mode_body_without_encrypt_is_refused_not_acknowledged():
    query = _query(encrypt_type="aes", msg_signature=sign(TOKEN, "1714036504", "42", ""))
    for body in (json.dumps(POPUP_JSON), json.dumps({"Encrypt": ""}), "<xml><A>1</A></xml>"):
        with pytest.raises(PushSignatureError):
            open_message(body.encode(), query, TOKEN, AES_KEY, APPID)
