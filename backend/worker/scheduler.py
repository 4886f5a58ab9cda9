"""The scheduler step: move due numbers from the schedule onto the RQ refresh queue."""

from __future__ import annotations

import logging
import threading
import time

from rq import Queue, Retry

from backend.adapters.polling_store import Schedule

log = logging.getLogger(__name__)

BATCH = 1000
# A taken number is not taken again for this long unless its job reschedules it sooner.
LEASE_SECONDS = 300
JOB_TIMEOUT_SECONDS = 120
# Transient WeChat or UPS failures: RQ retries the job with these pauses.
RETRY = Retry(max=5, interval=[2, 5, 15, 60, 300])


def enqueue_due(
    schedule: Schedule, queue: Queue, now: float | None = None, lease: float = LEASE_SECONDS
) -> int:
    """Take every due number (in batches) and enqueue one refresh job each."""
    now = time.time() if now is None else now
    total = 0
    while True:
        due = schedule.take_due(now, BATCH, lease)
        if due:
            queue.enqueue_many([refresh_job(number) for number in due])
        total += len(due)
        if len(due) < BATCH:
            return total


def refresh_job(number: str):
    """The refresh job's description, for Queue.enqueue_many (one round trip per batch)."""
    return Queue.prepare_data(
        "backend.worker.jobs.refresh_number",
        args=(number,),
        timeout=JOB_TIMEOUT_SECONDS,
        retry=RETRY,
        result_ttl=600,
        failure_ttl=7 * 24 * 3600,
    )


def enqueue_refresh(queue: Queue, number: str) -> None:
    """Queue one refresh of `number` now (webhooks use this; polling batches)."""
    queue.enqueue_many([refresh_job(number)])


class SchedulerThread(threading.Thread):
    """Runs the scheduler step every `interval` seconds until stopped."""

    def __init__(
        self, schedule: Schedule, queue: Queue, interval: float = 1.0, lease: float = LEASE_SECONDS
    ) -> None:
        super().__init__(name="scheduler", daemon=True)
        self._schedule = schedule
        self._queue = queue
        self._interval = interval
        self._lease = lease
        self._stopping = threading.Event()

    def run(self) -> None:
        while not self._stopping.is_set():
            try:
                count = enqueue_due(self._schedule, self._queue, lease=self._lease)
                if count:
                    log.info("enqueued %d due refreshes", count)
            except Exception:  # a Redis blip must not kill the scheduler; retry next tick
                log.exception("scheduler step failed")
            self._stopping.wait(self._interval)

    def stop(self) -> None:
        self._stopping.set()
