"""The FanoutSlices port on Redis: per change, a set of the current round's unfinished
slices ("<round>:<index>") and a lease key, both under the number's hash tag; each step is
one atomic script, so two refreshes never both start a round."""

from __future__ import annotations

import uuid

import redis

from backend.adapters import redis_keys
from backend.domain.sends import FanoutSlice

# Long after any slice job could still run; an abandoned record then goes by itself.
KEEP_SECONDS = 7 * 24 * 3600

# KEYS: slices, lease. ARGV: count, lease ms, keep seconds, round id. The new round's id,
# or nil while the last round is unfinished and within its lease.
_BEGIN = """
if redis.call('exists', KEYS[2]) == 1 and redis.call('scard', KEYS[1]) > 0 then
  return false
end
redis.call('del', KEYS[1])
for i = 0, tonumber(ARGV[1]) - 1 do redis.call('sadd', KEYS[1], ARGV[4] .. ':' .. i) end
redis.call('expire', KEYS[1], ARGV[3])
redis.call('set', KEYS[2], ARGV[4], 'px', ARGV[2])
return ARGV[4]
"""

# KEYS: slices, lease. ARGV: round id, index. 1 when this call finished the round's last slice.
_FINISH = """
if redis.call('srem', KEYS[1], ARGV[1] .. ':' .. ARGV[2]) == 1
    and redis.call('scard', KEYS[1]) == 0 then
  redis.call('del', KEYS[2])
  return 1
end
return 0
"""


class RedisFanoutSlices:
    def __init__(self, store: redis.Redis) -> None:
        self._begin = store.register_script(_BEGIN)
        self._finish = store.register_script(_FINISH)

    def begin(self, number: str, change_id: str, count: int, lease_seconds: float) -> str | None:
        lease_ms = max(1, int(lease_seconds * 1000))
        round_id = uuid.uuid4().hex[:12]
        started = self._begin(keys=_keys(number, change_id),
                              args=[count, lease_ms, KEEP_SECONDS, round_id])  # fmt: skip
        return None if started is None else round_id

    def finish(self, part: FanoutSlice) -> bool:
        keys = _keys(part.number, part.change_id)
        return self._finish(keys=keys, args=[part.round_id, part.index]) == 1


def _keys(number: str, change_id: str) -> list[str]:
    return [redis_keys.fanout_slices(number, change_id), redis_keys.fanout_lease(number, change_id)]
