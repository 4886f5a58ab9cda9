"""Ports of tracking: the carrier, its caches and stores, the queue, Track Alert, the locator."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from backend.domain.locations import LocatorAnswer, LocatorQuery
from backend.domain.model import Shipment, TrackingEvent
from backend.domain.sends import FanoutSlice
from backend.domain.snapshots import CachedSnapshot
from backend.domain.statuses import Status
from backend.domain.track_alert import SubscribeResult, Subscription, WebhookEvent
from backend.domain.tracking import StatusChange, TrackingState
from backend.domain.watches import Watch

# Epoch seconds now (time.time in production, a settable fake in tests).
Clock = Callable[[], float]


class Carrier(Protocol):
    """Fetches the current tracking details of one number (UPS or its sandbox)."""

    def track(self, number: str, lang: str) -> Shipment:
        """The shipment; raises a domain CarrierError when the carrier cannot answer."""
        ...


class SnapshotCache(Protocol):
    """Latest snapshot per (number, language), recent failures, single-flight locks."""

    def get(self, number: str, lang: str) -> CachedSnapshot | None:
        """The stored snapshot. Identity contract: while the stored snapshot is unchanged,
        calls may hand back the very same object (callers may reuse work keyed on it, as
        web/rendered.py does); a changed one (a put) always comes back as a new object."""
        ...

    def put(self, number: str, lang: str, shipment: Shipment, now: float) -> CachedSnapshot: ...
    def remember_error(self, number: str, lang: str, code: str) -> None: ...
    def recent_error(self, number: str, lang: str) -> str | None: ...
    def try_lock(self, number: str, lang: str, seconds: float) -> str | None: ...
    def is_locked(self, number: str, lang: str) -> bool: ...
    def unlock(self, number: str, lang: str, token: str) -> None: ...


class WatchStore(Protocol):
    """Who watches what; `watch` raises WatchLimitError past `limit`."""

    limit: int

    def watch(self, openid: str, number: str, nickname: str | None) -> tuple[Watch, bool]: ...
    def unwatch(self, openid: str, number: str) -> bool: ...
    def get(self, openid: str, number: str) -> Watch | None: ...
    def list(self, openid: str) -> list[Watch]: ...
    def watchers(self, number: str) -> set[str]: ...


class TrackingStateStore(Protocol):
    """Each watched number's durable TrackingState."""

    def load(self, number: str) -> TrackingState: ...
    def record(self, number: str, status: Status, change: StatusChange | None, *,
               failures: int = 0, final_at: float | None = None) -> None: ...  # fmt: skip
    def announced(self, number: str, change_id: str) -> None: ...
    def set_failures(self, number: str, failures: int) -> None: ...
    def forget(self, number: str) -> None: ...


class RefreshSchedule(Protocol):
    """Tracking number -> next poll time (epoch seconds)."""

    def set(self, number: str, at: float) -> None: ...
    def set_if_sooner(self, number: str, at: float) -> None: ...
    def remove(self, number: str) -> None: ...
    def take_due(self, now: float, limit: int, lease_seconds: float) -> list[str]: ...


class RefreshQueue(Protocol):
    """The refresh queue the workers serve: refresh jobs (one number, or a batch of due
    ones) and the follow-up jobs of large fan-outs."""

    def enqueue(self, number: str, pushed: TrackingEvent | None = None) -> None: ...
    def enqueue_many(self, numbers: list[str]) -> None: ...
    # A follow-up job sending one slice of a change's large fan-out to its openids.
    def enqueue_announce(self, part: FanoutSlice) -> None: ...


class FanoutSlices(Protocol):
    """Rounds of one change's split fan-out. begin: a new round's id with slices
    0..count-1 unfinished, or None while the last round is within `lease_seconds` and
    unfinished. finish: True for the one call that finishes the round's last slice."""

    def begin(self, number: str, change_id: str, count: int, lease_seconds: float
              ) -> str | None: ...  # fmt: skip
    def finish(self, part: FanoutSlice) -> bool: ...


class TrackAlertClient(Protocol):
    """Carrier push subscriptions; raises CarrierUnavailable or SubscriptionRefused."""

    batch_size: int

    def subscribe_batch(self, numbers: list[str]) -> SubscribeResult: ...


class TrackAlertStore(Protocol):
    """Subscription state per number, the due set (leased), and events already seen."""

    def get(self, number: str) -> Subscription: ...
    def subscribed(self, numbers: list[str], expires_at: float, renew_at: float) -> None: ...
    def rejected(self, numbers: list[str], code: str) -> None: ...
    def want(self, number: str, at: float) -> None: ...
    def retry_at(self, numbers: list[str], at: float) -> None: ...
    def drop(self, numbers: list[str]) -> None: ...
    def take_due(self, now: float, limit: int, lease_seconds: float) -> list[str]: ...
    def first_sighting(self, number: str, fingerprint: str, ttl_seconds: int) -> bool: ...
    def forget_sighting(self, number: str, fingerprint: str) -> None: ...


class WebhookParser(Protocol):
    """A pushed carrier event body -> WebhookEvent; raises MalformedEvent otherwise."""

    def __call__(self, payload: object, /) -> WebhookEvent: ...


class Locator(Protocol):
    """Finds carrier locations (counters, drop boxes, Access Points) around a point or address."""

    def search(self, query: LocatorQuery) -> LocatorAnswer:
        """Places near the query's origin; raises a domain LocatorError when none can be had."""
        ...
