"""Sorted sets of "number -> when it is due", taken with a lease so only one step takes
each number (the poll schedule and the Track Alert due set share this)."""

from __future__ import annotations

import redis

# Atomically take up to ARGV[2] members due by ARGV[1] and push their score to ARGV[3]
# (a lease), so a second step running meanwhile cannot take them again.
_TAKE_DUE = """
local due = redis.call('zrangebyscore', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, number in ipairs(due) do redis.call('zadd', KEYS[1], ARGV[3], number) end
return due
"""


def take_due(
    client: redis.Redis, key: str, now: float, limit: int, lease_seconds: float
) -> list[str]:
    """Members of `key` due by `now`, leased for `lease_seconds`."""
    return list(client.eval(_TAKE_DUE, 1, key, now, limit, now + lease_seconds))
