"""Typed WeChat errors chosen by errcode, so callers never compare magic numbers.

Each is also the vendor-neutral domain error it means (transient or not), so services
decide on `error.transient` and domain classes, never on errcodes.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

import requests

from backend.domain.errors import (
    AccountBlocked,
    DeliveryUnknown,
    LoginCodeInvalid,
    MessengerError,
    MessengerUnavailable,
    QuotaExhausted,
    RecipientWithoutCredit,
    SendRejected,
    TemplateInvalid,
)

# errmsg of 47003 names the offending keyword: "argument invalid! data.phrase2.value invalid".
_DATA_FIELD = re.compile(r"data\.([A-Za-z_]+\d*)\.value")


class WeChatError(MessengerError):
    """WeChat answered with a non-zero errcode (or could not be asked at all)."""

    codes: ClassVar[frozenset[int]] = frozenset()

    def __init__(self, errcode: int, errmsg: str = "") -> None:
        super().__init__(f"{errcode}: {errmsg}")
        self.errcode = errcode
        self.errmsg = errmsg

    @property
    def detail(self) -> str:
        return str(self.errcode)


class InvalidCodeError(WeChatError, LoginCodeInvalid):
    """The wx.login code is invalid, expired or already used."""

    codes = frozenset({40029, 40163})


class RateLimitedError(WeChatError, QuotaExhausted):
    """A per-minute (45011) or daily (45009) quota is exhausted; back off."""

    codes = frozenset({45011, 45009})


class UserBlockedError(WeChatError, AccountBlocked):
    """WeChat blocks this user from logging in (high-risk account)."""

    codes = frozenset({40226})


class WeChatBusyError(WeChatError, MessengerUnavailable):
    """System busy (-1), unreachable, timed out, or an answer that is not JSON; retry later."""

    codes = frozenset({-1})


class NotSubscribedError(WeChatError, RecipientWithoutCredit):
    """The user has no send left for this template (or refused it): do not retry."""

    codes = frozenset({43101})


class InvalidDataError(WeChatError, SendRejected):
    """A template keyword value breaks its type's limits; `field` names the keyword."""

    codes = frozenset({47003})

    def __init__(self, errcode: int, errmsg: str = "") -> None:
        super().__init__(errcode, errmsg)
        match = _DATA_FIELD.search(errmsg or "")
        self.field: str | None = match.group(1) if match else None


class InvalidTokenError(WeChatError, MessengerUnavailable):
    """The access token (or the AppSecret behind it) was refused even after a refresh."""

    codes = frozenset({40001, 40014, 42001})


class InvalidOpenidError(WeChatError, SendRejected):
    """The openid is empty or belongs to another app."""

    codes = frozenset({40003})


class InvalidTemplateError(WeChatError, TemplateInvalid):
    """The template id is unknown to this mini-program (deleted or misconfigured)."""

    codes = frozenset({40037})


class InvalidPageError(WeChatError, SendRejected):
    """The page is not part of the released mini-program (or is malformed)."""

    codes = frozenset({41030})


_BY_CODE: dict[int, type[WeChatError]] = {
    code: cls for cls in WeChatError.__subclasses__() for code in cls.codes
}


def error_for(errcode: int, errmsg: str = "") -> WeChatError:
    """The most specific WeChatError for `errcode` (the base class when we have no name)."""
    return _BY_CODE.get(errcode, WeChatError)(errcode, errmsg)


class WeChatUnreachableError(WeChatBusyError, DeliveryUnknown):
    """No usable answer (connection, timeout, HTTP error, garbage): the request may still
    have been carried out, so a send's outcome is unknown until WeChat's sent event."""

    codes = frozenset()


def unreachable(reason: str) -> WeChatBusyError:
    """The error for a WeChat we could not talk to: connection, timeout, garbage answer."""
    return WeChatUnreachableError(-1, reason)


def json_object(response: requests.Response, endpoint: str) -> dict[str, Any]:
    """The JSON object an endpoint answered; WeChatBusyError for anything else (a proxy's
    HTML page, garbage, a list)."""
    try:
        payload = response.json()
    except ValueError:
        raise unreachable(f"{endpoint} answered HTTP {response.status_code}, not JSON") from None
    if not isinstance(payload, dict):
        raise unreachable(f"{endpoint} answered JSON that is not an object")
    return payload
