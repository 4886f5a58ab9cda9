"""Login sessions in Redis: one hash per token digest, and each user's set of digests."""

from __future__ import annotations

import time
from typing import cast

import redis

from backend.adapters import redis_keys


class RedisSessionStore:
    """Session keys are tagged by digest, user keys by openid: never one MULTI across both."""

    def __init__(self, client: redis.Redis) -> None:
        self._redis = client

    def save(self, digest: str, openid: str, ttl_seconds: int) -> None:
        session, user = redis_keys.session(digest), redis_keys.user_sessions(openid)
        pipe = self._redis.pipeline(transaction=False)
        pipe.hset(session, mapping={"openid": openid, "created": int(time.time())})
        pipe.expire(session, ttl_seconds)
        pipe.sadd(user, digest)
        pipe.expire(user, ttl_seconds)
        pipe.execute()

    def openid(self, digest: str) -> str | None:
        return cast(str | None, self._redis.hget(redis_keys.session(digest), "openid")) or None

    def delete(self, digest: str) -> None:
        """End one session (idempotent) and take it out of its user's set."""
        openid = self.openid(digest)
        self._redis.delete(redis_keys.session(digest))
        if openid:
            self._redis.srem(redis_keys.user_sessions(openid), digest)

    def prune(self, openid: str) -> None:
        """Drop digests whose session has expired, so the per-user set stays small."""
        user_key = redis_keys.user_sessions(openid)
        digests = list(cast(set[str], self._redis.smembers(user_key)))
        pipe = self._redis.pipeline(transaction=False)
        for digest in digests:
            pipe.exists(redis_keys.session(digest))
        stale = [digest for digest, alive in zip(digests, pipe.execute(), strict=True) if not alive]
        if stale:
            self._redis.srem(user_key, *stale)
