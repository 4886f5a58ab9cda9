"""Login sessions: a wx.login code becomes our own opaque token; session_key stays in Redis."""

from __future__ import annotations

import hashlib
import logging
import secrets
import time
from typing import Protocol

import redis

from backend.adapters import redis_keys

log = logging.getLogger(__name__)

SESSION_TTL_SECONDS = 7 * 24 * 3600


class CodeExchange(Protocol):
    """code2Session (WeChat or a fake): (openid, session_key, unionid or None)."""

    def code_to_session(self, code: str) -> tuple[str, str, str | None]: ...


def token_digest(token: str) -> str:
    """The SHA-256 of a token: Redis holds only digests, so a leaked dump logs nobody in."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class SessionService:
    """Issues, resolves and revokes login tokens."""

    def __init__(
        self,
        redis_client: redis.Redis,
        wechat: CodeExchange,
        ttl_seconds: int = SESSION_TTL_SECONDS,
    ) -> None:
        self._redis = redis_client
        self._wechat = wechat
        self.ttl_seconds = ttl_seconds

    def login(self, code: str) -> tuple[str, int]:
        """Exchange a wx.login code; return (token, expires_in seconds).

        Raises the adapter's WeChatError subclasses (InvalidCodeError, ...) unchanged.
        """
        openid, session_key, _unionid = self._wechat.code_to_session(code)
        token = secrets.token_urlsafe(32)  # 256 random bits
        digest = token_digest(token)
        session_key_name = redis_keys.session(digest)
        user_key = redis_keys.user_sessions(openid)
        # Two hash tags (session, user): a plain pipeline, never one MULTI across slots.
        pipe = self._redis.pipeline(transaction=False)
        pipe.hset(
            session_key_name,
            mapping={"openid": openid, "session_key": session_key, "created": int(time.time())},
        )
        pipe.expire(session_key_name, self.ttl_seconds)
        pipe.sadd(user_key, digest)
        pipe.expire(user_key, self.ttl_seconds)
        pipe.execute()
        self._forget_expired(openid)
        log.info("login: new session %s… for openid %s", digest[:8], mask_openid(openid))
        return token, self.ttl_seconds

    def resolve(self, token: str) -> str | None:
        """The openid behind a live token, or None (unknown, expired or logged out)."""
        openid = self._redis.hget(redis_keys.session(token_digest(token)), "openid")
        return openid or None

    def logout(self, token: str) -> None:
        """End this token's session (idempotent)."""
        digest = token_digest(token)
        openid = self._redis.hget(redis_keys.session(digest), "openid")
        self._redis.delete(redis_keys.session(digest))
        if openid:
            self._redis.srem(redis_keys.user_sessions(openid), digest)

    def logout_everywhere(self, openid: str) -> int:
        """End every session of a user; return how many there were."""
        user_key = redis_keys.user_sessions(openid)
        digests = list(self._redis.smembers(user_key))
        for digest in digests:
            self._redis.delete(redis_keys.session(digest))
        self._redis.delete(user_key)
        return len(digests)

    def _forget_expired(self, openid: str) -> None:
        """Drop digests whose session has expired, so the per-user set stays small."""
        user_key = redis_keys.user_sessions(openid)
        digests = list(self._redis.smembers(user_key))
        pipe = self._redis.pipeline(transaction=False)
        for digest in digests:
            pipe.exists(redis_keys.session(digest))
        stale = [digest for digest, alive in zip(digests, pipe.execute(), strict=True) if not alive]
        if stale:
            self._redis.srem(user_key, *stale)


def mask_openid(openid: str) -> str:
    """Enough of an openid to follow one user through the logs, not enough to message them."""
    return openid[:6] + "…" if len(openid) > 6 else "…"
