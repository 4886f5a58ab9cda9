"""Watched parcels in Redis: each user's list and each number's watchers (durable keys)."""

from __future__ import annotations

import json
import time
from typing import cast

import redis

from backend.adapters import redis_keys
from backend.domain.watches import Watch, WatchLimitError

# Add the number to the user's hash only while under the limit, atomically.
_WATCH = """
if redis.call('hexists', KEYS[1], ARGV[1]) == 1 then
  redis.call('hset', KEYS[1], ARGV[1], ARGV[2]) return 1
end
if redis.call('hlen', KEYS[1]) >= tonumber(ARGV[3]) then return -1 end
redis.call('hset', KEYS[1], ARGV[1], ARGV[2]) return 2
"""


class WatchStore:
    """Who watches what. User keys are tagged {openid}, number keys {number}."""

    def __init__(self, client: redis.Redis, limit: int = 50) -> None:
        self._redis = client
        self.limit = limit

    def watch(self, openid: str, number: str, nickname: str | None) -> tuple[Watch, bool]:
        """Start (or update) watching; returns the watch and whether it is new."""
        existing = self.get(openid, number)
        since = existing.since if existing else time.time()
        value = json.dumps({"nickname": nickname, "since": since}, ensure_ascii=False)
        outcome = self._redis.eval(
            _WATCH, 1, redis_keys.user_parcels(openid), number, value, self.limit
        )
        if outcome == -1:
            raise WatchLimitError(self.limit)
        self._redis.sadd(redis_keys.watchers(number), openid)
        return Watch(number, nickname, since), outcome == 2

    def unwatch(self, openid: str, number: str) -> bool:
        """Stop watching; returns True when the number now has no watcher at all."""
        self._redis.hdel(redis_keys.user_parcels(openid), number)
        self._redis.srem(redis_keys.watchers(number), openid)
        return self._redis.scard(redis_keys.watchers(number)) == 0

    def get(self, openid: str, number: str) -> Watch | None:
        raw = cast(str | None, self._redis.hget(redis_keys.user_parcels(openid), number))
        return _watch(number, raw) if raw else None

    def list(self, openid: str) -> list[Watch]:
        """The user's watches, oldest first."""
        entries = cast(dict[str, str], self._redis.hgetall(redis_keys.user_parcels(openid)))
        watches = [_watch(number, raw) for number, raw in entries.items()]
        return sorted(watches, key=lambda watch: watch.since)

    def watchers(self, number: str) -> set[str]:
        return cast(set[str], self._redis.smembers(redis_keys.watchers(number)))


def _watch(number: str, raw: str) -> Watch:
    data = json.loads(raw)
    return Watch(number, data.get("nickname"), float(data["since"]))
