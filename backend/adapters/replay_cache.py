"""Nonces of pushed messages seen recently, so that a captured request works only once."""

from __future__ import annotations

import hashlib
import math

import redis

from backend.adapters import redis_keys


class ReplayCache:
    """One key per (scope, nonce) with a TTL as long as the freshness window it backs."""

    def __init__(self, client: redis.Redis) -> None:
        self._redis = client

    def first_use(self, scope: str, nonce: str, ttl_seconds: float) -> bool:
        """True the first time `nonce` is presented in `scope`; atomic across processes."""
        key = redis_keys.replay(scope, _digest(nonce))
        ttl_ms = max(1000, math.ceil(ttl_seconds * 1000))
        return bool(self._redis.set(key, "1", px=ttl_ms, nx=True))

    def forget(self, scope: str, nonce: str) -> None:
        """Undo first_use when the message could not be handled, so WeChat's retry counts."""
        self._redis.delete(redis_keys.replay(scope, _digest(nonce)))


def _digest(nonce: str) -> str:
    # Hashing bounds the key length whatever a sender puts in its query string.
    return hashlib.sha256(nonce.encode("utf-8", "replace")).hexdigest()[:32]
