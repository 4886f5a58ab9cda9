"""Fakes of the delivery ports: kept proofs, transit-time quotes, lane history."""

from __future__ import annotations

from backend.domain.photos import is_acceptable_photo
from backend.domain.transit import TransitOption, TransitQuery


class FakeDeliveryProofs:
    """Photos and signers in dicts; refuses what the real store refuses (non-JPEG, huge)."""

    def __init__(self) -> None:
        self.photos: dict[str, bytes] = {}
        self.signers: dict[str, str] = {}

    def save_photo(self, number: str, data: bytes) -> bool:
        if not is_acceptable_photo(data):
            return False
        self.photos[number] = data
        return True

    def photo(self, number: str) -> bytes | None:
        return self.photos.get(number)

    def has_photo(self, number: str) -> bool:
        return number in self.photos

    def save_signer(self, number: str, name: str) -> None:
        if name.strip():
            self.signers[number] = name.strip()[:60]

    def signer(self, number: str) -> str | None:
        return self.signers.get(number)


class FakeTransitTimes:
    """Answers every query with `options` (after `business_days` from the ship date when
    given a table), and records the queries."""

    def __init__(self, options: list[TransitOption] | None = None) -> None:
        self.options_to_give = options or []
        self.queries: list[TransitQuery] = []
        self.failure: Exception | None = None

    def options(self, query: TransitQuery) -> list[TransitOption]:
        self.queries.append(query)
        if self.failure is not None:
            raise self.failure
        return list(self.options_to_give)


class FakeLaneHistory:
    """Newest first, one entry per number, capped like the Redis list."""

    def __init__(self, cap: int = 200) -> None:
        self.lanes: dict[str, list[tuple[str, int]]] = {}
        self.cap = cap

    def add(self, lane: str, number: str, days: int) -> None:
        entries = [e for e in self.lanes.get(lane, []) if e != (number, days)]
        self.lanes[lane] = [(number, days), *entries][: self.cap]

    def samples(self, lane: str) -> list[int]:
        return [days for _number, days in self.lanes.get(lane, [])]


class FakePieceLinks:
    def __init__(self) -> None:
        self.leads: dict[str, str] = {}

    def link(self, piece: str, lead: str) -> None:
        self.leads[piece] = lead

    def lead_of(self, piece: str) -> str | None:
        return self.leads.get(piece)
