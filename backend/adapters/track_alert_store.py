"""Track Alert state in Redis: subscription expiry per number, the due set, seen events."""

from __future__ import annotations

from typing import cast

import redis

from backend.adapters import due_set, redis_keys
from backend.domain.track_alert import Subscription

# The per-number hash outlives its subscription by a day so renewals can still read it.
KEEP_AFTER_EXPIRY_SECONDS = 24 * 3600
# A refused number is not offered to UPS again for this long (it stays polled meanwhile).
REJECTED_FOR_SECONDS = 14 * 24 * 3600


class RedisTrackAlertStore:
    """Number keys are tagged {number}; the due set is global; no command spans both."""

    def __init__(self, client: redis.Redis) -> None:
        self._redis = client

    def get(self, number: str) -> Subscription:
        data = cast(dict[str, str], self._redis.hgetall(redis_keys.track_alert(number)))
        expires = data.get("expires_at")
        return Subscription(float(expires) if expires else None, data.get("rejected", ""))

    def subscribed(self, numbers: list[str], expires_at: float, renew_at: float) -> None:
        """UPS accepted `numbers` until `expires_at`; renew them from `renew_at`."""
        pipe = self._redis.pipeline(transaction=False)
        for number in numbers:
            key = redis_keys.track_alert(number)
            pipe.hset(key, "expires_at", str(expires_at))
            pipe.hdel(key, "rejected")  # absent rather than empty: bytes on every parcel
            pipe.expireat(key, int(expires_at + KEEP_AFTER_EXPIRY_SECONDS))
            pipe.zadd(redis_keys.track_alert_due(), {number: renew_at})
        pipe.execute()

    def rejected(self, numbers: list[str], code: str) -> None:
        """UPS refused `numbers`: remember why, and stop offering them."""
        pipe = self._redis.pipeline(transaction=False)
        for number in numbers:
            key = redis_keys.track_alert(number)
            pipe.hset(key, "rejected", code)
            pipe.expire(key, REJECTED_FOR_SECONDS)
            pipe.zrem(redis_keys.track_alert_due(), number)
        pipe.execute()

    def want(self, number: str, at: float) -> None:
        """Subscribe `number` from `at`, unless it is already in the due set."""
        self._redis.zadd(redis_keys.track_alert_due(), {number: at}, nx=True)

    def retry_at(self, numbers: list[str], at: float) -> None:
        if numbers:
            self._redis.zadd(redis_keys.track_alert_due(), dict.fromkeys(numbers, at))

    def drop(self, numbers: list[str]) -> None:
        """Nothing more to do for `numbers` (unwatched or final): no renewal either."""
        if numbers:
            self._redis.zrem(redis_keys.track_alert_due(), *numbers)

    def take_due(self, now: float, limit: int, lease_seconds: float) -> list[str]:
        """Numbers due by `now`, leased for `lease_seconds` so only one step takes them."""
        # The lease keeps the steps of several workers from subscribing a number twice.
        key = redis_keys.track_alert_due()
        return due_set.take_due(self._redis, key, now, limit, lease_seconds)

    def first_sighting(self, number: str, fingerprint: str, ttl_seconds: int) -> bool:
        """True the first time this event is seen; the set forgets after `ttl_seconds`."""
        key = redis_keys.track_alert_seen(number)
        pipe = self._redis.pipeline(transaction=False)
        pipe.sadd(key, fingerprint)
        pipe.expire(key, ttl_seconds)
        added, _ = pipe.execute()
        return bool(added)

    def forget_sighting(self, number: str, fingerprint: str) -> None:
        """Undo first_sighting when the event could not be handed on, so a resend counts."""
        self._redis.srem(redis_keys.track_alert_seen(number), fingerprint)
