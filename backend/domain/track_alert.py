"""Carrier push subscriptions (UPS Track Alert) in neutral terms: state, results, events."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from backend.domain.model import TrackingEvent


@dataclass(frozen=True)
class Subscription:
    """What we know of one number's push subscription."""

    expires_at: float | None = None  # epoch seconds; None: never subscribed (or forgotten)
    rejected: str = ""  # the carrier's code when it refused the number ("invalid" for lists)

    def active(self, now: float) -> bool:
        return self.expires_at is not None and self.expires_at > now


@dataclass
class SubscribeResult:
    """Numbers the carrier now pushes events for, and numbers it refused to subscribe."""

    valid: list[str] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)

    def add(self, other: SubscribeResult) -> None:
        self.valid.extend(other.valid)
        self.invalid.extend(other.invalid)


def batches(numbers: list[str], size: int) -> Iterator[list[str]]:
    """`numbers` without repeats, in slices of at most `size`."""
    unique = list(dict.fromkeys(numbers))
    for start in range(0, len(unique), size):
        yield unique[start : start + size]


@dataclass(frozen=True)
class WebhookEvent:
    """One pushed scan of one number."""

    number: str
    event: TrackingEvent
    scheduled_delivery: str | None = None  # YYYY-MM-DD, "original scheduled delivery date"
    delivered_at: str | None = None  # ISO 8601 local, offset when known
    # Enhanced subscriptions only: who signed, and the delivery photo (JPEG bytes).
    received_by: str | None = None
    photo: bytes | None = None

    @property
    def fingerprint(self) -> str:
        """Same number, scan time and status codes -> same id (a carrier may send twice)."""
        event = self.event
        key = "|".join((self.number, event.time, event.ups_status_code, event.ups_code))
        return hashlib.sha256(key.encode()).hexdigest()[:20]
