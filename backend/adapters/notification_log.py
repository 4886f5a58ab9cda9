"""Exactly-once bookkeeping of notifications: claim before sending, spend credit on success."""

from __future__ import annotations

import time

import redis

from backend.adapters import redis_keys

KEEP_SECONDS = 60 * 24 * 3600  # long after any parcel's journey has ended
LEASE_SECONDS = 120  # a claim older than this belonged to a worker that died mid-send

# KEYS: notifications, credits. ARGV: field, template id, now, lease.
# 1 = claimed, 0 = already sent or being sent, -1 = no credit (marked unread).
_CLAIM = """
local state = redis.call('hget', KEYS[1], ARGV[1])
if state then
  if string.sub(state, 1, 5) == 'sent:' or string.sub(state, 1, 7) == 'failed:' then return 0 end
  local lease = tonumber(string.match(state, '^sending:(%d+)') or '0')
  if lease > tonumber(ARGV[3]) then return 0 end
end
if tonumber(redis.call('hget', KEYS[2], ARGV[2]) or '0') <= 0 then
  redis.call('hset', KEYS[1], ARGV[1], 'unread')
  redis.call('expire', KEYS[1], tonumber(ARGV[5]))
  return -1
end
redis.call('hset', KEYS[1], ARGV[1], 'sending:' .. (tonumber(ARGV[3]) + tonumber(ARGV[4])))
redis.call('expire', KEYS[1], tonumber(ARGV[5]))
return 1
"""

# KEYS: notifications, credits. ARGV: field, template id, msgid.
_COMPLETE = """
redis.call('hset', KEYS[1], ARGV[1], 'sent:' .. ARGV[3])
if tonumber(redis.call('hget', KEYS[2], ARGV[2]) or '0') > 0 then
  redis.call('hincrby', KEYS[2], ARGV[2], -1)
end
return 1
"""


def field(number: str, change_id: str) -> str:
    return f"{number}:{change_id}"


class NotificationLog:
    """Per-user record of every change: sending (leased), sent, failed or unread."""

    def __init__(self, client: redis.Redis, lease_seconds: float = LEASE_SECONDS) -> None:
        self._redis = client
        self._lease = max(1, int(lease_seconds))

    def claim(self, openid: str, number: str, change_id: str, template_id: str) -> int:
        """1: we may send; 0: sent or in flight elsewhere; -1: no credit, kept as unread."""
        return int(
            self._redis.eval(
                _CLAIM,
                2,
                redis_keys.notifications(openid),
                redis_keys.credits(openid),
                field(number, change_id),
                template_id,
                int(time.time()),
                self._lease,
                KEEP_SECONDS,
            )
        )

    def complete(self, openid: str, number: str, change_id: str, template_id: str, msgid: str):
        """Mark sent and spend the credit in one atomic step."""
        self._redis.eval(
            _COMPLETE,
            2,
            redis_keys.notifications(openid),
            redis_keys.credits(openid),
            field(number, change_id),
            template_id,
            msgid,
        )

    def release(self, openid: str, number: str, change_id: str) -> None:
        """Give a claim back after a transient failure so a retry may send."""
        self._redis.hdel(redis_keys.notifications(openid), field(number, change_id))

    def mark(self, openid: str, number: str, change_id: str, state: str) -> None:
        """Record a final state: 'unread', 'held' or 'failed:<errcode>'."""
        key = redis_keys.notifications(openid)
        self._redis.hset(key, field(number, change_id), state)
        self._redis.expire(key, KEEP_SECONDS)

    def state(self, openid: str, number: str, change_id: str) -> str | None:
        return self._redis.hget(redis_keys.notifications(openid), field(number, change_id))

    def unread(self, openid: str, number: str) -> list[str]:
        """Change ids of `number` the user was not notified about (no credit at the time)."""
        entries = self._redis.hgetall(redis_keys.notifications(openid))
        prefix = number + ":"
        return [
            k[len(prefix) :] for k, v in entries.items() if k.startswith(prefix) and v == "unread"
        ]
