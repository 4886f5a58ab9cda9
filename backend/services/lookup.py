"""Batch lookup: up to 30 numbers, cached, single-flight, fanned out to UPS in parallel."""

from __future__ import annotations

import contextvars
import logging
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace

from backend.domain.errors import CarrierError, NumberNotFound, NumberRejected
from backend.domain.model import HeldAt, Shipment
from backend.domain.numbers import NumberCheck, mask_number, parse_numbers
from backend.domain.snapshots import CachedSnapshot
from backend.ports import Carrier, Clock, SnapshotCache
from backend.services.locations import Found
from backend.services.upstream_budget import UpstreamBudgetSpent

log = logging.getLogger(__name__)

MAX_NUMBERS = 30
# Longer than the UPS client's worst case (timeouts and retries), so a lock never outlives
# its owner's call by much yet never expires while the owner is still waiting on UPS.
LOCK_SECONDS = 30.0
WAIT_STEP_SECONDS = 0.02
# Remembered-error code of a number UPS itself refused (TV1002); answered as invalid_number.
REJECTED = "rejected_by_ups"

# The Access Point (or locker) holding a parcel, if the locator finds it (LocationService).
AccessPointFinder = Callable[[HeldAt], Found | None]


class NoNumbersError(ValueError):
    """The input held nothing that looks like a tracking number."""


class TooManyNumbersError(ValueError):
    """More numbers than one lookup accepts."""

    def __init__(self, count: int) -> None:
        super().__init__(count)
        self.count = count


@dataclass(frozen=True)
class Lookup:
    """The answer for one number: a snapshot (maybe stale) or an error code."""

    number: str
    snapshot: CachedSnapshot | None = None
    stale: bool = False
    error: str | None = None  # invalid_number | not_found | upstream_unavailable
    reason: str | None = None  # why a number is invalid (numbers.NumberCheck.reason)
    access_point: Found | None = None  # where a parcel held for pickup waits, when found


class LookupService:
    """Answers lookups from the cache, calling UPS at most once per number at a time."""

    def __init__(
        self,
        carrier: Carrier,
        cache: SnapshotCache,
        concurrency: int = 10,
        clock: Clock = time.time,
        held_at: AccessPointFinder | None = None,
        before_call: Callable[[], None] = lambda: None,
        complete: Callable[[Shipment], Shipment] = lambda shipment: shipment,
    ) -> None:
        """`before_call` runs before each UPS call and may refuse it by raising
        (services.upstream_budget.UpstreamBudget.spend)."""
        self._carrier = carrier
        self._cache = cache
        self._clock = clock
        self._held_at = held_at
        self._before_call = before_call
        self._complete = complete  # adds what the carrier's answer lacks (an ETA estimate)
        self._pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="ups-lookup")

    def _submit(self, number: str, lang: str) -> Future[Lookup]:
        # In the caller's context: who is asking decides whose budget a UPS call spends.
        return self._pool.submit(
            contextvars.copy_context().run, self.lookup_for_reader, number, lang
        )

    def check_numbers(self, numbers: str | list[str]) -> list[NumberCheck]:
        """Split and validate the input; raise when it is empty or too long."""
        checks = parse_numbers(numbers)
        if not checks:
            raise NoNumbersError()
        if len(checks) > MAX_NUMBERS:
            raise TooManyNumbersError(len(checks))
        return checks

    def lookup_many(self, numbers: str | list[str], lang: str) -> list[Lookup]:
        """One result per distinct number, in input order, for a person to read (with the
        Access Point of a parcel held for pickup); UPS calls run in parallel."""
        checks = self.check_numbers(numbers)
        if sum(check.valid for check in checks) <= 1:
            # One number: answer in this thread; a pool hand-off would only add latency.
            return [self._answer(check, lang) for check in checks]
        futures = {
            check.number: self._submit(check.number, lang) for check in checks if check.valid
        }
        return [
            futures[check.number].result() if check.valid else self._answer(check, lang)
            for check in checks
        ]

    def lookup_all(self, numbers: list[str], lang: str) -> list[Lookup]:
        """Lookups of numbers already checked (a watch list), however many, in order.

        The 30-number cap guards a user's request; a watch list may hold more (up to its
        own limit), so it is looked up in parallel without going through that cap.
        """
        if len(numbers) <= 1:
            return [self.lookup_for_reader(number, lang) for number in numbers]
        futures = [self._submit(number, lang) for number in numbers]
        return [future.result() for future in futures]

    def lookup_for_reader(self, number: str, lang: str) -> Lookup:
        """`lookup_one`, plus the Access Point where a parcel held for pickup waits: what a
        person reading the Result needs (the worker and the shared card do without)."""
        lookup = self.lookup_one(number, lang)
        shipment = lookup.snapshot.shipment if lookup.snapshot else None
        if self._held_at is None or shipment is None or shipment.held_at is None:
            return lookup
        return replace(lookup, access_point=self._held_at(shipment.held_at))

    def _answer(self, check: NumberCheck, lang: str) -> Lookup:
        if not check.valid:
            return Lookup(check.number, error="invalid_number", reason=check.reason)
        return self.lookup_for_reader(check.number, lang)

    def lookup_one(self, number: str, lang: str, force: bool = False) -> Lookup:
        """The number's snapshot: cached when fresh (unless `force`), else from UPS."""
        cached = self._cache.get(number, lang)
        if cached and not force and cached.is_fresh(self._clock()):
            return Lookup(number, cached)
        error = self._cache.recent_error(number, lang)
        if error and not force:
            return self._failed(number, cached, error)
        token = self._cache.try_lock(number, lang, LOCK_SECONDS)
        if token is None:
            waited = self._wait_for_owner(number, lang, cached)
            # A forced refresh (a webhook's scan, a due poll) must see UPS as of now, not
            # the answer of a lookup that began before the scan: fetch once more if free.
            token = self._cache.try_lock(number, lang, LOCK_SECONDS) if force else None
            if token is None:
                return waited
            cached = self._cache.get(number, lang)
        try:
            return self._refresh(number, lang, cached)
        finally:
            self._cache.unlock(number, lang, token)

    def _refresh(self, number: str, lang: str, cached: CachedSnapshot | None) -> Lookup:
        try:
            self._before_call()
        except UpstreamBudgetSpent:
            if cached:  # no budget for a fresh answer: the last one, marked stale, will do
                return Lookup(number, cached, stale=True)
            raise
        try:
            shipment = self._carrier.track(number, lang)
        except NumberNotFound:
            self._cache.remember_error(number, lang, "not_found")
            return Lookup(number, error="not_found")
        except NumberRejected:
            # TV1002 will not change on a retry either: remember it like a not-found number.
            self._cache.remember_error(number, lang, REJECTED)
            return self._failed(number, cached, REJECTED)
        except CarrierError as error:
            log.warning("UPS lookup of %s failed: %s", mask_number(number), error.detail)
            self._cache.remember_error(number, lang, "upstream_unavailable")
            return self._failed(number, cached, "upstream_unavailable")
        shipment = self._completed(shipment)
        return Lookup(number, self._cache.put(number, lang, shipment, self._clock()))

    def _completed(self, shipment: Shipment) -> Shipment:
        try:
            return self._complete(shipment)
        except Exception:  # an extra must never cost the lookup itself
            log.exception("completing the snapshot of %s failed", mask_number(shipment.number))
            return shipment

    def _wait_for_owner(self, number: str, lang: str, cached: CachedSnapshot | None) -> Lookup:
        """Another thread or process is calling UPS for this number: wait for its answer."""
        seen = cached.fetched_at if cached else 0.0
        deadline = time.monotonic() + LOCK_SECONDS
        while time.monotonic() < deadline:
            time.sleep(WAIT_STEP_SECONDS)
            latest = self._cache.get(number, lang)
            if latest and latest.fetched_at > seen:
                return Lookup(number, latest)
            error = self._cache.recent_error(number, lang)
            if error:
                return self._failed(number, latest, error)
            if not self._cache.is_locked(number, lang):
                break
        return self._failed(number, self._cache.get(number, lang), "upstream_unavailable")

    @staticmethod
    def _failed(number: str, cached: CachedSnapshot | None, error: str) -> Lookup:
        """Serve the old snapshot as stale when UPS is down; otherwise report the error."""
        if cached and error == "upstream_unavailable":
            return Lookup(number, cached, stale=True)
        if error == REJECTED:
            return Lookup(number, error="invalid_number", reason=REJECTED)
        return Lookup(number, error=error)
