"""Nonces of pushed messages seen recently, so that a captured request works only once while
the sender's own retry of it (the very same request) is recognised.

One key per (scope, nonce) with a TTL; its value says which request claimed the nonce (a
fingerprint of signature, timestamp, nonce and body) and whether that request is still
being applied (`pending:`) or was applied (`applied:`).
"""

from __future__ import annotations

import hashlib
import math

import redis

from backend.adapters import redis_keys
from backend.domain.consent import PushClaim

_PENDING, _APPLIED = "pending:", "applied:"
# Marks the claim applied unless another request holds it now (ours expired meanwhile).
_SETTLE = (
    "local v = redis.call('get', KEYS[1]) "
    "if v == false or v == ARGV[1] then "
    "return redis.call('set', KEYS[1], ARGV[2], 'px', ARGV[3]) end return 0"
)
# Frees the claim only while it is still this request's and not applied.
_FORGET = (
    "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"
)


class ReplayCache:
    """NonceRegistry on Redis: SET NX for the claim, tiny EVAL scripts for the rest."""

    def __init__(self, client: redis.Redis) -> None:
        self._redis = client

    def claim(self, scope: str, nonce: str, fingerprint: str, lease_seconds: float) -> PushClaim:
        key = redis_keys.replay(scope, _digest(nonce))
        for _ in range(3):  # the key may expire between SET NX and GET: ask again
            if self._redis.set(key, _PENDING + fingerprint, px=_ms(lease_seconds), nx=True):
                return PushClaim.FIRST
            held = self._redis.get(key)
            if held is not None:
                return _state(_text(held), fingerprint)
        return PushClaim.IN_PROGRESS

    def settle(self, scope: str, nonce: str, fingerprint: str, ttl_seconds: float) -> None:
        key = redis_keys.replay(scope, _digest(nonce))
        self._redis.eval(
            _SETTLE, 1, key, _PENDING + fingerprint, _APPLIED + fingerprint, _ms(ttl_seconds)
        )

    def forget(self, scope: str, nonce: str, fingerprint: str) -> None:
        """Undo a claim whose request could not be applied, so the sender's retry counts."""
        self._redis.eval(
            _FORGET, 1, redis_keys.replay(scope, _digest(nonce)), _PENDING + fingerprint
        )


def _state(held: str, fingerprint: str) -> PushClaim:
    if held == _APPLIED + fingerprint:
        return PushClaim.APPLIED
    if held == _PENDING + fingerprint:
        return PushClaim.IN_PROGRESS
    return PushClaim.OTHER


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


def _ms(seconds: float) -> int:
    return max(1000, math.ceil(seconds * 1000))


def _digest(nonce: str) -> str:
    # Hashing bounds the key length whatever a sender puts in its query string.
    return hashlib.sha256(nonce.encode("utf-8", "replace")).hexdigest()[:32]
