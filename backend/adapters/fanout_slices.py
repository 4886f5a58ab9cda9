"""The FanoutSlices port on Redis: a set of unfinished slice indexes per change and a lease
key, both under the number's hash tag, each step one atomic script."""

from __future__ import annotations

import redis

from backend.adapters import redis_keys

# Long after any slice job could still run; an abandoned record then goes by itself.
KEEP_SECONDS = 7 * 24 * 3600

# KEYS: slices, lease. ARGV: count, lease ms, keep seconds. The slice indexes to enqueue.
_BEGIN = """
if redis.call('exists', KEYS[1]) == 0 then
  for i = 0, tonumber(ARGV[1]) - 1 do redis.call('sadd', KEYS[1], i) end
  redis.call('expire', KEYS[1], ARGV[3])
  redis.call('set', KEYS[2], 1, 'px', ARGV[2])
  return redis.call('smembers', KEYS[1])
end
if redis.call('set', KEYS[2], 1, 'px', ARGV[2], 'nx') then
  return redis.call('smembers', KEYS[1])
end
return {}
"""

# KEYS: slices, lease. ARGV: index. 1 when this call finished the last slice.
_FINISH = """
if redis.call('srem', KEYS[1], ARGV[1]) == 1 and redis.call('scard', KEYS[1]) == 0 then
  redis.call('del', KEYS[2])
  return 1
end
return 0
"""


class FanoutSlices:
    def __init__(self, store: redis.Redis) -> None:
        self._begin = store.register_script(_BEGIN)
        self._finish = store.register_script(_FINISH)

    def begin(self, number: str, change_id: str, count: int, lease_seconds: float) -> list[int]:
        keys = _keys(number, change_id)
        lease_ms = max(1, int(lease_seconds * 1000))
        indexes = self._begin(keys=keys, args=[count, lease_ms, KEEP_SECONDS])
        return sorted(int(index) for index in indexes)

    def finish(self, number: str, change_id: str, index: int) -> bool:
        return self._finish(keys=_keys(number, change_id), args=[index]) == 1


def _keys(number: str, change_id: str) -> list[str]:
    return [redis_keys.fanout_slices(number, change_id), redis_keys.fanout_lease(number, change_id)]
