"""The WeChat sandbox blueprint and the helpers its endpoints share (Redis state, errors)."""

from __future__ import annotations

import base64
import functools
import hashlib
import secrets

from flask import Blueprint, Response, jsonify

from backend.adapters import redis_keys
from backend.adapters.wechat.templates import Template, configured_templates
from backend.sandbox.state import settings, store

__all__ = ["bp", "key", "settings", "store", "wx_error"]

bp = Blueprint("wechat_sandbox", __name__, url_prefix="/_sandbox/wechat")


def key(*parts: str) -> str:
    """A Redis key of the WeChat sandbox."""
    return redis_keys.sandbox("wechat", *parts)


def count(stat: str) -> None:
    """Bump a counter shown by GET /_sandbox/wechat/stats."""
    store().hincrby(key("stats"), stat, 1)


def wx_error(errcode: int, errmsg: str) -> Response:
    """WeChat's error shape: HTTP 200, errcode and an errmsg ending in a request id."""
    rid = f"{secrets.token_hex(4)}-{secrets.token_hex(4)}-{secrets.token_hex(4)}"
    return jsonify({"errcode": errcode, "errmsg": f"{errmsg} rid: {rid}"})


def sandbox_openid(appid: str, name: str) -> str:
    """The stable openid of sandbox user `name`: 28 characters starting with o, like WeChat's."""
    digest = hashlib.sha256((appid + name).encode("utf-8")).digest()
    return "o" + base64.urlsafe_b64encode(digest).decode("ascii")[:27]


def remember_user(openid: str, name: str) -> None:
    """Record that `openid` has used the mini-program, so messages to it are accepted."""
    store().hset(key("users"), openid, name)


def is_known_user(openid: str) -> bool:
    """True once the openid has logged in (or subscribed by name)."""
    return bool(openid) and bool(store().hexists(key("users"), openid))


def templates() -> dict[str, Template]:
    """The templates this sandbox's mini-program owns, by id."""
    return _templates(settings().wechat_templates)


@functools.lru_cache(maxsize=4)
def _templates(raw: str) -> dict[str, Template]:
    return {template.id: template for template in configured_templates(raw, sandbox=True)}
