"""Refresh one watched number: one UPS call, diff, save, announce, schedule the next poll."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from backend.domain.model import Shipment, event_moment, latest_event
from backend.domain.statuses import Status, is_final
from backend.domain.tracking import StatusChange, TrackingState, detect_change, next_poll_delay
from backend.ports import Clock, Schedule, TrackingStates, WatchStore
from backend.services.lookup import LookupService
from backend.services.notifications import Notifier

log = logging.getLogger(__name__)
# The worker reads UPS in Chinese: messages go out in Chinese.
WORKER_LANG = "zh"


@dataclass(frozen=True)
class RefreshOutcome:
    number: str
    status: Status | None
    changed: bool
    outcomes: tuple[str, ...]  # one per watcher and pending change: sent, duplicate, ...
    next_poll: float | None


class Refresher:
    """The refresh-and-notify job body, shared by polling and Track Alert webhooks."""

    def __init__(
        self,
        lookup: LookupService,
        watches: WatchStore,
        state: TrackingStates,
        schedule: Schedule,
        notifier: Notifier,
        scale: float = 1.0,
        clock: Clock = time.time,
        is_subscribed: Callable[[str], bool] = lambda number: False,
    ) -> None:
        self._lookup = lookup
        self._watches = watches
        self._state = state
        self._schedule = schedule
        self._notifier = notifier
        self._scale = scale
        self._clock = clock
        self._is_subscribed = is_subscribed

    def refresh(self, number: str) -> RefreshOutcome:
        """Poll UPS for `number` and tell its watchers about any new status."""
        if not self._watches.watchers(number):
            self.stop(number)
            return RefreshOutcome(number, None, False, (), None)
        result = self._lookup.lookup_one(number, WORKER_LANG, force=True)
        state = self._state.load(number)  # once per refresh: the record below adds to it
        if result.snapshot is None or result.stale:
            return self._failed(number, state)
        shipment = result.snapshot.shipment
        change = detect_change(state.status, shipment)
        final_at = state.final_at
        if final_at is None and is_final(shipment.status):
            final_at = self._clock()
        self._state.record(number, shipment.status, change, failures=0, final_at=final_at)
        outcomes = self._announce(number, shipment, state.with_change(change))
        next_poll = self._plan(number, shipment, final_at, failures=0, held="held" in outcomes)
        return RefreshOutcome(number, shipment.status, change is not None, outcomes, next_poll)

    def start(self, number: str, shipment: Shipment | None) -> None:
        """A user began watching: remember today's status and poll soon."""
        state = self._state.load(number)
        if shipment and state.status is None:
            self._state.record(number, shipment.status, None)
        if shipment is None:
            self._schedule.set_if_sooner(number, self._clock() + 60 * self._scale)
            return
        self._plan(number, shipment, state.final_at, failures=0, held=False)

    def stop(self, number: str) -> None:
        """Nobody watches any more: stop polling and forget the state."""
        self._schedule.remove(number)
        self._state.forget(number)

    def _announce(
        self, number: str, shipment: Shipment, pending: tuple[StatusChange, ...]
    ) -> tuple[str, ...]:
        outcomes: list[str] = []
        for change in pending:
            results = [self._notify(openid, change, shipment) for openid in self._watchers(number)]
            outcomes.extend(results)
            if "held" not in results:
                self._state.announced(number, change.change_id)
        return tuple(outcomes)

    def _notify(self, openid: str, change: StatusChange, shipment: Shipment) -> str:
        watch = self._watches.get(openid, change.number)
        if watch is None:
            return "skipped"
        outcome = self._notifier.notify(openid, change, shipment, watch.nickname)
        log.info("change %s of %s → %s", change.current.value, change.number, outcome)
        return outcome

    def _watchers(self, number: str) -> list[str]:
        return sorted(self._watches.watchers(number))

    def _failed(self, number: str, state: TrackingState) -> RefreshOutcome:
        failures = state.failures + 1
        self._state.set_failures(number, failures)
        status = state.status or Status.UNKNOWN
        delay = next_poll_delay(
            status, seconds_since_event=None, failures=failures, scale=self._scale
        )
        at = self._clock() + (delay or 3600 * self._scale)
        self._schedule.set(number, at)
        return RefreshOutcome(number, status, False, (), at)

    def _plan(self, number: str, shipment: Shipment, final_at: float | None, failures: int,
              held: bool) -> float | None:  # fmt: skip
        now = self._clock()
        event = latest_event(shipment)
        delay = next_poll_delay(
            shipment.status,
            seconds_since_event=_age(event.time, now) if event else None,
            seconds_since_final=None if final_at is None else now - final_at,
            failures=failures,
            scale=self._scale,
            subscribed=self._is_subscribed(number),
        )
        if held:  # quiet hours: come back within the hour to deliver held messages
            delay = min(delay or 3600.0, 3600.0)
        if delay is None:
            self._schedule.remove(number)
            return None
        self._schedule.set(number, now + delay)
        return now + delay


def _age(iso_time: str, now: float) -> float | None:
    moment = event_moment(iso_time)
    return None if moment is None else max(0.0, now - moment.timestamp())
