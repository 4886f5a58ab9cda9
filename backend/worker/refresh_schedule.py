"""The schedule step's thread: move due numbers from the refresh schedule onto the refresh queue."""

from __future__ import annotations

from backend.ports import RefreshQueue, RefreshSchedule
from backend.services.refresh_jobs import DUE_LEASE_SECONDS, enqueue_due
from backend.worker.steps import StepThread


class RefreshScheduleThread(StepThread):
    """Runs the schedule step every `interval` seconds until stopped."""

    def __init__(
        self,
        schedule: RefreshSchedule,
        queue: RefreshQueue,
        interval: float = 1.0,
        lease: float = DUE_LEASE_SECONDS,
    ) -> None:
        super().__init__("schedule", interval, "enqueued %d due refreshes")
        self._schedule = schedule
        self._queue = queue
        self._lease = lease

    def step(self) -> int:
        return enqueue_due(self._schedule, self._queue, lease=self._lease)
