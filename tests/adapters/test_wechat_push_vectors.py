"""The push code against material we did not write: wechatpy's crypto vectors and WeChat's
published (and captured) subscribe-event pushes. Provenance: tests/fixtures/wechat/push/README.md.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import xmltodict

from backend.adapters.wechat.push import (
    PushSignatureError,
    open_message,
    parse_events,
    sign,
)

PUSH = Path(__file__).resolve().parent.parent / "fixtures" / "wechat" / "push"
VECTORS = json.loads((PUSH / "wechatpy_crypto_vectors.json").read_text("utf-8"))
TOKEN, AES_KEY, RECEIVER = VECTORS["token"], VECTORS["encoding_aes_key"], VECTORS["receive_id"]


def _query(vector: dict, msg_signature: str) -> dict[str, str]:
    # The URL `signature` is not part of the WeCom vectors; WeChat adds it to every push.
    timestamp, nonce = vector["timestamp"], vector["nonce"]
    return {"signature": sign(TOKEN, timestamp, nonce), "timestamp": timestamp, "nonce": nonce,
            "encrypt_type": "aes", "msg_signature": msg_signature}  # fmt: skip


def test_wechatpys_sealed_envelope_opens_to_its_plaintext():
    vector = VECTORS["decrypt"]
    query = _query(vector, vector["msg_signature"])
    plaintext = open_message(vector["envelope_xml"].encode(), query, TOKEN, AES_KEY, RECEIVER)
    fields = xmltodict.parse(plaintext)["xml"]
    for name, value in vector["plaintext_fields"].items():
        assert fields[name] == value


def test_wechatpys_encrypt_vector_opens_to_exactly_the_reply_it_sealed():
    vector = VECTORS["encrypt"]
    sealed = xmltodict.parse(vector["sealed_xml"])["xml"]
    envelope = f"<xml><Encrypt><![CDATA[{sealed['Encrypt']}]]></Encrypt></xml>"
    query = _query(vector, sealed["MsgSignature"])
    assert (sealed["TimeStamp"], sealed["Nonce"]) == (vector["timestamp"], vector["nonce"])
    assert (
        sign(TOKEN, vector["timestamp"], vector["nonce"], sealed["Encrypt"])
        == sealed["MsgSignature"]
    )
    assert (
        open_message(envelope.encode(), query, TOKEN, AES_KEY, RECEIVER) == vector["plaintext_xml"]
    )


def test_a_vector_with_one_nonce_digit_changed_is_refused():
    vector = VECTORS["decrypt"]
    query = {**_query(vector, vector["msg_signature"]), "nonce": "461056295"}
    query["signature"] = sign(TOKEN, query["timestamp"], query["nonce"])
    with pytest.raises(PushSignatureError):
        open_message(vector["envelope_xml"].encode(), query, TOKEN, AES_KEY, RECEIVER)


def _events(name: str):
    return parse_events((PUSH / name).read_text("utf-8"))


def test_wechats_xml_popup_example_gives_two_answers():
    events = _events("official_popup_event_two_items.xml")
    assert [(e.kind, e.template_id, e.status, e.popup_scene) for e in events] == [
        ("popup", "VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc", "accept", "2"),
        ("popup", "9nLIlbOQZC5Y89AZteFEux3WCXRRRG5Wfzkpssu4bLI", "reject", "2"),
    ]
    assert {(e.openid, e.create_time) for e in events} == {
        ("otFpruAK8D-E6EfStSYonYSBZ8_4", 1610969440)
    }


def test_wechats_change_example_with_the_popup_wrapper_is_still_a_rejection():
    [event] = _events("official_change_event_popup_wrapper.xml")
    assert (event.kind, event.template_id, event.status) == (
        "change", "VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc", "reject",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("official_popup_event_json_list_array.json",
         ("popup", "o7esq5OI1Uej6Xixw1lA2H7XDVbc", "hD-ixGOhYmUfjOnI8MCzQMPshzGVeux_2vzyvQu7O68", "accept", 1620973045)),
        ("official_change_event_json_list_object.json",
         ("change", "o7esq5OI1Uej6Xixw1lA2H7XDVbc", "BEwX0BOT3MqK3Uc5oTU3CGBqzjpndk2jzUf7VfExd8", "reject", 1610968440)),
        ("captured_popup_event_json_int_createtime.json",
         ("popup", "o8dH44seYM3qeBzHlrmwI0sAtSfI", "BDcgTGpwt7fcRVFhGh-NvjcASaWWmkwzN3y_6mXzJR4", "accept", 1688953684)),
    ],
)  # fmt: skip
def test_json_pushes_in_each_published_shape(name, expected):
    [event] = _events(name)
    assert (
        event.kind,
        event.openid,
        event.template_id,
        event.status,
        event.create_time,
    ) == expected
