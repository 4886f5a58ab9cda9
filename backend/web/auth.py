"""POST /api/v1/auth/login and /logout: wx.login code in, our own bearer token out."""

from __future__ import annotations

import logging

from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from backend.domain.errors import (
    AccountBlocked,
    LoginCodeInvalid,
    MessengerError,
    QuotaExhausted,
)
from backend.services.auth import SessionService
from backend.web.errors import ApiError
from backend.web.limits import admit_login
from backend.web.messages import register
from backend.web.registry import use
from backend.web.security import bearer_token, login_required

log = logging.getLogger(__name__)

bp = Blueprint("auth", __name__, url_prefix="/api/v1/auth", description="Login with wx.login")

register(
    "invalid_code",
    "登录凭证无效或已过期，请重新进入小程序再试。",
    "That login code is invalid, expired or already used; please log in again.",
)
register(
    "user_blocked",
    "微信暂时限制了该账号登录，请稍后再试或联系微信客服。",
    "WeChat is currently not letting this account log in.",
)


class LoginBodySchema(Schema):
    code = fields.String(
        required=True,
        # wx.login codes are short printable strings; control characters are refused.
        validate=[
            validate.Length(min=1, max=128),
            validate.Regexp(r"^[^\x00-\x1f\x7f-\x9f]+$", error="control characters"),
        ],
        metadata={"description": "res.code from wx.login (valid 5 minutes, usable once)"},
    )


class LoginResultSchema(Schema):
    token = fields.String(
        required=True, metadata={"description": "send as Authorization: Bearer <token>"}
    )
    expires_in = fields.Integer(required=True, metadata={"description": "seconds"})


def _api_error(error: MessengerError) -> ApiError:
    """The HTTP answer for a failed code2Session."""
    if isinstance(error, LoginCodeInvalid):
        return ApiError(401, "invalid_code")
    if isinstance(error, QuotaExhausted):
        return ApiError(429, "rate_limited", headers={"Retry-After": "60"})
    if isinstance(error, AccountBlocked):
        return ApiError(403, "user_blocked")
    # Busy, unreachable, or a misconfiguration on our side (bad appid or secret).
    log.warning("login failed upstream: errcode %s (%s)", error.detail, type(error).__name__)
    return ApiError(503, "wechat_unavailable", headers={"Retry-After": "5"})


@bp.post("/login")
@bp.arguments(LoginBodySchema)
@bp.response(200, LoginResultSchema)
@bp.alt_response(401, description="invalid_code: the code is invalid, expired or used")
@bp.alt_response(403, description="user_blocked: WeChat does not let this account log in")
@bp.alt_response(
    429,
    description="rate_limited: too many failed logins from this address, too many logins of "
    "this user, or WeChat's per-user login limit",
)
@bp.alt_response(503, description="wechat_unavailable: WeChat busy or unreachable")
def login(body: dict):
    """Exchange a wx.login code for a bearer token (session_key never leaves the server)."""
    try:
        # Failed logins are counted per IP (web/limits.py); a success, per user.
        token, expires_in = use(SessionService).login(body["code"], admit=admit_login)
    except MessengerError as error:
        raise _api_error(error) from None
    return {"token": token, "expires_in": expires_in}


@bp.post("/logout")
@login_required
@bp.response(204)
def logout():
    """End this token's session; the token stops working at once."""
    use(SessionService).logout(bearer_token() or "")
