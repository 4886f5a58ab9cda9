"""Sandbox POST /cgi-bin/message/subscribe/send: WeChat's checks, quota and an inbox.

Checks, in order: token (40001/42001), JSON body (47001), openid has logged in (40003), template id known
(40037), page is a page of miniprogram/app.json (41030), miniprogram_state and lang, every data
keyword against its type's limits (47003 naming it; stricter than WeChat: keywords the
template lacks, or that are missing, are refused too), then one quota (43101 when none).
Stats count every outcome: send_calls, send_ok and send_<errcode>.
"""

from __future__ import annotations

import json
import time
from typing import Any

from flask import jsonify, request

from backend.adapters.wechat.template_values import value_ok
from backend.adapters.wechat.templates import Template, keyword_type
from backend.domain.model import iso_utc
from backend.sandbox.wechat.blueprint import (
    bp,
    count,
    is_known_user,
    key,
    store,
    templates,
    wx_error,
)
from backend.sandbox.wechat.pages import is_page
from backend.sandbox.wechat.tokens import token_refusal

STATES = ("developer", "trial", "formal")
LANGS = ("zh_CN", "en_US", "zh_HK", "zh_TW")
MSGID_BASE = 3_400_000_000_000_000_000  # real msgids are large 64-bit numbers


def quota_key(openid: str) -> str:
    """Hash template id -> sends left for one user."""
    return key("quota", openid)


def take_quota(openid: str, template_id: str) -> bool:
    """Spend one send of (openid, template); False (and nothing spent) when none is left."""
    left = store().hincrby(quota_key(openid), template_id, -1)
    if left < 0:
        store().hincrby(quota_key(openid), template_id, 1)
        return False
    return True


def _data_refusal(template: Template, data: Any) -> tuple[int, str] | None:
    if not isinstance(data, dict):
        return 47001, "data format error"
    for keyword in [*data, *(k for k in template.fields if k not in data)]:
        entry = data.get(keyword)
        value = entry.get("value") if isinstance(entry, dict) else None
        if keyword not in template.fields or not value_ok(keyword_type(keyword), value):
            return 47003, f"argument invalid! data.{keyword}.value invalid"
    return None


def _refusal(body: Any) -> tuple[int, str] | None:
    if not isinstance(body, dict):
        return 47001, "data format error"
    template = templates().get(str(body.get("template_id") or ""))
    page = body.get("page")
    if not is_known_user(str(body.get("touser") or "")):
        return 40003, "invalid openid"
    if template is None:
        return 40037, "invalid template_id"
    if page not in (None, "") and not is_page(page, with_query=True):
        return 41030, "invalid page"
    if body.get("miniprogram_state", "formal") not in STATES:
        return 47003, "argument invalid! miniprogram_state invalid"
    if body.get("lang", "zh_CN") not in LANGS:
        return 47003, "argument invalid! lang invalid"
    return _data_refusal(template, body.get("data"))


def _record(body: dict[str, Any]) -> int:
    msgid = MSGID_BASE + int(store().incr(key("msgid")))
    record = {
        "touser": body["touser"],
        "template_id": body["template_id"],
        "page": body.get("page"),
        "data": body["data"],
        "miniprogram_state": body.get("miniprogram_state", "formal"),
        "lang": body.get("lang", "zh_CN"),
        "msgid": msgid,
        "sent_at": iso_utc(time.time()),
    }
    store().rpush(key("messages"), json.dumps(record, ensure_ascii=False))
    return msgid


@bp.post("/cgi-bin/message/subscribe/send")
def subscribe_send():
    """subscribeMessage.send: validate like WeChat, spend one quota, keep the message."""
    count("send_calls")
    body = request.get_json(force=True, silent=True)
    refusal = token_refusal() or _refusal(body)
    if refusal is None and not take_quota(body["touser"], body["template_id"]):
        refusal = 43101, "user refuse to accept the msg"
    if refusal is not None:
        count(f"send_{refusal[0]}")  # e.g. send_43101: how many sends each errcode refused
        return wx_error(*refusal)
    count("send_ok")
    return jsonify({"errcode": 0, "errmsg": "ok", "msgid": _record(body)})


def sent_messages() -> list[dict[str, Any]]:
    """Every accepted message, oldest first."""
    return [json.loads(item) for item in store().lrange(key("messages"), 0, -1)]
