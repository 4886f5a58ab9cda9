"""Redis cache of each number's latest snapshot, with single-flight refresh locks."""

from __future__ import annotations

import functools
import json

import redis

from backend.adapters import redis_keys, redis_lock
from backend.domain import cadence
from backend.domain.model import Shipment, shipment_from_dict, shipment_to_dict
from backend.domain.snapshots import CachedSnapshot


class SnapshotCache:
    """Snapshots per (number, language), every key with a TTL."""

    def __init__(self, client: redis.Redis) -> None:
        self._redis = client

    def get(self, number: str, lang: str) -> CachedSnapshot | None:
        raw = self._redis.get(redis_keys.snapshot(number, lang))
        return None if raw is None else _decode(raw)

    def put(self, number: str, lang: str, shipment: Shipment, now: float) -> CachedSnapshot:
        """Store a fresh shipment; it stays servable (as stale) for a month."""
        entry = CachedSnapshot(shipment, now, now + cadence.fresh_for(shipment.status))
        data = {
            "shipment": shipment_to_dict(shipment),
            "fetched_at": entry.fetched_at,
            "fresh_until": entry.fresh_until,
        }
        pipe = self._redis.pipeline()
        pipe.set(redis_keys.snapshot(number, lang), json.dumps(data), ex=cadence.KEEP_FOR_SECONDS)
        pipe.delete(redis_keys.lookup_error(number, lang))
        pipe.execute()
        return entry

    def remember_error(self, number: str, lang: str, code: str) -> None:
        """Keep a failure briefly so concurrent and repeated lookups do not all call UPS."""
        # Not-found and rejected (TV1002) numbers stay so for minutes; outages pass sooner.
        lasting = code in ("not_found", "rejected_by_ups")
        seconds = cadence.NOT_FOUND_FOR_SECONDS if lasting else cadence.FAILURE_FOR_SECONDS
        self._redis.set(redis_keys.lookup_error(number, lang), code, ex=seconds)

    def recent_error(self, number: str, lang: str) -> str | None:
        return self._redis.get(redis_keys.lookup_error(number, lang))

    def try_lock(self, number: str, lang: str, seconds: float) -> str | None:
        """Become the one refresher of `number`; return a token to release with, or None."""
        return redis_lock.try_acquire(self._redis, redis_keys.refresh_lock(number, lang), seconds)

    def is_locked(self, number: str, lang: str) -> bool:
        return bool(self._redis.exists(redis_keys.refresh_lock(number, lang)))

    def unlock(self, number: str, lang: str, token: str) -> None:
        redis_lock.release(self._redis, redis_keys.refresh_lock(number, lang), token)


@functools.lru_cache(maxsize=512)
def _decode(raw: str) -> CachedSnapshot:
    """Snapshots are immutable, so the same stored text is parsed once per process: a
    popular parcel's cached lookups skip most of their work (bounded: 512 texts of ~2 KB)."""
    data = json.loads(raw)
    return CachedSnapshot(
        shipment_from_dict(data["shipment"]), data["fetched_at"], data["fresh_until"]
    )
