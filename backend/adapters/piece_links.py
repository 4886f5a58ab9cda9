"""Piece -> the watched number of its shipment, in Redis (30 days: past any delivery)."""

from __future__ import annotations

from typing import cast

import redis

from backend.adapters import redis_keys

KEEP_SECONDS = 30 * 24 * 3600


class RedisPieceLinks:
    """Implements the PieceLinks port."""

    def __init__(self, client: redis.Redis) -> None:
        self._redis = client

    def link(self, piece: str, lead: str) -> None:
        self._redis.set(redis_keys.piece_lead(piece), lead, ex=KEEP_SECONDS)

    def lead_of(self, piece: str) -> str | None:
        return cast(str | None, self._redis.get(redis_keys.piece_lead(piece)))
