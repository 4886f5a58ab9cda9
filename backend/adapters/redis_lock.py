"""A short Redis lock (SET NX PX, compare-and-delete by EVAL) that the embedded server handles."""

from __future__ import annotations

import contextlib
import secrets
import time
from collections.abc import Iterator

import redis

# Deletes the lock only if it is still ours (it may have expired and been taken since).
_RELEASE = (
    "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"
)
_STEP_SECONDS = 0.05


def try_acquire(client: redis.Redis, key: str, ttl_seconds: float) -> str | None:
    """Take `key` for at most `ttl_seconds` if free; return the token to release it with."""
    token = secrets.token_hex(16)
    acquired = client.set(key, token, nx=True, px=max(1, int(ttl_seconds * 1000)))
    return token if acquired else None


def release(client: redis.Redis, key: str, token: str) -> None:
    """Give `key` back, unless it expired and someone else holds it now."""
    client.eval(_RELEASE, 1, key, token)


@contextlib.contextmanager
def held(client: redis.Redis, key: str, ttl_seconds: float, wait_seconds: float) -> Iterator[bool]:
    """Hold `key` for at most `ttl_seconds`, waiting up to `wait_seconds`; yields whether held.

    Two tiny scripts sent with EVAL: one round trip each, no script cache to warm.
    """
    deadline = time.monotonic() + wait_seconds
    token = try_acquire(client, key, ttl_seconds)
    while token is None and time.monotonic() < deadline:
        time.sleep(_STEP_SECONDS)
        token = try_acquire(client, key, ttl_seconds)
    try:
        yield token is not None
    finally:
        if token is not None:
            release(client, key, token)
