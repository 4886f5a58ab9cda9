"""UPS Track Alert: subscribe watched 1Z numbers, renew them, turn pushed events into refreshes.

The pushed event travels with its refresh job: the refresh notifies from it when the Track
API cannot answer, so a scan reaches the user even while UPS's Track API is failing.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable

from backend.domain.errors import CarrierUnavailable, SubscriptionRefused
from backend.domain.model import TrackingEvent, event_moment
from backend.domain.numbers import mask_number
from backend.domain.statuses import is_final
from backend.domain.track_alert import SubscribeResult, WebhookEvent, batches
from backend.ports import (
    Clock,
    DeliveryProofs,
    PieceLinks,
    TrackAlertClient,
    TrackAlertStore,
    TrackingStateStore,
    WatchStore,
    WebhookParser,
)

log = logging.getLogger(__name__)

DAY = 24 * 3600
# Track Alert takes UPS numbers only (1R Roadie numbers are not tracked by this app).
ONE_Z = re.compile(r"^1Z[0-9A-Z]{16}$")
SUBSCRIPTION_SECONDS = 14 * DAY  # docs/ups.md §8; UPS does not say when ours ends
RENEW_BEFORE_SECONDS = 2 * DAY
# A taken number is not taken again for this long (a worker died mid-call), then retried.
LEASE_SECONDS = 300
RETRY_SECONDS = 300  # after a transient failure
TAKE_LIMIT = 1000
# Longer than any plausible repeat of one event by UPS.
SEEN_SECONDS = 3 * DAY
# Events older than this are refused, so a replayed capture is either refused or still in
# the sightings set (SEEN_SECONDS, with a margin for local times read without an offset).
MAX_EVENT_AGE_SECONDS = 2 * DAY
MAX_EVENT_LEAD_SECONDS = DAY  # a local time without its offset may read up to 14 h ahead


class StaleWebhookEventError(ValueError):
    """An authentic-looking event stamped outside the freshness window: not processed."""


class TrackAlertService:
    """Track Alert subscriptions are made by the worker's step, never inside a user's request."""

    def __init__(
        self,
        client: TrackAlertClient,
        store: TrackAlertStore,
        watches: WatchStore,
        state: TrackingStateStore,
        enqueue: Callable[[str, TrackingEvent | None], None],
        parse: WebhookParser,
        enabled: bool = True,
        clock: Clock = time.time,
        proofs: DeliveryProofs | None = None,
        links: PieceLinks | None = None,
    ) -> None:
        self._client = client
        self._parse = parse
        self._store = store
        self._watches = watches
        self._state = state
        self._enqueue = enqueue
        self.enabled = enabled  # False without a webhook credential: events would be refused
        self._clock = clock
        self._proofs = proofs
        self._links = links  # other pieces of a watched shipment -> its watched number

    def want(self, number: str) -> None:
        """`number` is watched: have the worker subscribe it soon (one Redis write or none)."""
        if not self.enabled or not ONE_Z.match(number):
            return
        now = self._clock()
        subscription = self._store.get(number)
        fresh = (subscription.expires_at or 0) > now + RENEW_BEFORE_SECONDS
        if not subscription.rejected and not fresh:
            self._store.want(number, now)

    def follow_pieces(self, lead: str, numbers: tuple[str, ...]) -> None:
        """The other pieces of `lead`'s shipment: their pushed scans refresh `lead`."""
        if self._links is None:
            return
        for number in numbers:
            if number != lead and self._links.lead_of(number) != lead:
                self._links.link(number, lead)
                self.want(number)

    def _watcher_number(self, number: str) -> str | None:
        """`number` when watched, else the watched number it is a piece of, else None."""
        if self._watches.watchers(number):
            return number
        lead = self._links.lead_of(number) if self._links else None
        return lead if lead and self._watches.watchers(lead) else None

    def is_subscribed(self, number: str) -> bool:
        """True while UPS pushes this number's events (polling can then slow down)."""
        return self.enabled and self._store.get(number).active(self._clock())

    def renew_due(self, now: float | None = None) -> int:
        """Subscribe what is due: new watches, and subscriptions expiring within two days
        while the parcel is undelivered and watched. Returns how many UPS accepted."""
        now = self._clock() if now is None else now
        due = self._store.take_due(now, TAKE_LIMIT, LEASE_SECONDS) if self.enabled else []
        if not due:
            return 0
        watched = {number for number in due if self._watcher_number(number)}
        self._store.drop([number for number in due if number not in watched])
        return len(self.subscribe_watched([n for n in due if n in watched], now).valid)

    def subscribe_watched(self, numbers: list[str], now: float | None = None) -> SubscribeResult:
        """Subscribe those of `numbers` that need it: 1Z, not refused before, not final,
        not subscribed or expiring within two days. Up to 100 per UPS call."""
        now = self._clock() if now is None else now
        wanted = self._needing(numbers, now)
        result = SubscribeResult()
        size = self._client.batch_size
        for index, batch in enumerate(batches(wanted, size)):
            try:
                result.add(self._subscribe(batch, now))
            except CarrierUnavailable as error:
                rest = wanted[index * size :]
                log.warning("Track Alert unavailable (%s); %d numbers later", error, len(rest))
                self._store.retry_at(rest, now + RETRY_SECONDS)
                break
        return result

    def _needing(self, numbers: list[str], now: float) -> list[str]:
        """The numbers to send; the others leave the due set or wait for their renewal."""
        wanted, done = [], []
        for number in dict.fromkeys(numbers):
            subscription = self._store.get(number)
            expires = subscription.expires_at or 0
            # A piece of a watched shipment is done once the whole shipment is.
            done_with = self._watcher_number(number) or number
            if not ONE_Z.match(number) or subscription.rejected or self._final(done_with):
                done.append(number)
            elif expires > now + RENEW_BEFORE_SECONDS:
                self._store.retry_at([number], expires - RENEW_BEFORE_SECONDS)
            else:
                wanted.append(number)
        self._store.drop(done)
        return wanted

    def _final(self, number: str) -> bool:
        status = self._state.load(number).status
        return status is not None and is_final(status)

    def _subscribe(self, batch: list[str], now: float) -> SubscribeResult:
        """One UPS call; hard refusals are logged and remembered, never retried."""
        try:
            result = self._client.subscribe_batch(batch)
        except SubscriptionRefused as error:
            log.error("Track Alert refused %d numbers: %s %s", len(batch), error.detail, error)
            self._store.rejected(batch, error.reason)
            return SubscribeResult([], batch)
        expires = now + SUBSCRIPTION_SECONDS
        self._store.subscribed(result.valid, expires, expires - RENEW_BEFORE_SECONDS)
        self._store.rejected(result.invalid, "invalid")
        answered = set(result.valid) | set(result.invalid)
        self._store.retry_at([n for n in batch if n not in answered], now + RETRY_SECONDS)
        if result.invalid:
            log.warning("Track Alert: %d invalid numbers", len(result.invalid))
        return result

    def handle_webhook(self, payload: object) -> bool:
        """Map one pushed event; unless seen before, enqueue the polling refresh job for its
        number now. True for a new event. Raises MalformedEvent for a non-event body."""
        pushed = self._parse(payload)
        number, fingerprint = pushed.number, pushed.fingerprint
        self._check_fresh(pushed.event.time)
        # Before de-duplication: a late photo arrives as a repeat of its delivery event.
        proof_added = self._keep_proof(pushed)
        if not self._store.first_sighting(number, fingerprint, SEEN_SECONDS):
            log.info("Track Alert event for %s seen before; ignored", mask_number(number))
            if proof_added:  # the snapshot learns of the photo from a refresh
                self._enqueue(number, None)
            return False
        watched = self._watcher_number(number)
        if watched is None:
            log.info("Track Alert event for %s, which nobody watches", mask_number(number))
            return True
        try:  # a piece's scan refreshes the watched number (not as its own scan)
            self._enqueue(watched, pushed.event if watched == number else None)
        except Exception:
            self._store.forget_sighting(number, fingerprint)  # a resend may then succeed
            raise
        log.info(
            "Track Alert event %s for %s: refresh enqueued",
            pushed.event.ups_code,
            mask_number(number),
        )
        return True

    def _keep_proof(self, pushed: WebhookEvent) -> bool:
        """A watched parcel's photo and signer are kept for its watchers (nobody else's);
        True when a photo was kept."""
        proofs, number = self._proofs, pushed.number
        if proofs is None or not (pushed.photo or pushed.received_by):
            return False
        if not self._watches.watchers(number):
            return False
        if pushed.received_by:
            proofs.save_signer(number, pushed.received_by)
        kept = pushed.photo is not None and proofs.save_photo(number, pushed.photo)
        if kept:
            log.info("Track Alert delivery photo kept for %s", mask_number(number))
        return kept

    def _check_fresh(self, event_time: str) -> None:
        """Raise StaleWebhookEventError for a scan too old or too far ahead; an event without
        a time passes (UPS leaves fields blank) and is still de-duplicated."""
        moment = event_moment(event_time)
        if moment is None:
            return
        now, stamped = self._clock(), moment.timestamp()
        if not now - MAX_EVENT_AGE_SECONDS <= stamped <= now + MAX_EVENT_LEAD_SECONDS:
            raise StaleWebhookEventError(f"event time {event_time} is outside the window")
