"""Erasing one user from Redis: every key tagged {openid}, and their login sessions."""

from __future__ import annotations

from typing import cast

import redis

from backend.adapters import redis_keys

# Every per-user key builder of redis_keys; tests/web/test_account.py scans Redis after an
# erase, so a key kind added there and forgotten here fails that test.
USER_KEYS = (
    redis_keys.user_parcels,
    redis_keys.credits,
    redis_keys.user_language,
    redis_keys.subscription_answers,
    redis_keys.unmatched_accepts,
    redis_keys.reserved_credits,
    redis_keys.notifications,
    redis_keys.inflight_sends,
    redis_keys.settled_msgids,
    redis_keys.push_seen,
    redis_keys.user_shares,
    redis_keys.user_sessions,
)


class RedisPersonalRecords:
    """Implements the PersonalRecords port."""

    def __init__(self, client: redis.Redis) -> None:
        self._redis = client

    def erase(self, openid: str) -> None:
        # Session keys are tagged by token digest (another slot): one DEL each, first, so a
        # failure half-way leaves the index that finds them for the retry.
        for digest in cast(set[str], self._redis.smembers(redis_keys.user_sessions(openid))):
            self._redis.delete(redis_keys.session(digest))
        # The user's own keys share the {openid} hash tag: one DEL is cluster-safe.
        self._redis.delete(*(key(openid) for key in USER_KEYS))
