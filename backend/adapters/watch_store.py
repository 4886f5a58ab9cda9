"""Watched parcels in Redis: each user's list and each number's watchers (durable keys)."""

from __future__ import annotations

import json
import time
from typing import cast

import redis

from backend.adapters import redis_keys
from backend.adapters.replicated import Replicated
from backend.domain.watches import Watch, WatchLimitError

# Add the number to the user's hash only while under the limit, atomically.
_WATCH = """
if redis.call('hexists', KEYS[1], ARGV[1]) == 1 then
  redis.call('hset', KEYS[1], ARGV[1], ARGV[2]) return 1
end
if redis.call('hlen', KEYS[1]) >= tonumber(ARGV[3]) then return -1 end
redis.call('hset', KEYS[1], ARGV[1], ARGV[2]) return 2
"""


# KEYS: watchers hash, legacy watchers set. ARGV: openid. Add the watcher, folding the set
# the watchers were kept in before (if any) into the hash.
_ADD_WATCHER = """
if redis.call('exists', KEYS[2]) == 1 then
  for _, openid in ipairs(redis.call('smembers', KEYS[2])) do
    redis.call('hset', KEYS[1], openid, '')
  end
  redis.call('del', KEYS[2])
end
return redis.call('hset', KEYS[1], ARGV[1], '')
"""

# KEYS: watchers hash, legacy watchers set. ARGV: openid. How many watchers are left.
_REMOVE_WATCHER = """
redis.call('hdel', KEYS[1], ARGV[1])
redis.call('srem', KEYS[2], ARGV[1])
return redis.call('hlen', KEYS[1]) + redis.call('scard', KEYS[2])
"""


class RedisWatchStore:
    """Who watches what. User keys are tagged {openid}, number keys {number}; each write
    is confirmed by a replica when `replicated` asks for one (a watch is the user's word)."""

    def __init__(
        self, client: redis.Redis, limit: int = 50, replicated: Replicated | None = None
    ) -> None:
        self._redis = client
        self.limit = limit
        self._replicated = replicated or Replicated(client)
        self._watch = client.register_script(_WATCH)
        self._add_watcher = client.register_script(_ADD_WATCHER)
        self._remove_watcher = client.register_script(_REMOVE_WATCHER)

    def watch(self, openid: str, number: str, nickname: str | None) -> tuple[Watch, bool]:
        """Start (or update) watching; returns the watch and whether it is new."""
        existing = self.get(openid, number)
        since = existing.since if existing else time.time()
        value = json.dumps({"nickname": nickname, "since": since}, ensure_ascii=False)
        outcome = self._replicated.script(
            self._watch, [redis_keys.user_parcels(openid)], [number, value, self.limit]
        )
        if outcome == -1:
            raise WatchLimitError(self.limit)
        self._replicated.script(self._add_watcher, _watcher_keys(number), [openid])
        return Watch(number, nickname, since), outcome == 2

    def unwatch(self, openid: str, number: str) -> bool:
        """Stop watching; returns True when the number now has no watcher at all."""
        parcels = redis_keys.user_parcels(openid)
        self._replicated.write(parcels, lambda pipe: pipe.hdel(parcels, number))
        left = self._replicated.script(self._remove_watcher, _watcher_keys(number), [openid])
        return left == 0

    def get(self, openid: str, number: str) -> Watch | None:
        raw = cast(str | None, self._redis.hget(redis_keys.user_parcels(openid), number))
        return _watch(number, raw) if raw else None

    def list(self, openid: str) -> list[Watch]:
        """The user's watches, oldest first."""
        entries = cast(dict[str, str], self._redis.hgetall(redis_keys.user_parcels(openid)))
        watches = [_watch(number, raw) for number, raw in entries.items()]
        return sorted(watches, key=lambda watch: watch.since)

    def watchers(self, number: str) -> set[str]:
        hash_key, legacy = _watcher_keys(number)
        pipe = self._redis.pipeline(transaction=False)  # one round trip, one slot
        pipe.hkeys(hash_key)
        pipe.smembers(legacy)
        current, before = pipe.execute()
        return set(current) | set(before)


def _watcher_keys(number: str) -> list[str]:
    return [redis_keys.watchers(number), redis_keys.legacy_watchers(number)]


def _watch(number: str, raw: str) -> Watch:
    data = json.loads(raw)
    return Watch(number, data.get("nickname"), float(data["since"]))
