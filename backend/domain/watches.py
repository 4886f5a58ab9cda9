"""Watched parcels: one user's watch of one number, and the per-user limit."""

from __future__ import annotations

from dataclasses import dataclass


class WatchLimitError(Exception):
    """The user already watches as many parcels as allowed."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


@dataclass(frozen=True)
class Watch:
    """One user's watch of one number."""

    number: str
    nickname: str | None
    since: float


class ParcelNotWatchedError(Exception):
    """The caller does not watch this parcel (only a watched parcel can be read or shared)."""
