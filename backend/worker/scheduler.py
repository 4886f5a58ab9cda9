"""The scheduler step's thread: move due numbers from the schedule onto the refresh queue."""

from __future__ import annotations

import logging
import threading

from backend.ports import RefreshQueue, Schedule
from backend.services.polling import LEASE_SECONDS, enqueue_due

log = logging.getLogger(__name__)


class SchedulerThread(threading.Thread):
    """Runs the scheduler step every `interval` seconds until stopped."""

    def __init__(
        self,
        schedule: Schedule,
        queue: RefreshQueue,
        interval: float = 1.0,
        lease: float = LEASE_SECONDS,
    ) -> None:
        super().__init__(name="scheduler", daemon=True)
        self._schedule = schedule
        self._queue = queue
        self._interval = interval
        self._lease = lease
        self._stop = threading.Event()

    def run(self) -> None:
        while not self._stop.is_set():
            try:
                count = enqueue_due(self._schedule, self._queue, lease=self._lease)
                if count:
                    log.info("enqueued %d due refreshes", count)
            except Exception:  # a Redis blip must not kill the scheduler; retry next tick
                log.exception("scheduler step failed")
            self._stop.wait(self._interval)

    def stop(self) -> None:
        self._stop.set()
