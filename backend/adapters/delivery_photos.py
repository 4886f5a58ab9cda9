"""Delivery photos in Redis: one JPEG per number, bounded in size, kept 14 days."""

from __future__ import annotations

import redis

from backend.adapters import redis_keys
from backend.domain.photos import PHOTO_KEEP_SECONDS, is_acceptable_photo


class DeliveryPhotos:
    """Implements the DeliveryPhotos port on a Redis connection that does not decode."""

    def __init__(self, blobs: redis.Redis) -> None:
        self._redis = blobs

    def save(self, number: str, data: bytes) -> bool:
        """Keep `data` when it is an acceptable JPEG; False (nothing kept) otherwise."""
        if not is_acceptable_photo(data):
            return False
        self._redis.set(redis_keys.delivery_photo(number), data, ex=PHOTO_KEEP_SECONDS)
        return True

    def get(self, number: str) -> bytes | None:
        data = self._redis.get(redis_keys.delivery_photo(number))
        return bytes(data) if data else None

    def has(self, number: str) -> bool:
        return bool(self._redis.exists(redis_keys.delivery_photo(number)))

    def forget(self, number: str) -> None:
        self._redis.delete(redis_keys.delivery_photo(number))
