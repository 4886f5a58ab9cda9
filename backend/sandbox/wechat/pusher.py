"""Pushes subscribe events (popup, change, sent) to the app's /wechat/push, signed (and
encrypted) like WeChat; sent events go out in the background, as WeChat's arrive apart from the send's reply."""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import requests

from backend.sandbox.wechat.crypto import encrypt, signature
from backend.settings import Settings

log = logging.getLogger(__name__)

PUSH_TIMEOUT = (2.0, 5.0)  # WeChat itself waits five seconds for "success"
RETRY_SECONDS = (1.0, 2.0, 4.0)  # WeChat's spacing is not documented; retries come within seconds
# Sent events are pushed from a few background threads, so a send's reply never waits.
_LATER = ThreadPoolExecutor(max_workers=4, thread_name_prefix="sandbox-push")


def popup_event(appid: str, openid: str, template_ids: list[str], action: str) -> dict[str, Any]:
    """The JSON-mode event: List is an object for one template, an array for several."""
    items = [
        {"TemplateId": tid, "SubscribeStatusString": action, "PopupScene": "0"}
        for tid in template_ids
    ]
    return _event(appid, openid, "subscribe_msg_popup_event", items)


def change_event(appid: str, openid: str, template_ids: list[str]) -> dict[str, Any]:
    """The user switched templates off in the message settings (only rejects are pushed)."""
    items = [{"TemplateId": tid, "SubscribeStatusString": "reject"} for tid in template_ids]
    return _event(appid, openid, "subscribe_msg_change_event", items)


def sent_event(appid: str, openid: str, template_id: str, msgid: int) -> dict[str, Any]:
    """The final result of one send; numbers are strings in JSON mode, as WeChat sends them."""
    item = {"TemplateId": template_id, "MsgID": str(msgid), "ErrorCode": "0",
            "ErrorStatus": "success"}  # fmt: skip
    return _event(appid, openid, "subscribe_msg_sent_event", [item])


def _event(appid: str, openid: str, name: str, items: list[dict[str, str]]) -> dict[str, Any]:
    return {
        "ToUserName": "gh_" + hashlib.sha256(appid.encode()).hexdigest()[:12],
        "FromUserName": openid,
        "CreateTime": int(time.time()),
        "MsgType": "event",
        "Event": name,
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
    url = (config.sandbox_push_url or app_base_url).rstrip("/") + "/wechat/push"
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


def push_later(app_base_url: str, event: dict[str, Any], config: Settings) -> None:
    """Push `event` from a background thread, never delaying the caller's own reply; like
    WeChat ("总共重试三次"), a push the app did not answer with success is tried three more
    times, RETRY_SECONDS apart."""
    _LATER.submit(_push_with_retries, app_base_url, event, config)


def _push_with_retries(app_base_url: str, event: dict[str, Any], config: Settings) -> bool:
    for pause in (*RETRY_SECONDS, None):
        if push_event(app_base_url, event, config):
            return True
        if pause is not None:
            time.sleep(pause)
    return False
