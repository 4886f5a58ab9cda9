"""Transit days of delivered parcels per lane, in Redis: the newest 200 per lane, a year."""

from __future__ import annotations

import redis

from backend.adapters import redis_keys

MAX_SAMPLES = 200
KEEP_SECONDS = 400 * 24 * 3600  # a year and a season: last year's peak still counts


class RedisLaneHistory:
    """Implements the LaneHistory port; one entry per number (a repeat replaces it)."""

    def __init__(self, client: redis.Redis) -> None:
        self._redis = client

    def add(self, lane: str, number: str, days: int) -> None:
        key, entry = redis_keys.lane_history(lane), f"{number}:{int(days)}"
        pipe = self._redis.pipeline()
        pipe.lrem(key, 0, entry)
        pipe.lpush(key, entry)
        pipe.ltrim(key, 0, MAX_SAMPLES - 1)
        pipe.expire(key, KEEP_SECONDS)
        pipe.execute()

    def samples(self, lane: str) -> list[int]:
        days = []
        for entry in self._redis.lrange(redis_keys.lane_history(lane), 0, -1):
            text = entry.decode() if isinstance(entry, bytes) else entry
            value = text.rpartition(":")[2]
            if value.isdigit():
                days.append(int(value))
        return days
