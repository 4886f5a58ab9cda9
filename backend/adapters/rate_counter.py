"""Fixed-window request budgets in Redis, leased to each process in small chunks.

Counting every request in Redis would cost a round trip per request, the largest part of a
cached lookup. Instead a process takes a chunk of a client's budget at once (INCRBY) and
spends it locally; a budget of 120 a minute costs one round trip per 6 requests, small
budgets (login: 10 a minute) are still counted one by one. What a process holds unspent is
at most one chunk per client, so a client may be stopped a few requests early, never late.
"""

from __future__ import annotations

import threading

import redis

from backend.adapters import redis_keys

LEASE_PARTS = 20  # a chunk is 1/20 of the budget (at least 1)
_EXHAUSTED = -1  # this process saw the window's budget spent: no more round trips
_PRUNE_AT = 10_000  # local entries kept before those of past windows are dropped

Key = tuple[str, str, int, int]  # budget, client, window seconds, window index


class RateCounter:
    """allow() answers for the budgets of one request; one lease per key in flight."""

    def __init__(self, client: redis.Redis) -> None:
        self._redis = client
        self._lock = threading.Lock()
        self._left: dict[Key, int] = {}
        self._leasing: dict[Key, threading.Event] = {}

    def allow(self, budgets: list[tuple[str, str, int, int]], now: float) -> list[bool]:
        """For each (budget, client, limit, window seconds): may this request go ahead?"""
        return [
            self._take((name, client, window, int(now // window)), limit)
            for name, client, limit, window in budgets
        ]

    def spent(self, budget: str, client: str, limit: int, window: int, now: float) -> bool:
        """Whether the window's budget is used up, counting nothing (one GET at most).
        What other processes hold leased but unspent counts as used: early, never late."""
        key = (budget, client, window, int(now // window))
        with self._lock:
            left = self._left.get(key, 0)
        if left != 0:
            return left == _EXHAUSTED
        total = self._redis.get(redis_keys.rate_limit(*key))
        return total is not None and int(total) >= limit

    def _take(self, key: Key, limit: int) -> bool:
        while True:
            with self._lock:
                left = self._left.get(key, 0)
                if left > 0:
                    self._left[key] = left - 1
                    return True
                if left == _EXHAUSTED:
                    return False
                pending = self._leasing.get(key)
                if pending is None:  # this thread leases; the others wait for its answer
                    self._leasing[key] = threading.Event()
            if pending is None:
                break
            pending.wait(timeout=5)
        try:
            granted = self._lease(key, limit)
        finally:
            with self._lock:
                self._leasing.pop(key).set()
        with self._lock:
            if granted > 0:
                self._left[key] = granted - 1
                return True
            self._left[key] = _EXHAUSTED
            if len(self._left) > _PRUNE_AT:
                self._prune(key)
            return False

    def _lease(self, key: Key, limit: int) -> int:
        """Take up to one chunk of the window's budget from Redis; how many were granted."""
        chunk = max(1, limit // LEASE_PARTS)
        redis_key = redis_keys.rate_limit(*key)
        pipe = self._redis.pipeline(transaction=False)
        pipe.incrby(redis_key, chunk)
        pipe.expire(redis_key, key[2] + 1)
        total, _ = pipe.execute()
        return max(0, min(chunk, limit - (int(total) - chunk)))

    def _prune(self, current: Key) -> None:
        for key in [k for k in self._left if k[2] == current[2] and k[3] < current[3]]:
            del self._left[key]
