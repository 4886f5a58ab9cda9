"""Typed WeChat errors chosen by errcode, so callers never compare magic numbers."""

from __future__ import annotations

import re
from typing import ClassVar

# errmsg of 47003 names the offending keyword: "argument invalid! data.phrase2.value invalid".
_DATA_FIELD = re.compile(r"data\.([A-Za-z_]+\d*)\.value")


class WeChatError(Exception):
    """WeChat answered with a non-zero errcode (or could not be asked at all)."""

    codes: ClassVar[frozenset[int]] = frozenset()

    def __init__(self, errcode: int, errmsg: str = "") -> None:
        super().__init__(f"{errcode}: {errmsg}")
        self.errcode = errcode
        self.errmsg = errmsg


class InvalidCodeError(WeChatError):
    """The wx.login code is invalid, expired or already used."""

    codes = frozenset({40029, 40163})


class RateLimitedError(WeChatError):
    """A per-minute (45011) or daily (45009) quota is exhausted; back off."""

    codes = frozenset({45011, 45009})


class UserBlockedError(WeChatError):
    """WeChat blocks this user from logging in (high-risk account)."""

    codes = frozenset({40226})


class WeChatBusyError(WeChatError):
    """System busy (-1), unreachable, timed out, or an answer that is not JSON; retry later."""

    codes = frozenset({-1})


class NotSubscribedError(WeChatError):
    """The user has no send left for this template (or refused it): do not retry."""

    codes = frozenset({43101})


class InvalidDataError(WeChatError):
    """A template keyword value breaks its type's limits; `field` names the keyword."""

    codes = frozenset({47003})

    def __init__(self, errcode: int, errmsg: str = "") -> None:
        super().__init__(errcode, errmsg)
        match = _DATA_FIELD.search(errmsg or "")
        self.field: str | None = match.group(1) if match else None


class InvalidTokenError(WeChatError):
    """The access token (or the AppSecret behind it) was refused even after a refresh."""

    codes = frozenset({40001, 40014, 42001})


class InvalidOpenidError(WeChatError):
    """The openid is empty or belongs to another app."""

    codes = frozenset({40003})


class InvalidTemplateError(WeChatError):
    """The template id is unknown to this mini-program (deleted or misconfigured)."""

    codes = frozenset({40037})


class InvalidPageError(WeChatError):
    """The page is not part of the released mini-program (or is malformed)."""

    codes = frozenset({41030})


_BY_CODE: dict[int, type[WeChatError]] = {
    code: cls for cls in WeChatError.__subclasses__() for code in cls.codes
}

# The errcodes meaning "this access token is no good"; the client refreshes once on them.
TOKEN_ERRCODES = InvalidTokenError.codes


def error_for(errcode: int, errmsg: str = "") -> WeChatError:
    """The most specific WeChatError for `errcode` (the base class when we have no name)."""
    return _BY_CODE.get(errcode, WeChatError)(errcode, errmsg)


class WeChatUnreachableError(WeChatBusyError):
    """No usable answer (connection, timeout, HTTP error, garbage): the request may still
    have been carried out, so a send's outcome is unknown until WeChat's sent event."""

    codes = frozenset()


def unreachable(reason: str) -> WeChatBusyError:
    """The error for a WeChat we could not talk to: connection, timeout, garbage answer."""
    return WeChatUnreachableError(-1, reason)
