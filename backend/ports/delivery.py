"""Ports beyond tracking itself: delivery photos, transit-time quotes, lane history."""

from __future__ import annotations

from typing import Protocol

from backend.domain.transit import TransitOption, TransitQuery


class DeliveryProofs(Protocol):
    """The carrier's delivery photo and signer per number, bounded and kept for a while."""

    def save_photo(self, number: str, data: bytes) -> bool: ...  # False: not a photo we keep
    def photo(self, number: str) -> bytes | None: ...
    def has_photo(self, number: str) -> bool: ...
    def save_signer(self, number: str, name: str) -> None: ...
    def signer(self, number: str) -> str | None: ...


class TransitTimes(Protocol):
    """The carrier's transit-time quote; [] when it has none (or the product is refused)."""

    def options(self, query: TransitQuery) -> list[TransitOption]: ...


class LaneHistory(Protocol):
    """Transit days of delivered parcels per lane (newest kept, one entry per number)."""

    def add(self, lane: str, number: str, days: int) -> None: ...
    def samples(self, lane: str) -> list[int]: ...


class PieceLinks(Protocol):
    """Which watched number another piece of the same shipment belongs to (kept a while)."""

    def link(self, piece: str, lead: str) -> None: ...
    def lead_of(self, piece: str) -> str | None: ...
