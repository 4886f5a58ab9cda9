"""Interfaces the services depend on; adapters implement them, tests may fake them."""

from __future__ import annotations

from typing import Protocol

from backend.domain.locations import LocatorAnswer, LocatorQuery
from backend.domain.model import Shipment


class Carrier(Protocol):
    """Fetches the current tracking details of one number (UPS or its sandbox)."""

    def track(self, number: str, lang: str) -> Shipment:
        """Return the shipment; raise an UpsError subclass when UPS cannot answer."""
        ...


class Locator(Protocol):
    """Finds carrier locations (counters, drop boxes, Access Points) around a point or address."""

    def search(self, query: LocatorQuery) -> LocatorAnswer:
        """Places near the query's origin; raise a domain LocatorError when none can be had."""
        ...
