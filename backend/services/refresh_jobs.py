"""The worker's use cases: move due numbers onto the refresh queue, and run one refresh."""

from __future__ import annotations

import time
from collections.abc import Callable

from backend.domain.model import TrackingEvent
from backend.domain.sends import FanoutSlice, Outcome
from backend.domain.statuses import is_final
from backend.ports import RefreshQueue, RefreshSchedule
from backend.services.refresh import Refresher, RefreshOutcome

BATCH = 1000
# A taken number is not taken again for this long unless its job reschedules it sooner.
DUE_LEASE_SECONDS = 300


def enqueue_due(
    schedule: RefreshSchedule,
    queue: RefreshQueue,
    now: float | None = None,
    lease: float = DUE_LEASE_SECONDS,
) -> int:
    """Take every due number (in batches) and enqueue one refresh job each."""
    now = time.time() if now is None else now
    total = 0
    while True:
        due = schedule.take_due(now, BATCH, lease)
        queue.enqueue_many(due)
        total += len(due)
        if len(due) < BATCH:
            return total


class RefreshJob:
    """The refresh job's body: refresh and notify, then keep carrier pushes coming."""

    def __init__(self, refresher: Refresher, want_push: Callable[[str], None]) -> None:
        self._refresher = refresher
        self._want_push = want_push

    def run(self, number: str, pushed: TrackingEvent | None = None) -> RefreshOutcome:
        outcome = self._refresher.refresh(number, pushed)
        if outcome.status is not None and not is_final(outcome.status):
            # Still watched and moving: also subscribes numbers watched before Track Alert.
            self._want_push(number)
        return outcome

    def announce_slice(self, part: FanoutSlice) -> tuple[Outcome, ...]:
        return self._refresher.announce_slice(part)
