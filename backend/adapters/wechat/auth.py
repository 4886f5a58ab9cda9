"""code2Session: trade a wx.login code for the user's openid with one plain GET."""

from __future__ import annotations

import logging
from typing import Any, NamedTuple

import requests

from backend.adapters.wechat import redact
from backend.adapters.wechat.errors import error_for, json_object, unreachable

log = logging.getLogger(__name__)

# (connect, read) seconds: login is interactive, so fail fast rather than hang the user.
LOGIN_TIMEOUT = (3.05, 5.0)


class CodeSession(NamedTuple):
    """What code2Session returns; session_key must never leave the server."""

    openid: str
    session_key: str
    unionid: str | None = None

    def __repr__(self) -> str:
        # Keep the key out of tracebacks, debuggers and accidental log lines.
        return f"CodeSession(openid={self.openid!r}, session_key='***', unionid={self.unionid!r})"


class WeChatAuth:
    """Calls /sns/jscode2session directly: wechatpy's version fetches an access token first."""

    def __init__(
        self,
        api_base_url: str,
        appid: str,
        secret: str,
        timeout: tuple[float, float] = LOGIN_TIMEOUT,
        http: requests.Session | None = None,
    ) -> None:
        self._url = api_base_url.rstrip("/") + "/sns/jscode2session"
        self._appid = appid
        self._secret = secret
        self._timeout = timeout
        self._http = http or requests.Session()
        redact.install()

    def code_to_session(self, code: str) -> CodeSession:
        """Exchange `code`; raise InvalidCodeError, RateLimitedError, UserBlockedError, ...

        https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html
        """
        params = {
            "appid": self._appid,
            "secret": self._secret,
            "js_code": code,
            "grant_type": "authorization_code",
        }
        try:
            response = self._http.get(self._url, params=params, timeout=self._timeout)
        except requests.RequestException as error:
            # `from None`: requests' message quotes the URL, secret and code included.
            raise unreachable(f"code2Session failed: {type(error).__name__}") from None
        payload = json_object(response, "code2Session")
        _raise_for_errcode(payload)
        openid, session_key = payload.get("openid"), payload.get("session_key")
        if not isinstance(openid, str) or not openid or not isinstance(session_key, str):
            raise unreachable("code2Session answered without openid or session_key")
        unionid = payload.get("unionid")
        return CodeSession(openid, session_key, unionid if isinstance(unionid, str) else None)


def _raise_for_errcode(payload: dict[str, Any]) -> None:
    # A successful answer may leave errcode out entirely (docs/wechat.md §1): that means 0.
    raw = payload.get("errcode") or 0
    try:
        errcode = int(raw)
    except (TypeError, ValueError):
        raise unreachable(f"code2Session answered a strange errcode {raw!r}") from None
    if errcode != 0:
        errmsg = str(payload.get("errmsg", ""))
        log.info("code2Session refused the code: errcode %s (%s)", errcode, errmsg)
        raise error_for(errcode, errmsg)
