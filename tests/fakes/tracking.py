"""Fakes of the carrier side: tracking lookups, push subscriptions, pushed events."""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

from backend import ports
from backend.domain.errors import MalformedEvent
from backend.domain.model import Shipment, TrackingEvent
from backend.domain.statuses import Status
from backend.domain.track_alert import SubscribeResult, Subscription, WebhookEvent


class FakeCarrier:
    """Answers from a table (in transit by default), counts calls, can be slow or fail."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay
        self.calls: list[str] = []
        self.failures: dict[str, Exception] = {}
        self.shipments: dict[str, Shipment] = {}
        self._lock = threading.Lock()

    def track(self, number: str, lang: str) -> Shipment:
        with self._lock:
            self.calls.append(number)
        if self.delay:
            time.sleep(self.delay)
        if number in self.failures:
            raise self.failures[number]
        return self.shipments.get(number) or Shipment(number=number, status=Status.IN_TRANSIT)


class FakeTrackAlertClient:
    """Answers like UPS: every number valid, unless told to fail or to refuse some."""

    batch_size = 100

    def __init__(self) -> None:
        self.calls: list[list[str]] = []
        self.failure: Exception | None = None
        self.invalid: set[str] = set()

    def subscribe_batch(self, numbers: list[str]) -> SubscribeResult:
        assert len(numbers) <= self.batch_size
        self.calls.append(list(numbers))
        if self.failure is not None:
            raise self.failure
        valid = [n for n in numbers if n not in self.invalid]
        return SubscribeResult(valid, [n for n in numbers if n in self.invalid])


class FakeTrackAlertStore:
    """Track Alert subscriptions, the leased due set and seen fingerprints, in dicts."""

    def __init__(self) -> None:
        self.subscriptions: dict[str, Subscription] = {}
        self.due: dict[str, float] = {}
        self.seen: set[tuple[str, str]] = set()

    def get(self, number: str) -> Subscription:
        return self.subscriptions.get(number, Subscription())

    def subscribed(self, numbers: list[str], expires_at: float, renew_at: float) -> None:
        for number in numbers:
            self.subscriptions[number] = Subscription(expires_at, "")
            self.due[number] = renew_at

    def rejected(self, numbers: list[str], code: str) -> None:
        for number in numbers:
            self.subscriptions[number] = Subscription(self.get(number).expires_at, code)
            self.due.pop(number, None)

    def want(self, number: str, at: float) -> None:
        self.due.setdefault(number, at)

    def retry_at(self, numbers: list[str], at: float) -> None:
        self.due.update(dict.fromkeys(numbers, at))

    def drop(self, numbers: list[str]) -> None:
        for number in numbers:
            self.due.pop(number, None)

    def take_due(self, now: float, limit: int, lease_seconds: float) -> list[str]:
        taken = [n for at, n in sorted((at, n) for n, at in self.due.items() if at <= now)]
        for number in taken[:limit]:
            self.due[number] = now + lease_seconds
        return taken[:limit]

    def first_sighting(self, number: str, fingerprint: str, ttl_seconds: int) -> bool:
        if (number, fingerprint) in self.seen:
            return False
        self.seen.add((number, fingerprint))
        return True

    def forget_sighting(self, number: str, fingerprint: str) -> None:
        self.seen.discard((number, fingerprint))


def fake_webhook(payload: object) -> WebhookEvent:
    """A WebhookParser for {"number", "time", "code"} bodies; MalformedEvent otherwise."""
    if not isinstance(payload, dict) or not payload.get("number"):
        raise MalformedEvent("number is required")
    status = Status(payload.get("status", Status.IN_TRANSIT.value))
    event = TrackingEvent(payload.get("time", ""), "", "", status, payload.get("code", "I"))
    return WebhookEvent(payload["number"], event)


# Each fake declared against its port: mypy (make lint) fails when one drifts.
if TYPE_CHECKING:
    _carrier: ports.Carrier = FakeCarrier()
    _track_alert_client: ports.TrackAlertClient = FakeTrackAlertClient()
    _track_alert_store: ports.TrackAlertStore = FakeTrackAlertStore()
    _webhook_parser: ports.WebhookParser = fake_webhook
