"""Interfaces the services depend on; adapters implement them, tests may fake them."""

from __future__ import annotations

from typing import Protocol

from backend.domain.model import Shipment


class Carrier(Protocol):
    """Fetches the current tracking details of one number (UPS or its sandbox)."""

    def track(self, number: str, lang: str) -> Shipment:
        """Return the shipment; raise an UpsError subclass when UPS cannot answer."""
        ...


class Metrics(Protocol):
    """What the services report for operators (Prometheus behind it; nothing in tests)."""

    def ups_call(self, outcome: str, seconds: float) -> None:
        """One Track API call: its outcome (HTTP status, timeout, error, paused) and time."""
        ...

    def wechat_send(self, errcode: int | None) -> None:
        """One subscribe-message send: 0 accepted, WeChat's errcode, None unreachable."""
        ...

    def notified(self, delay_seconds: float | None) -> None:
        """WeChat accepted a message; delay from the parcel's scan to that moment."""
        ...

    def credit_spent(self) -> None:
        """One subscribe credit was spent on a message that went out."""
        ...

    def refreshed(self, outcome: str) -> None:
        """One refresh: ok, failed, or from_event (told from a pushed scan alone)."""
        ...

    def retry(self, kind: str) -> None:
        """Something is tried again soon: a refresh, or a send."""
        ...

    def superseded(self, count: int) -> None:
        """Changes replaced by a newer one before they could be sent."""
        ...


class NullMetrics:
    """Metrics that go nowhere: the default when nobody watches."""

    def ups_call(self, outcome: str, seconds: float) -> None:
        pass

    def wechat_send(self, errcode: int | None) -> None:
        pass

    def notified(self, delay_seconds: float | None) -> None:
        pass

    def credit_spent(self) -> None:
        pass

    def refreshed(self, outcome: str) -> None:
        pass

    def retry(self, kind: str) -> None:
        pass

    def superseded(self, count: int) -> None:
        pass
