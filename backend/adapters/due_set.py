"""Sorted sets of "number -> when it is due", taken with a lease so only one step takes
each number (the poll schedule's shards and the Track Alert due set share this)."""

from __future__ import annotations

import redis

# Atomically take up to ARGV[2] members due by ARGV[1] and push their score to ARGV[3]
# (a lease), so a second step running meanwhile cannot take them again. One key: on a
# cluster the script runs on the node of that key's slot.
_TAKE_DUE = """
local due = redis.call('zrangebyscore', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, number in ipairs(due) do redis.call('zadd', KEYS[1], ARGV[3], number) end
return due
"""
# The same, answering member, score, member, score… so shards can be merged in due order.
_TAKE_DUE_SCORED = """
local due = redis.call('zrangebyscore', KEYS[1], '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0,
                       tonumber(ARGV[2]))
for i = 1, #due, 2 do redis.call('zadd', KEYS[1], ARGV[3], due[i]) end
return due
"""


def take_due(
    client: redis.Redis, key: str, now: float, limit: int, lease_seconds: float
) -> list[str]:
    """Members of `key` due by `now`, leased for `lease_seconds`."""
    return list(client.eval(_TAKE_DUE, 1, key, now, limit, now + lease_seconds))


def take_due_sharded(
    client: redis.Redis,
    keys: list[str],
    now: float,
    limit: int,
    lease_seconds: float,
    first: int = 0,
) -> list[str]:
    """Up to `limit` members due by `now` from all of `keys` (fewer only when no more are
    due), leased, most overdue first. Each round shares what is still wanted among the
    shards that may have more (the odd ones go to shards from `first` on, which the caller
    rotates), in one pipeline: on a cluster, one batch per node."""
    taken: list[tuple[float, str]] = []
    open_keys = keys[first % len(keys) :] + keys[: first % len(keys)]
    while open_keys and len(taken) < limit:
        wanted = limit - len(taken)
        quotas = [wanted // len(open_keys) + (i < wanted % len(open_keys))
                  for i in range(len(open_keys))]  # fmt: skip
        asked = [(key, quota) for key, quota in zip(open_keys, quotas, strict=True) if quota]
        pipe = client.pipeline(transaction=False)
        for key, quota in asked:
            # execute_command: a cluster pipeline has no eval(), yet routes EVAL by its key
            pipe.execute_command("EVAL", _TAKE_DUE_SCORED, 1, key, now, quota, now + lease_seconds)
        answers = [list(zip(due[1::2], due[::2], strict=True)) for due in pipe.execute()]
        taken += [(float(at), number) for due in answers for at, number in due]
        full = [key for (key, quota), due in zip(asked, answers, strict=True) if len(due) == quota]
        open_keys = full + [key for key, quota in zip(open_keys, quotas, strict=True) if not quota]
    return [number for _at, number in sorted(taken)]
