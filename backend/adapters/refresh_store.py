"""The refresh schedule (sharded sorted sets) and each watched number's durable tracking state."""

from __future__ import annotations

import json
from typing import cast

import redis
from redis.typing import EncodableT, FieldT

from backend.adapters import due_set, redis_keys
from backend.domain.statuses import Status
from backend.domain.tracking import StatusChange, TrackingState


class RedisRefreshSchedule:
    """Tracking number -> next poll time (epoch seconds), over SCHEDULE_SHARDS sorted sets
    (redis_keys.schedule): a number always lives in the shard its name hashes to."""

    def __init__(self, client: redis.Redis) -> None:
        self._redis = client
        self._legacy_moved = False
        self._turn = 0  # which shard gets the first odd share of a take (rotates)

    def set(self, number: str, at: float) -> None:
        self._redis.zadd(redis_keys.schedule(number), {number: at})

    def set_if_sooner(self, number: str, at: float) -> None:
        self._redis.zadd(redis_keys.schedule(number), {number: at}, lt=True)

    def remove(self, number: str) -> None:
        self._redis.zrem(redis_keys.schedule(number), number)

    def take_due(self, now: float, limit: int, lease_seconds: float) -> list[str]:
        """Numbers due now, leased for `lease_seconds` so only one step takes them."""
        if not self._legacy_moved:
            self.move_legacy()
            self._legacy_moved = True
        shards, self._turn = redis_keys.schedule_shards(), self._turn + 1
        return due_set.take_due_sharded(self._redis, shards, now, limit, lease_seconds, self._turn)

    def size(self) -> int:
        pipe = self._redis.pipeline(transaction=False)
        for shard in redis_keys.schedule_shards():
            pipe.zcard(shard)
        return sum(int(count) for count in pipe.execute())

    def most_overdue(self) -> float | None:
        """The earliest poll time on the schedule (None when it is empty)."""
        pipe = self._redis.pipeline(transaction=False)
        for shard in redis_keys.schedule_shards():
            pipe.zrange(shard, 0, 0, withscores=True)
        firsts = [entries[0][1] for entries in pipe.execute() if entries]
        return min(firsts) if firsts else None

    def move_legacy(self, chunk: int = 1000) -> int:
        """Move the numbers of the unsharded schedule (before 2026-12) into their shards,
        keeping each one's time; idempotent, so every worker may run it at start."""
        legacy, moved = redis_keys.legacy_schedule(), 0
        while entries := cast(
            list[tuple[str, float]], self._redis.zrange(legacy, 0, chunk - 1, withscores=True)
        ):
            pipe = self._redis.pipeline(transaction=False)
            for number, at in entries:
                pipe.zadd(redis_keys.schedule(number), {number: at}, lt=True)
            pipe.execute()
            self._redis.zrem(legacy, *(number for number, _ in entries))
            moved += len(entries)
        return moved


class RedisTrackingStateStore:
    """Per number, in one hash: the last status, failures, when it went final, and every
    change not yet announced (`pending:<id>`), so a crash mid-fan-out loses nothing."""

    def __init__(self, client: redis.Redis) -> None:
        self._redis = client

    def load(self, number: str) -> TrackingState:
        raw = cast(dict[str, str], self._redis.hgetall(redis_keys.tracked(number)))
        final_at = raw.get("final_at")
        return TrackingState(
            status=Status(raw["status"]) if raw.get("status") else None,
            failures=int(raw.get("failures") or 0),
            final_at=float(final_at) if final_at else None,
            pending=_pending(raw),
        )

    def record(
        self,
        number: str,
        status: Status,
        change: StatusChange | None,
        *,
        failures: int = 0,
        final_at: float | None = None,
    ) -> None:
        """Store the new status and, in the same transaction, the change still to announce.
        Fields at their default (no failures, not final) are left out: most of the millions
        of watched parcels have neither, and each field costs bytes."""
        key = redis_keys.tracked(number)
        mapping: dict[FieldT, EncodableT] = {"status": status.value}
        if failures:
            mapping["failures"] = str(failures)
        if final_at is not None:
            mapping["final_at"] = str(final_at)
        if change:
            data = {**change.__dict__, "current": change.current.value}
            data["previous"] = change.previous.value if change.previous else None
            mapping[f"pending:{change.change_id}"] = json.dumps(data, ensure_ascii=False)
        pipe = self._redis.pipeline(transaction=True)  # one key: one slot on a cluster too
        pipe.hset(key, mapping=mapping)
        defaults = [name for name in ("failures", "final_at") if name not in mapping]
        pipe.hdel(key, *defaults)
        pipe.execute()

    def announced(self, number: str, change_id: str) -> None:
        self._redis.hdel(redis_keys.tracked(number), f"pending:{change_id}")

    def set_failures(self, number: str, failures: int) -> None:
        self._redis.hset(redis_keys.tracked(number), "failures", str(failures))

    def forget(self, number: str) -> None:
        self._redis.delete(redis_keys.tracked(number))


def _pending(raw: dict[str, str]) -> tuple[StatusChange, ...]:
    """Changes detected but not yet fanned out to every watcher, oldest first."""
    changes = []
    for key, value in raw.items():
        if key.startswith("pending:"):
            data = json.loads(value)
            data["current"] = Status(data["current"])
            data["previous"] = Status(data["previous"]) if data["previous"] else None
            changes.append(StatusChange(**data))
    return tuple(sorted(changes, key=lambda change: change.event_time))
