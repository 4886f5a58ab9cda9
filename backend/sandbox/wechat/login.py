"""Sandbox GET /sns/jscode2session: `sandbox:<name>` codes log in a stable user per name.

A code works once (then 40163) for five minutes, like a real wx.login code; to log the same
user in again use `sandbox:<name>#<anything>`. Test codes: `sandbox:!busy` (-1),
`sandbox:!ratelimit` (45011), `sandbox:!blocked` (40226). Anything else: 40029.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re

from flask import jsonify, request

from backend.sandbox.wechat.blueprint import (
    bp,
    count,
    key,
    remember_user,
    sandbox_openid,
    settings,
    store,
    wx_error,
)

CODE_LIFETIME_SECONDS = 300
_CODE = re.compile(r"^sandbox:([^#\s]{1,64})(?:#\S{0,64})?$")
_SPECIAL = {
    "!busy": (-1, "system error"),
    "!ratelimit": (45011, "api minute-quota reach limit mustslower retry next minute"),
    "!blocked": (40226, "code blocked"),
}


@bp.get("/sns/jscode2session")
def jscode2session():
    """code2Session: check the app's credentials, then the code."""
    count("jscode2session_calls")
    args, config = request.args, settings()
    if args.get("grant_type") != "authorization_code":
        return wx_error(40002, "invalid grant_type")
    if args.get("appid") != config.wechat_appid:
        return wx_error(40013, "invalid appid")
    if args.get("secret") != config.wechat_secret:
        return wx_error(40125, "invalid appsecret")
    code = args.get("js_code", "")
    match = _CODE.match(code)
    if not match:
        return wx_error(40029, "invalid code")
    name = match.group(1)
    if name in _SPECIAL:
        return wx_error(*_SPECIAL[name])
    used = key("code", hashlib.sha256(code.encode("utf-8")).hexdigest())
    if not store().set(used, 1, nx=True, ex=CODE_LIFETIME_SECONDS):
        return wx_error(40163, "code been used")
    openid = sandbox_openid(config.wechat_appid, name)
    remember_user(openid, name)
    # Like WeChat, a success carries no errcode; session_key changes on every login.
    session_key = base64.b64encode(os.urandom(16)).decode("ascii")
    return jsonify({"session_key": session_key, "openid": openid})
