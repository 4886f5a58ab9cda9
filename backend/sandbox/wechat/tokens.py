"""Sandbox access tokens: /cgi-bin/token, /cgi-bin/stable_token, and faults for tests.

POST /_sandbox/wechat/tokens/expire {"mode"} with mode
- "expire" (default): the current tokens expire now (42001); stable_token issues a new one;
- "revoke": the current tokens are refused (40001) but stable_token keeps handing the stable
  one out until force_refresh=true replaces it;
- "break": every token is refused (40001) until "heal".
"""

from __future__ import annotations

import secrets
import time

from flask import jsonify, request

from backend.adapters import redis_lock
from backend.sandbox.wechat.blueprint import bp, count, key, settings, store, wx_error
from backend.web.errors import ApiError

LIFETIME_SECONDS = 7200
RENEW_BEFORE_SECONDS = 300  # stable_token renews this early, so expires_in is always >= 300
GRACE_SECONDS = 300  # /cgi-bin/token: the previous token keeps working this long
_REFUSED = (40001, "invalid credential, access_token is invalid or not latest")
_MODES = ("expire", "revoke", "break", "heal")
# getStableAccessToken: "强制刷新模式每天限用 20 次且需间隔 30 秒" - a forced call within 30 s
# of the last refresh does not refresh ("否则不会刷新"); past 20 a day WeChat answers 45009.
FORCE_PER_DAY = 20
FORCE_SPACING_SECONDS = 30
_DAILY_QUOTA = (45009, "reach max api daily quota limit")


def _force_allowed() -> tuple[bool, tuple[int, str] | None]:
    """(refresh now?, refusal): counts today's forced calls and spaces refreshes 30 s apart."""
    day = time.strftime("%Y%m%d", time.gmtime(time.time() + 8 * 3600))  # WeChat's day: China
    used = store().incr(key("forced", day))
    store().expire(key("forced", day), 2 * 24 * 3600)
    if used > FORCE_PER_DAY:
        return False, _DAILY_QUOTA
    last = float(store().get(key("forced-last")) or 0)
    return time.time() - last >= FORCE_SPACING_SECONDS, None


def token_refusal() -> tuple[int, str] | None:
    """(errcode, errmsg) when the request's access_token is unusable, else None."""
    token = request.args.get("access_token", "")
    if not token:
        return 41001, "access_token missing"
    info = store().hgetall(key("token", token))
    if store().exists(key("broken")) or not info or info.get("state") == "revoked":
        return _REFUSED
    if float(info["expires_at"]) <= time.time():
        return 42001, "access_token expired"
    return None


def _issue() -> str:
    token = "SBX_" + secrets.token_urlsafe(96)
    name = key("token", token)
    store().hset(name, mapping={"expires_at": time.time() + LIFETIME_SECONDS, "state": "ok"})
    store().expire(name, LIFETIME_SECONDS + GRACE_SECONDS)
    return token


def _remaining(token: str | None) -> int:
    """Seconds the token has left (revoked ones included: that is the point of "revoke")."""
    expires_at = store().hget(key("token", token), "expires_at") if token else None
    return int(float(expires_at) - time.time()) if expires_at else 0


def _credentials_refusal(appid: object, secret: object, grant_type: object):
    config = settings()
    if grant_type != "client_credential":
        return wx_error(40002, "invalid grant_type")
    if appid != config.wechat_appid:
        return wx_error(40013, "invalid appid")
    if secret != config.wechat_secret:
        return wx_error(40001, "invalid credential, appsecret is wrong")
    return None


@bp.get("/cgi-bin/token")
def basic_token():
    """getAccessToken: always a new token; the previous one lives five more minutes."""
    count("token_calls")
    args = request.args
    refusal = _credentials_refusal(args.get("appid"), args.get("secret"), args.get("grant_type"))
    if refusal:
        return refusal
    previous = store().get(key("basic"))
    if previous and _remaining(previous) > GRACE_SECONDS:
        store().hset(key("token", previous), "expires_at", time.time() + GRACE_SECONDS)
    token = _issue()
    store().set(key("basic"), token)
    return jsonify({"access_token": token, "expires_in": LIFETIME_SECONDS})


@bp.post("/cgi-bin/stable_token")
def stable_token():
    """getStableAccessToken: the same token while valid; force_refresh replaces it."""
    count("stable_token_calls")
    body = request.get_json(force=True, silent=True)
    if not isinstance(body, dict):
        return wx_error(47001, "data format error")
    refusal = _credentials_refusal(body.get("appid"), body.get("secret"), body.get("grant_type"))
    if refusal:
        return refusal
    force = body.get("force_refresh") is True
    if force:
        count("forced_calls")
    with redis_lock.held(store(), key("stable-lock"), 5, 5) as acquired:
        if not acquired:
            return wx_error(-1, "system error")
        refresh, refusal = _force_allowed() if force else (False, None)
        if refusal:
            count("forced_refused")
            return wx_error(*refusal)
        current = store().get(key("stable"))
        remaining = _remaining(current)
        if refresh or remaining < RENEW_BEFORE_SECONDS:
            if current and refresh:
                store().hset(key("token", current), "state", "revoked")
            if refresh:
                count("forced_refreshes")
                store().set(key("forced-last"), time.time())
            current, remaining = _issue(), LIFETIME_SECONDS
            store().set(key("stable"), current)
    return jsonify({"access_token": current, "expires_in": remaining})


@bp.post("/tokens/expire")
def expire_tokens():
    """Test control: expire, revoke, break or heal the tokens (see the module docstring)."""
    body = request.get_json(silent=True) or {}
    mode = body.get("mode", "expire") if isinstance(body, dict) else "expire"
    if mode not in _MODES:
        raise ApiError(400, "invalid_request", f"mode must be one of {', '.join(_MODES)}")
    tokens = [t for t in (store().get(key("stable")), store().get(key("basic"))) if t]
    for token in tokens:
        if mode == "expire":
            store().hset(key("token", token), "expires_at", time.time() - 1)
        elif mode == "revoke":
            store().hset(key("token", token), "state", "revoked")
    if mode == "break":
        store().set(key("broken"), 1)
    elif mode == "heal":
        store().delete(key("broken"))
    return jsonify({"mode": mode, "tokens": len(tokens)})
