"""The poll schedule (sorted set) and each watched number's durable tracking state."""

from __future__ import annotations

import json

import redis

from backend.adapters import redis_keys
from backend.domain.statuses import Status
from backend.domain.tracking import StatusChange

# Atomically take up to ARGV[2] numbers due by ARGV[1] and push their score to ARGV[3]
# (a lease), so a second scheduler step cannot enqueue them again meanwhile.
_TAKE_DUE = """
local due = redis.call('zrangebyscore', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, number in ipairs(due) do redis.call('zadd', KEYS[1], ARGV[3], number) end
return due
"""


class Schedule:
    """Tracking number -> next poll time (epoch seconds)."""

    def __init__(self, client: redis.Redis) -> None:
        self._redis = client

    def set(self, number: str, at: float) -> None:
        self._redis.zadd(redis_keys.schedule(), {number: at})

    def set_if_sooner(self, number: str, at: float) -> None:
        self._redis.zadd(redis_keys.schedule(), {number: at}, lt=True)

    def remove(self, number: str) -> None:
        self._redis.zrem(redis_keys.schedule(), number)

    def next_time(self, number: str) -> float | None:
        return self._redis.zscore(redis_keys.schedule(), number)

    def take_due(self, now: float, limit: int, lease_seconds: float) -> list[str]:
        """Numbers due now, leased for `lease_seconds` so only one step takes them."""
        return list(
            self._redis.eval(_TAKE_DUE, 1, redis_keys.schedule(), now, limit, now + lease_seconds)
        )

    def size(self) -> int:
        return int(self._redis.zcard(redis_keys.schedule()))


class TrackedState:
    """Per number: the last status seen, failures, when it went final, undelivered changes."""

    def __init__(self, client: redis.Redis) -> None:
        self._redis = client

    def load(self, number: str) -> dict[str, str]:
        return dict(self._redis.hgetall(redis_keys.tracked(number)))

    @staticmethod
    def last_status(state: dict[str, str]) -> Status | None:
        return Status(state["status"]) if state.get("status") else None

    @staticmethod
    def pending(state: dict[str, str]) -> list[StatusChange]:
        """Changes detected but not yet fanned out to every watcher (survive crashes)."""
        changes = []
        for key, value in state.items():
            if key.startswith("pending:"):
                data = json.loads(value)
                data["current"] = Status(data["current"])
                data["previous"] = Status(data["previous"]) if data["previous"] else None
                changes.append(StatusChange(**data))
        return sorted(changes, key=lambda change: change.event_time)

    def record(self, number: str, status: Status, change: StatusChange | None, extra: dict) -> None:
        """Store the new status and, in the same command, the change still to announce."""
        mapping = {"status": status.value, **{k: str(v) for k, v in extra.items()}}
        if change:
            data = {**change.__dict__, "current": change.current.value}
            data["previous"] = change.previous.value if change.previous else None
            mapping[f"pending:{change.change_id}"] = json.dumps(data, ensure_ascii=False)
        self._redis.hset(redis_keys.tracked(number), mapping=mapping)

    def announced(self, number: str, change_id: str) -> None:
        self._redis.hdel(redis_keys.tracked(number), f"pending:{change_id}")

    def set_fields(self, number: str, **fields: object) -> None:
        self._redis.hset(redis_keys.tracked(number), mapping={k: str(v) for k, v in fields.items()})

    def forget(self, number: str) -> None:
        self._redis.delete(redis_keys.tracked(number))
