"""Login sessions: a wx.login code becomes our own opaque token.

WeChat's session_key (for decrypting data the mini-program may send) is not kept: nothing
here needs it, and stored it would be a secret in every session hash for nothing.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Callable

from backend.ports import CodeExchange, SessionStore

log = logging.getLogger(__name__)

SESSION_TTL_SECONDS = 7 * 24 * 3600


def token_digest(token: str) -> str:
    """The SHA-256 of a token: the store holds only digests, so a leaked dump logs nobody in."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class SessionService:
    """Issues, resolves and revokes login tokens."""

    def __init__(
        self,
        store: SessionStore,
        exchange: CodeExchange,
        ttl_seconds: int = SESSION_TTL_SECONDS,
    ) -> None:
        self._store = store
        self._exchange = exchange
        self.ttl_seconds = ttl_seconds

    def login(self, code: str, admit: Callable[[str], None] | None = None) -> tuple[str, int]:
        """Exchange a wx.login code; return (token, expires_in seconds).

        `admit(openid)` runs before a session is created and may refuse by raising (the
        caller's per-user login budget). Raises the domain's MessengerError subclasses
        (LoginCodeInvalid, ...) unchanged.
        """
        openid, _session_key, _unionid = self._exchange.code_to_session(code)
        if admit is not None:
            admit(openid)
        token = secrets.token_urlsafe(32)  # 256 random bits
        digest = token_digest(token)
        self._store.save(digest, openid, self.ttl_seconds)
        self._store.prune(openid)
        log.info("login: new session %s… for openid %s", digest[:8], mask_openid(openid))
        return token, self.ttl_seconds

    def resolve(self, token: str) -> str | None:
        """The openid behind a live token, or None (unknown, expired or logged out)."""
        return self._store.openid(token_digest(token))

    def logout(self, token: str) -> None:
        """End this token's session (idempotent)."""
        self._store.delete(token_digest(token))


def mask_openid(openid: str) -> str:
    """Enough of an openid to follow one user through the logs, not enough to message them."""
    return openid[:6] + "…" if len(openid) > 6 else "…"
