"""Sends subscribe_msg_popup_event to the app's /wechat/push, signed (and encrypted) like WeChat."""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
import time
from typing import Any

import requests

from backend.sandbox.wechat.crypto import encrypt, signature
from backend.settings import Settings

log = logging.getLogger(__name__)

PUSH_TIMEOUT = (2.0, 5.0)  # WeChat itself waits five seconds for "success"


def popup_event(appid: str, openid: str, template_ids: list[str], action: str) -> dict[str, Any]:
    """The JSON-mode event: List is an object for one template, an array for several."""
    items = [
        {"TemplateId": tid, "SubscribeStatusString": action, "PopupScene": "0"}
        for tid in template_ids
    ]
    return {
        "ToUserName": "gh_" + hashlib.sha256(appid.encode()).hexdigest()[:12],
        "FromUserName": openid,
        "CreateTime": int(time.time()),
        "MsgType": "event",
        "Event": "subscribe_msg_popup_event",
        "List": items[0] if len(items) == 1 else items,
    }


def signed_request(event: dict[str, Any], config: Settings) -> tuple[dict[str, str], str]:
    """(query, body) as WeChat would send them: security mode when an AES key is set."""
    timestamp, nonce = str(int(time.time())), str(secrets.randbelow(10**10))
    token = config.wechat_push_token
    query = {
        "signature": signature(token, timestamp, nonce),
        "timestamp": timestamp,
        "nonce": nonce,
        "openid": event["FromUserName"],
    }
    plaintext = json.dumps(event, ensure_ascii=False)
    if not config.wechat_push_aes_key:
        return query, plaintext
    sealed = encrypt(plaintext, config.wechat_push_aes_key, config.wechat_appid)
    query.update(encrypt_type="aes", msg_signature=signature(token, timestamp, nonce, sealed))
    return query, json.dumps({"ToUserName": event["ToUserName"], "Encrypt": sealed})


def push_event(app_base_url: str, event: dict[str, Any], config: Settings) -> bool:
    """POST the event to `app_base_url`/wechat/push; True when the app answered success."""
    query, body = signed_request(event, config)
    url = app_base_url.rstrip("/") + "/wechat/push"
    try:
        response = requests.post(
            url,
            params=query,
            data=body.encode("utf-8"),
            headers={"Content-Type": "application/json"},
            timeout=PUSH_TIMEOUT,
        )
    except requests.RequestException as error:
        log.warning("sandbox push to %s failed: %s", url, type(error).__name__)
        return False
    return response.status_code == 200 and response.text == "success"
