"""The WeChat sandbox signs and encrypts pushes with its own code: it must agree with
WeChat's published example and be readable by the app's adapter (two implementations)."""

from __future__ import annotations

import json

from backend.adapters.wechat.push import open_message
from backend.sandbox.wechat.crypto import encrypt, signature
from backend.settings import SANDBOX_PUSH_AES_KEY


def test_the_signature_matches_wechats_published_url_check_example():
    # The message-push guide's example: token AAAAA and its signature.
    assert signature("AAAAA", "1714036504", "1514711492") == (
        "f464b24fc39322e44b38aa78f5edd27bd1441696"
    )


def test_an_encrypted_push_opens_with_the_apps_adapter():
    token, appid, timestamp, nonce = "tok", "wx1234567890abcdef", "1714036504", "77"
    plaintext = json.dumps({"Event": "subscribe_msg_popup_event", "FromUserName": "o1"})
    sealed = encrypt(plaintext, SANDBOX_PUSH_AES_KEY, appid)
    query = {
        "signature": signature(token, timestamp, nonce),
        "timestamp": timestamp,
        "nonce": nonce,
        "encrypt_type": "aes",
        "msg_signature": signature(token, timestamp, nonce, sealed),
    }
    body = json.dumps({"ToUserName": "gh_1", "Encrypt": sealed}).encode()
    assert open_message(body, query, token, SANDBOX_PUSH_AES_KEY, appid) == plaintext
