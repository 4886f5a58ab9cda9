"""Shared parcels in Redis: who shared which number with which options, until when."""

from __future__ import annotations

import base64
import json
import math
import time
from collections.abc import Callable
from dataclasses import asdict
from typing import cast

import redis

from backend.adapters import redis_keys
from backend.domain.shares import Share


class RedisShareStore:
    """Each share is one key whose TTL is its lifetime; deleting the key revokes it."""

    def __init__(self, client: redis.Redis, clock: Callable[[], float] = time.time) -> None:
        self._redis = client
        self._clock = clock

    def put(self, share: Share) -> None:
        """Store a share until `share.expires`; an id is never reused (`nx`). The owner's
        index lists it (GET /api/v1/shares) and is how unwatching revokes it."""
        ttl_ms = max(1, math.ceil((share.expires - self._clock()) * 1000))
        value = json.dumps(asdict(share), ensure_ascii=False)
        if not self._redis.set(redis_keys.share(share.share_id), value, px=ttl_ms, nx=True):
            raise KeyError(f"share id already taken: {share.share_id}")
        index = redis_keys.user_shares(share.openid)
        pipe = self._redis.pipeline(transaction=False)
        pipe.zadd(index, {share.share_id: share.expires})
        pipe.zremrangebyscore(index, "-inf", self._clock())
        pipe.zrange(index, -1, -1, withscores=True)
        *_, last = pipe.execute()
        if last:  # the index lives as long as its longest-lived share
            self._redis.pexpireat(index, math.ceil(last[0][1] * 1000))

    def owned_by(self, openid: str) -> list[Share]:
        """The user's live shares, newest first; ids whose share is gone are dropped."""
        index = redis_keys.user_shares(openid)
        self._redis.zremrangebyscore(index, "-inf", self._clock())
        ids = cast(list[str], self._redis.zrange(index, 0, -1))
        # One GET per share: share keys carry no user hash tag, so no multi-key command.
        pipe = self._redis.pipeline(transaction=False)
        for share_id in ids:
            pipe.get(redis_keys.share(share_id))
        shares, gone = [], []
        for share_id, raw in zip(ids, pipe.execute(), strict=True):
            share = Share(**json.loads(raw)) if raw else None
            if share is None or share.openid != openid or share.expires <= self._clock():
                gone.append(share_id)
            else:
                shares.append(share)
        if gone:
            self._redis.zrem(index, *gone)
        return sorted(shares, key=lambda s: s.created, reverse=True)

    def get(self, share_id: str) -> Share | None:
        """The live share, or None when unknown, revoked or expired."""
        raw = self._redis.get(redis_keys.share(share_id))
        if raw is None:
            return None
        share = Share(**json.loads(raw))
        # The key's TTL ends it in Redis; this also covers a restored key that lost its TTL.
        return share if share.expires > self._clock() else None

    def delete(self, share: Share) -> bool:
        """Revoke; True when there was something to delete."""
        self._redis.zrem(redis_keys.user_shares(share.openid), share.share_id)
        return bool(self._redis.delete(redis_keys.share(share.share_id)))

    def image(self, share_id: str, variant: str) -> bytes | None:
        """A cached rendering of the share, if still there."""
        raw = self._redis.get(redis_keys.share_image(share_id, variant))
        return base64.b64decode(raw) if raw else None

    def keep_image(self, share_id: str, variant: str, png: bytes, ttl_seconds: float) -> None:
        # base64: the project's Redis client decodes replies as UTF-8 text.
        ttl_ms = max(1, math.ceil(ttl_seconds * 1000))
        encoded = base64.b64encode(png).decode("ascii")
        self._redis.set(redis_keys.share_image(share_id, variant), encoded, px=ttl_ms)
