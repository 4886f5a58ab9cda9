"""A number's shipment as last fetched from the carrier, and how long it stays fresh."""

from __future__ import annotations

from dataclasses import dataclass

from backend.domain.model import Shipment


@dataclass(frozen=True)
class CachedSnapshot:
    """A shipment as last fetched, with when it was fetched and until when it is fresh."""

    shipment: Shipment
    fetched_at: float
    fresh_until: float

    def is_fresh(self, now: float) -> bool:
        return now < self.fresh_until
