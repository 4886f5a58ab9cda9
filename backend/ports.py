"""Interfaces the services depend on; adapters implement them, tests may fake them."""

from __future__ import annotations

from typing import Protocol

from backend.domain.model import Shipment


class Carrier(Protocol):
    """Fetches the current tracking details of one number (UPS or its sandbox)."""

    def track(self, number: str, lang: str) -> Shipment:
        """Return the shipment; raise an UpsError subclass when UPS cannot answer."""
        ...
