"""Apply subscribe-message events pushed by WeChat (popup, change, sent) to the ledger."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Mapping

from backend.domain.errors import ReplayedPush
from backend.domain.subscriptions import SubscribeEvent
from backend.ports import (
    CreditLedger,
    Metrics,
    NonceRegistry,
    NotificationLog,
    NullMetrics,
    PushInbox,
    SeenPushes,
)
from backend.services.auth import mask_openid

log = logging.getLogger(__name__)

# WeChat retries a push it thinks failed within seconds; a day covers any retry.
SEEN_SECONDS = 24 * 3600
NONCE_SCOPE = "wechat-push"


class SubscribeEvents:
    """The push endpoint's use case: check the sender, read its events, credit the ledger."""

    def __init__(
        self,
        inbox: PushInbox,
        ledger: CreditLedger,
        seen: SeenPushes,
        sends: NotificationLog,
        nonces: NonceRegistry,
        window_seconds: float,
        metrics: Metrics | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._inbox = inbox
        self._ledger = ledger
        self._seen = seen
        self._sends = sends
        self._nonces = nonces
        self._window = window_seconds  # how far a push's signed timestamp may be from now
        self._metrics = metrics or NullMetrics()
        self._clock = clock

    def verify_url(self, signature: str, timestamp: str, nonce: str, echostr: str) -> str:
        """The echo for the messenger's URL check; raises BadSignature when not signed by us."""
        return self._inbox.verify_url(signature, timestamp, nonce, echostr)

    def open(self, body: bytes, query: Mapping[str, str]) -> list[SubscribeEvent]:
        """The subscribe events of an authentic, fresh, first-seen push; raises BadSignature
        (ReplayedPush when stale or seen before) or MalformedPush.

        The signature binds timestamp and nonce, so a captured push can only be replayed
        inside the window, and the nonce claim (kept a little longer than the window either
        side of now) stops that too.
        """
        events = self._inbox.open(body, query)
        timestamp = query.get("timestamp", "")
        _check_fresh(timestamp, self._clock(), self._window)
        if not self._nonces.first_use(NONCE_SCOPE, _nonce(query), 2 * self._window + 60):
            raise ReplayedPush("nonce used before")
        return events

    def release(self, query: Mapping[str, str]) -> None:
        """Forget the push's nonce after a failure to apply it, so the sender's retry counts."""
        self._nonces.forget(NONCE_SCOPE, _nonce(query))

    def apply(self, events: list[SubscribeEvent]) -> None:
        """Credit accepts, zero rejected templates, log failed deliveries; retries change
        nothing. The push must be answered within 5 s: only a few store calls here."""
        for event in events:
            if not self._seen.first_sighting(event.openid, _digest(event), SEEN_SECONDS):
                continue
            log.info(
                "subscribe event %s: openid %s template %s status %s error_code %s",
                event.kind,
                mask_openid(event.openid),
                event.template_id,
                event.status,
                event.error_code,
            )
            self._apply(event)

    def _apply(self, event: SubscribeEvent) -> None:
        if event.kind == "popup" and event.status in ("accept", "reject"):
            # The answer as pushed ("acceptWithAlert" stays that): the ledger pairs any
            # acceptance with the mini-program's report of it.
            answer = event.raw_status if event.status == "accept" else "reject"
            self._ledger.record_answer(event.openid, event.template_id, answer or "accept",
                                       side="push")  # fmt: skip
        elif event.kind == "change" and event.status == "reject":
            self._ledger.cancel(event.openid, event.template_id)
        elif event.kind == "sent" and event.msg_id:
            self._settle(event, event.msg_id)

    def _settle(self, event: SubscribeEvent, msg_id: str) -> None:
        """Evidence that the messenger took a send: it settles the claim whose reply never
        came back (the worker died, the connection broke), so nobody sends it again."""
        settled = self._sends.settle_by_event(event.openid, event.template_id, msg_id)
        if settled:
            log.info("message %s settled by its sent event (%s)", event.msg_id, settled)
            self._metrics.credit_spent()
        if event.error_code:
            # Accepted, then not delivered; the credit stays spent: WeChat counts it used.
            log.warning("message %s was not delivered (error %s)", event.msg_id, event.error_code)


def _digest(event: SubscribeEvent) -> str:
    """The same exact event (kind, template, time, status and item) -> the same digest."""
    identity = "|".join(
        str(part)
        for part in (event.kind, event.template_id, event.create_time, event.status, event.msg_id)
    )
    return hashlib.sha256(identity.encode()).hexdigest()[:20]


def _nonce(query: Mapping[str, str]) -> str:
    return f"{query.get('timestamp', '')}:{query.get('nonce', '')}"


def _check_fresh(timestamp: str, now: float, window_seconds: float) -> None:
    """Refuse a push whose signed timestamp is further than the window from now (a replay
    of an old capture, or a clock far off)."""
    try:
        stamped = int(timestamp)
    except ValueError:
        raise ReplayedPush("timestamp is not a number") from None
    if abs(now - stamped) > window_seconds:
        raise ReplayedPush(f"timestamp {stamped} is outside the freshness window")
