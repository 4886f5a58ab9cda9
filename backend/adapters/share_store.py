"""Shared parcels in Redis: who shared which number with which options, until when."""

from __future__ import annotations

import base64
import json
import math
import time
from collections.abc import Callable
from dataclasses import asdict

import redis

from backend.adapters import redis_keys
from backend.domain.shares import Share


class ShareStore:
    """Each share is one key whose TTL is its lifetime; deleting the key revokes it."""

    def __init__(self, client: redis.Redis, clock: Callable[[], float] = time.time) -> None:
        self._redis = client
        self._clock = clock

    def put(self, share: Share) -> None:
        """Store a share until `share.expires`; an id is never reused (`nx`)."""
        ttl_ms = max(1, math.ceil((share.expires - self._clock()) * 1000))
        value = json.dumps(asdict(share), ensure_ascii=False)
        if not self._redis.set(redis_keys.share(share.share_id), value, px=ttl_ms, nx=True):
            raise KeyError(f"share id already taken: {share.share_id}")

    def get(self, share_id: str) -> Share | None:
        """The live share, or None when unknown, revoked or expired."""
        raw = self._redis.get(redis_keys.share(share_id))
        if raw is None:
            return None
        share = Share(**json.loads(raw))
        # The key's TTL ends it in Redis; this also covers a restored key that lost its TTL.
        return share if share.expires > self._clock() else None

    def delete(self, share_id: str) -> bool:
        """Revoke; True when there was something to delete."""
        return bool(self._redis.delete(redis_keys.share(share_id)))

    def image(self, share_id: str, variant: str) -> bytes | None:
        """A cached rendering of the share, if still there."""
        raw = self._redis.get(redis_keys.share_image(share_id, variant))
        return base64.b64decode(raw) if raw else None

    def keep_image(self, share_id: str, variant: str, png: bytes, ttl_seconds: float) -> None:
        # base64: the project's Redis client decodes replies as UTF-8 text.
        ttl_ms = max(1, math.ceil(ttl_seconds * 1000))
        encoded = base64.b64encode(png).decode("ascii")
        self._redis.set(redis_keys.share_image(share_id, variant), encoded, px=ttl_ms)
