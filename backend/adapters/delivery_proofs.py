"""Delivery proof pushed or sent by the carrier, in Redis: the photo (one JPEG per number,
bounded in size) and the signer's name, each kept 14 days."""

from __future__ import annotations

from typing import cast

import redis

from backend.adapters import redis_keys
from backend.domain.photos import PHOTO_KEEP_SECONDS, is_acceptable_photo

MAX_SIGNER_CHARS = 60


class RedisDeliveryProofs:
    """Implements the DeliveryProofs port on a Redis connection that does not decode."""

    def __init__(self, blobs: redis.Redis) -> None:
        self._redis = blobs

    def save_photo(self, number: str, data: bytes) -> bool:
        """Keep `data` when it is an acceptable JPEG; False (nothing kept) otherwise."""
        if not is_acceptable_photo(data):
            return False
        self._redis.set(redis_keys.delivery_photo(number), data, ex=PHOTO_KEEP_SECONDS)
        return True

    def photo(self, number: str) -> bytes | None:
        data = cast(bytes | None, self._redis.get(redis_keys.delivery_photo(number)))
        return bytes(data) if data else None

    def has_photo(self, number: str) -> bool:
        return bool(self._redis.exists(redis_keys.delivery_photo(number)))

    def save_signer(self, number: str, name: str) -> None:
        name = name.strip()[:MAX_SIGNER_CHARS]
        if name:
            self._redis.set(
                redis_keys.delivery_signer(number), name.encode(), ex=PHOTO_KEEP_SECONDS
            )

    def signer(self, number: str) -> str | None:
        data = cast(bytes | None, self._redis.get(redis_keys.delivery_signer(number)))
        return data.decode("utf-8", "replace") if data else None
