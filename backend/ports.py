"""Every outside dependency a service uses, as a Protocol: adapters implement them, the
composition root (bootstrap.py) plugs them in, and tests/fakes.py fakes each in memory.

Failures cross these walls as the vendor-neutral errors of `backend.domain.errors`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

from backend.domain.locations import LocatorAnswer, LocatorQuery
from backend.domain.model import Shipment, TrackingEvent
from backend.domain.notices import Notice
from backend.domain.share_view import ShareCard
from backend.domain.shares import Share
from backend.domain.snapshots import CachedSnapshot
from backend.domain.statuses import Status
from backend.domain.subscriptions import SubscribeEvent
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

    def get(self, number: str, lang: str) -> CachedSnapshot | None: ...
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


class TrackingStates(Protocol):
    """Each watched number's durable TrackingState."""

    def load(self, number: str) -> TrackingState: ...
    def record(self, number: str, status: Status, change: StatusChange | None, *,
               failures: int = 0, final_at: float | None = None) -> None: ...  # fmt: skip
    def announced(self, number: str, change_id: str) -> None: ...
    def set_failures(self, number: str, failures: int) -> None: ...
    def forget(self, number: str) -> None: ...


class Schedule(Protocol):
    """Tracking number -> next poll time (epoch seconds)."""

    def set(self, number: str, at: float) -> None: ...
    def set_if_sooner(self, number: str, at: float) -> None: ...
    def remove(self, number: str) -> None: ...
    def take_due(self, now: float, limit: int, lease_seconds: float) -> list[str]: ...


class RefreshQueue(Protocol):
    """The job queue the workers serve: one refresh job per number."""

    def enqueue(self, number: str, pushed: TrackingEvent | None = None) -> None: ...
    def enqueue_many(self, numbers: list[str]) -> None: ...


class CreditLedger(Protocol):
    """Subscribe-message credits per (user, template), answers and per-parcel reservations."""

    def record_answer(self, openid: str, template_id: str, answer: str, side: str) -> None: ...
    def cancel(self, openid: str, template_id: str) -> None: ...
    def credits(self, openid: str) -> dict[str, int]: ...
    def answers(self, openid: str) -> dict[str, str]: ...
    def reserve(self, openid: str, template_id: str, number: str) -> None: ...
    def reserved(self, openid: str) -> dict[str, list[str]]: ...
    def release(self, openid: str, template_id: str, number: str) -> None: ...
    def set_language(self, openid: str, lang: str) -> None: ...
    def language(self, openid: str) -> str: ...


class TemplateSwitch(Protocol):
    """Template ids the messenger called invalid: not offered, not used, for a while."""

    def add(self, template_id: str) -> None: ...
    def __contains__(self, template_id: object) -> bool: ...
    def ids(self) -> set[str]: ...


class NotificationLog(Protocol):
    """Exactly-once sends, settled by evidence. claim: 1 ok, 0 settled (sent or failed),
    2 another send of this template to this user awaits its evidence, 3 this one is in
    flight, -1 no credit. complete (the reply's msgid) and settle_by_event (the messenger's
    delivery report) each settle a claim once and spend its credit once."""

    def claim(self, openid: str, number: str, change_id: str, template_id: str) -> int: ...
    def complete(self, openid: str, number: str, change_id: str, template_id: str,
                 msgid: str) -> bool: ...  # fmt: skip
    def settle_by_event(self, openid: str, template_id: str, msgid: str) -> str | None: ...
    def awaiting_evidence(self, openid: str, number: str, change_id: str) -> None: ...
    def release(self, openid: str, number: str, change_id: str) -> None: ...
    def mark(self, openid: str, number: str, change_id: str, state: str) -> None: ...
    def state(self, openid: str, number: str, change_id: str) -> str | None: ...
    def unread(self, openid: str, number: str) -> list[str]: ...


class MessageTemplate(Protocol):
    """A configured message template: which event it serves; its keywords are the
    messenger's business."""

    @property
    def id(self) -> str: ...
    @property
    def event(self) -> str: ...
    @property
    def title(self) -> str: ...


class Messenger(Protocol):
    """Sends a notice with a template; returns its msgid or raises a domain MessengerError.

    `fits` says whether the template can carry the notice at all (every keyword gets a value
    the messaging service accepts); a notice is only ever sent with a template that fits.
    """

    def fits(self, template: MessageTemplate, notice: Notice) -> bool: ...
    def send_notice(self, openid: str, template: MessageTemplate, notice: Notice, page: str,
                    state: str) -> str: ...  # fmt: skip


class CodeMaker(Protocol):
    """Draws a mini-program code opening `page` with `scene`."""

    def get_unlimited_code(self, scene: str, page: str) -> bytes: ...


class CodeExchange(Protocol):
    """A login code -> (openid, session_key, unionid or None); raises MessengerError."""

    def code_to_session(self, code: str) -> tuple[str, str, str | None]: ...


class SessionStore(Protocol):
    """Login sessions by token digest, and each user's set of digests."""

    def save(self, digest: str, openid: str, session_key: str, ttl_seconds: int) -> None: ...
    def openid(self, digest: str) -> str | None: ...
    def delete(self, digest: str) -> None: ...
    def prune(self, openid: str) -> None: ...


class PushInbox(Protocol):
    """Messenger pushes: URL check and signed messages (BadSignature, MalformedPush)."""

    def verify_url(self, signature: str, timestamp: str, nonce: str, echostr: str) -> str: ...
    def open(self, body: bytes, query: Mapping[str, str]) -> list[SubscribeEvent]: ...


class SeenPushes(Protocol):
    """Remembers pushed events for a while, so a retried push changes nothing."""

    def first_sighting(self, openid: str, digest: str, ttl_seconds: int) -> bool: ...


class ShareStore(Protocol):
    """Share links with their lifetime, and short-lived renderings of them."""

    def put(self, share: Share) -> None: ...
    def get(self, share_id: str) -> Share | None: ...
    def delete(self, share_id: str) -> bool: ...
    def image(self, share_id: str, variant: str) -> bytes | None: ...
    def keep_image(self, share_id: str, variant: str, png: bytes, ttl_seconds: float) -> None: ...


class CardRenderer(Protocol):
    def render(self, card: ShareCard) -> bytes: ...


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

    def __call__(self, payload: object) -> WebhookEvent: ...


class Metrics(Protocol):
    """What the services and adapters report for operators (Prometheus in production)."""

    def carrier_call(self, outcome: str, seconds: float) -> None:
        """One tracking call: its outcome (HTTP status, timeout, error, paused) and time."""
        ...

    def message_sent(self, code: str) -> None:
        """One message send: "0" accepted, else the messenger's own code for the failure
        ("unreachable" when no answer came)."""
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

    def carrier_call(self, outcome: str, seconds: float) -> None:
        pass

    def message_sent(self, code: str) -> None:
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


class Locator(Protocol):
    """Finds carrier locations (counters, drop boxes, Access Points) around a point or address."""

    def search(self, query: LocatorQuery) -> LocatorAnswer:
        """Places near the query's origin; raises a domain LocatorError when none can be had."""
        ...
