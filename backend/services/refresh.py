"""Refresh one watched number: one UPS call, diff, save, announce, schedule the next poll."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from backend.domain.model import Shipment, TrackingEvent, event_moment, latest_event
from backend.domain.numbers import mask_number
from backend.domain.pending import worth_telling
from backend.domain.pieces import as_whole
from backend.domain.reminders import pickup_reminder
from backend.domain.retry import notify_retry_delay, refresh_retry_delay
from backend.domain.sends import RETRY_LATER, FanoutSlice, Outcome
from backend.domain.statuses import Status, is_final
from backend.domain.tracking import (
    StatusChange,
    TrackingState,
    detect_change,
    next_poll_delay,
    with_pushed_event,
)
from backend.ports import (
    Clock,
    Metrics,
    NullMetrics,
    RefreshSchedule,
    TrackingStateStore,
    WatchStore,
)
from backend.ports.metrics import Refreshed, Retried
from backend.services.fanout import FanOut
from backend.services.lookup import LookupService
from backend.services.notifications import Notifier

log = logging.getLogger(__name__)
# The worker reads UPS in Chinese (one snapshot per number serves every watcher); each
# message is then worded in its reader's own language (notice_for, CreditLedger.language).
WORKER_LANG = "zh"


@dataclass(frozen=True)
class RefreshOutcome:
    number: str
    status: Status | None
    changed: bool
    outcomes: tuple[Outcome, ...]  # one per watcher and pending change
    next_poll: float | None


class Refresher:
    """The refresh-and-notify job body, shared by polling and Track Alert webhooks."""

    def __init__(
        self,
        lookup: LookupService,
        watches: WatchStore,
        state: TrackingStateStore,
        schedule: RefreshSchedule,
        notifier: Notifier,
        scale: float = 1.0,
        clock: Clock = time.time,
        is_subscribed: Callable[[str], bool] = lambda number: False,
        upstream_pause: Callable[[], float] = lambda: 0.0,
        metrics: Metrics | None = None,
        fanout: int = 1,
        fan: FanOut | None = None,
        on_delivered: Callable[[Shipment], None] = lambda shipment: None,
        follow_pieces: Callable[[str, tuple[str, ...]], None] = lambda lead, numbers: None,
    ) -> None:
        self._lookup = lookup
        self._watches = watches
        self._state = state
        self._schedule = schedule
        self._notifier = notifier
        self._scale = scale
        self._clock = clock
        self._is_subscribed = is_subscribed
        self._upstream_pause = upstream_pause  # seconds the carrier asked every caller to wait
        self._metrics = metrics or NullMetrics()
        # Sends to one change's watchers `fanout` at a time; `fan` also splits large ones.
        self._fan = fan or FanOut(fanout)
        self.on_delivered = on_delivered  # e.g. the ETA estimator learning the lane
        self.follow_pieces = follow_pieces  # the other pieces' pushes then refresh this number

    def refresh(self, number: str, pushed: TrackingEvent | None = None) -> RefreshOutcome:
        """Poll UPS for `number` and tell its watchers about any new status. `pushed` is a
        Track Alert scan: when UPS's Track API fails, the watchers hear of it from the scan
        alone, and the number is refreshed again soon to complete the picture."""
        if not self._watches.watchers(number):
            self.stop(number)
            return RefreshOutcome(number, None, False, (), None)
        result = self._lookup.lookup_one(number, WORKER_LANG, force=True)
        state = self._state.load(number)  # once per refresh: the record below adds to it
        failed = result.snapshot is None or result.stale
        known = result.snapshot.shipment if result.snapshot else None
        if not failed and known is not None:
            shipment = known
        elif pushed is not None and pushed.status is not Status.UNKNOWN:
            shipment = with_pushed_event(known, number, pushed)
        else:
            self._metrics.refreshed(Refreshed.FAILED)
            return self._failed(number, state)
        self._metrics.refreshed(Refreshed.FROM_EVENT if failed else Refreshed.OK)
        # Watchers of a multi-piece shipment hear of its last delivery and of any trouble.
        if shipment.pieces is not None:
            self.follow_pieces(number, shipment.pieces.numbers)
        shipment = as_whole(shipment)
        change = detect_change(state.status, shipment)
        if change is not None and change.current is Status.DELIVERED:
            self._learn(shipment)
        final_at = state.final_at
        if final_at is None and is_final(shipment.status):
            final_at = self._clock()
        self._state.record(number, shipment.status, change, failures=0, final_at=final_at)
        outcomes = self._announce(number, shipment, state.with_change(change))
        outcomes += self.remind(number, shipment)
        if failed:  # told from the pushed scan; the Track API is asked again soon
            retried = self._failed(number, TrackingState(shipment.status, state.failures))
            return RefreshOutcome(number, shipment.status, change is not None, outcomes,
                                  retried.next_poll)  # fmt: skip
        later = Outcome.HELD if Outcome.HELD in outcomes else None
        if Outcome.RETRY in outcomes or Outcome.SLICED in outcomes:  # a send or slice to finish
            later = Outcome.RETRY
        next_poll = self._plan(number, shipment, final_at, failures=0, later=later)
        return RefreshOutcome(number, shipment.status, change is not None, outcomes, next_poll)

    def remind(
        self, number: str, shipment: Shipment, now: float | None = None
    ) -> tuple[Outcome, ...]:
        """The day-before pickup reminder, when due: sent once per watcher (the send log
        keeps its stable id), held in quiet hours and retried like any message."""
        reminder = pickup_reminder(shipment, self._clock() if now is None else now)
        if reminder is None:
            return ()
        notify = partial(self._notify, change=reminder, shipment=shipment)
        # Not a pending change (follow-up slice jobs read those): sent here, whole.
        return tuple(self._fan.send(notify, self._watchers(number)))

    def _learn(self, shipment: Shipment) -> None:
        try:
            self.on_delivered(shipment)
        except Exception:  # learning is a side effect: never lose the announcement to it
            log.exception("learning from the delivery of %s failed", mask_number(shipment.number))

    def start(self, number: str, shipment: Shipment | None) -> None:
        """A user began watching: remember today's status and poll soon."""
        if shipment is not None and shipment.pieces is not None:
            self.follow_pieces(number, shipment.pieces.numbers)
        shipment = as_whole(shipment) if shipment else None
        state = self._state.load(number)
        if shipment and state.status is None:
            self._state.record(number, shipment.status, None)
        if shipment is None:
            self._schedule.set_if_sooner(number, self._clock() + 60 * self._scale)
            return
        self._plan(number, shipment, state.final_at, failures=0, later=None)

    def stop(self, number: str) -> None:
        """Nobody watches any more: stop polling and forget the state."""
        self._schedule.remove(number)
        self._state.forget(number)

    def _announce(
        self, number: str, shipment: Shipment, pending: tuple[StatusChange, ...]
    ) -> tuple[Outcome, ...]:
        """Tell every watcher the changes still worth it, most important first."""
        told, superseded = worth_telling(pending)
        for change in superseded:
            self._state.announced(number, change.change_id)
        if superseded:
            self._metrics.superseded(len(superseded))
        outcomes: list[Outcome] = []
        watchers = self._watchers(number) if told else []
        for change in told:
            notify = partial(self._notify, change=change, shipment=shipment)
            results, done = self._fan.tell(number, change.change_id, notify, watchers)
            outcomes.extend(results)
            if done:  # else kept for the next visit (or the last slice's job)
                self._state.announced(number, change.change_id)
        return tuple(outcomes)

    def announce_slice(self, part: FanoutSlice) -> tuple[Outcome, ...]:
        """A follow-up job's share of a large fan-out: the stored pending change, if still
        worth telling, sent to the slice's openids; the last slice to finish announces it."""
        number, change_id = part.number, part.change_id
        told, _superseded = worth_telling(self._state.load(number).pending)
        change = next((c for c in told if c.change_id == change_id), None)
        results: list[Outcome] = []
        if change is not None:  # else announced, overtaken or forgotten: nothing to say
            lookup = self._lookup.lookup_one(number, WORKER_LANG)
            if lookup.snapshot is None:
                results = [Outcome.RETRY]
            else:
                notify = partial(self._notify, change=change, shipment=lookup.snapshot.shipment)
                results = self._fan.send(notify, list(part.openids))
        if self._fan.finished(part, results):
            self._state.announced(number, change_id)
        elif RETRY_LATER.intersection(results):  # a later refresh starts a new round
            self._schedule.set_if_sooner(number, self._clock() + notify_retry_delay(self._scale))
        return tuple(results)

    def _notify(self, openid: str, change: StatusChange, shipment: Shipment) -> Outcome:
        watch = self._watches.get(openid, change.number)
        if watch is None:
            return Outcome.SKIPPED
        outcome = self._notifier.notify(openid, change, shipment, watch.nickname)
        log.info("change %s of %s → %s", change.current.value, mask_number(change.number), outcome)
        return outcome

    def _watchers(self, number: str) -> list[str]:
        return sorted(self._watches.watchers(number))

    def _failed(self, number: str, state: TrackingState) -> RefreshOutcome:
        """UPS did not answer: try again soon, whatever the cadence (a change may be due),
        after any pause UPS asked everybody to keep."""
        failures = state.failures + 1
        self._state.set_failures(number, failures)
        status = state.status or Status.UNKNOWN
        at = self._clock() + refresh_retry_delay(failures, self._scale, self._upstream_pause())
        self._metrics.retry(Retried.REFRESH)
        self._schedule.set(number, at)
        return RefreshOutcome(number, status, False, (Outcome.RETRY,), at)

    def _plan(
        self,
        number: str,
        shipment: Shipment,
        final_at: float | None,
        failures: int,
        later: Outcome | None,
    ) -> float | None:
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
        if later is Outcome.HELD:  # quiet hours: come back within the hour to deliver held messages
            delay = min(delay or 3600.0, 3600.0)
        elif later is Outcome.RETRY:  # a send was busy or awaits its evidence: back soon for it
            delay = min(delay or 3600.0, notify_retry_delay(self._scale))
        if delay is None:
            self._schedule.remove(number)
            return None
        self._schedule.set(number, now + delay)
        return now + delay


def _age(iso_time: str, now: float) -> float | None:
    moment = event_moment(iso_time)
    return None if moment is None else max(0.0, now - moment.timestamp())
