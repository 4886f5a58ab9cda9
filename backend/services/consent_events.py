"""Apply subscribe-message events pushed by WeChat (popup, change, sent) to the ledger."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import time
from collections.abc import Callable, Mapping

from backend.domain.consent import PushClaim, SubscribeEvent
from backend.domain.errors import PushInProgress, ReplayedPush
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
# WeChat waits 5 s for an answer, then sends the same request again (three tries in all).
# A retry that finds the first still being applied waits this long for it, well inside
# those 5 s; a claim whose request died mid-way frees itself after the lease.
IN_PROGRESS_WAIT_SECONDS = 3.0
IN_PROGRESS_POLL_SECONDS = 0.05
LEASE_SECONDS = 10.0
# The query fields WeChat signs or sends with a push: with the body, they identify a request.
_REQUEST_FIELDS = ("signature", "msg_signature", "timestamp", "nonce", "encrypt_type")


class ConsentEvents:
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
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._inbox = inbox
        self._ledger = ledger
        self._seen = seen
        self._sends = sends
        self._nonces = nonces
        self._window = window_seconds  # how far a push's signed timestamp may be from now
        self._metrics = metrics or NullMetrics()
        self._clock = clock
        self._sleep = sleep

    def verify_url(self, signature: str, timestamp: str, nonce: str, echostr: str) -> str:
        """The echo for the messenger's URL check; raises BadSignature when not signed by us."""
        return self._inbox.verify_url(signature, timestamp, nonce, echostr)

    def open(self, body: bytes, query: Mapping[str, str]) -> list[SubscribeEvent]:
        """The subscribe events of an authentic, fresh push; raises BadSignature
        (ReplayedPush when stamped outside the window) or MalformedPush.

        The signature binds timestamp and nonce, so a captured push can only be replayed
        inside the window; `receive` stops that too, by the nonce.
        """
        events = self._inbox.open(body, query)
        _check_fresh(query.get("timestamp", ""), self._clock(), self._window)
        return events

    def receive(self, body: bytes, query: Mapping[str, str]) -> bool:
        """Open, claim, apply and settle one pushed request. True when applied now; False
        when it repeats a request already applied (the sender's retry: acknowledge it,
        nothing happens again).

        Raises what `open` raises; ReplayedPush for a different request under a nonce
        already used (a replay); PushInProgress when the same request is still being
        applied elsewhere after a short wait; whatever applying raised (the claim is then
        freed, so the sender's retry is applied).
        """
        events = self.open(body, query)
        nonce, fingerprint = _nonce(query), _fingerprint(body, query)
        if not self._claim(nonce, fingerprint):
            log.info("push acknowledged: a retry of one already applied")
            return False
        try:
            self.apply(events)
        except BaseException:
            with contextlib.suppress(Exception):  # else the claim ends with its lease
                self._nonces.forget(NONCE_SCOPE, nonce, fingerprint)
            raise
        # Kept a little longer than the window either side of now: stale after that anyway.
        self._nonces.settle(NONCE_SCOPE, nonce, fingerprint, 2 * self._window + 60)
        if not events:
            log.info("push acknowledged: not a subscribe event")
        return True

    def _claim(self, nonce: str, fingerprint: str) -> bool:
        """True: this request applies the push; False: the same request was applied."""
        deadline = self._clock() + IN_PROGRESS_WAIT_SECONDS
        while True:
            state = self._nonces.claim(NONCE_SCOPE, nonce, fingerprint, LEASE_SECONDS)
            if state is PushClaim.OTHER:
                raise ReplayedPush("nonce used before by another request")
            if state is not PushClaim.IN_PROGRESS:
                return state is PushClaim.FIRST
            if self._clock() >= deadline:
                raise PushInProgress("the same push is still being applied")
            self._sleep(IN_PROGRESS_POLL_SECONDS)

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
            self._ledger.record_answer(
                event.openid, event.template_id, answer or "accept", side="push"
            )
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


def _fingerprint(body: bytes, query: Mapping[str, str]) -> str:
    """The same request (signed fields and body) -> the same fingerprint."""
    digest = hashlib.sha256()
    for name in _REQUEST_FIELDS:
        digest.update(query.get(name, "").encode("utf-8", "replace") + b"\0")
    digest.update(body)
    return digest.hexdigest()[:32]


def _check_fresh(timestamp: str, now: float, window_seconds: float) -> None:
    """Refuse a push whose signed timestamp is further than the window from now (a replay
    of an old capture, or a clock far off)."""
    try:
        stamped = int(timestamp)
    except ValueError:
        raise ReplayedPush("timestamp is not a number") from None
    if abs(now - stamped) > window_seconds:
        raise ReplayedPush(f"timestamp {stamped} is outside the freshness window")
