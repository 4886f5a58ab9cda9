"""The RQ refresh queue: one job per pushed scan, one job per batch of due numbers (the
worker refreshes a batch's numbers concurrently). Job records live briefly: a finished
job's result for a minute, a failed one's for a day."""

from __future__ import annotations

import redis
from rq import Queue, Retry

from backend.domain.model import TrackingEvent
from backend.domain.sends import FanoutSlice
from backend.domain.tracking import event_data

# The queue `python -m backend.worker` serves; webhook events and due polls share it.
QUEUE_NAME = "refresh"
# Named, not imported: the worker's job module must not be loaded by the API.
JOB_FUNCTION = "backend.worker.jobs.refresh_number"
BATCH_FUNCTION = "backend.worker.jobs.refresh_numbers"
ANNOUNCE_FUNCTION = "backend.worker.jobs.announce_slice"
JOB_TIMEOUT_SECONDS = 120
# A crashed job (an exception, not a failed UPS call: those retry on their own) runs again.
RETRY = Retry(max=3, interval=[2, 15, 60])
RESULT_SECONDS = 60
FAILURE_SECONDS = 24 * 3600
# Due numbers per job; the worker refreshes one job's numbers at once (WORKER_CONCURRENCY).
DEFAULT_BATCH = 16


def number_job(number: str, pushed: TrackingEvent | None = None):
    """The refresh job's description, for Queue.enqueue_many (one round trip per batch).
    A pushed Track Alert scan rides along as plain data, for the job to notify from."""
    args = (number,) if pushed is None else (number, event_data(pushed))
    return _job(JOB_FUNCTION, args)


def batch_job(numbers: list[str]):
    """One job refreshing several due numbers concurrently."""
    return _job(BATCH_FUNCTION, (numbers,))


def announce_job(part: FanoutSlice):
    """One slice of a change's large fan-out, for any worker to send; it travels as plain
    values. Its description, which RQ logs, names the slice but not the users: openids
    stay out of logs."""
    number, change_id, round_id, index = part.number, part.change_id, part.round_id, part.index
    watchers = len(part.openids)
    description = f"announce_slice({number}, {change_id}, {round_id}, {index}, {watchers} watchers)"
    args = (number, change_id, round_id, index, list(part.openids))
    return _job(ANNOUNCE_FUNCTION, args, description)


def _job(function: str, args: tuple, description: str | None = None):
    return Queue.prepare_data(
        function,
        args=args,
        description=description,
        timeout=JOB_TIMEOUT_SECONDS,
        retry=RETRY,
        result_ttl=RESULT_SECONDS,
        ttl=FAILURE_SECONDS,  # a job nobody took within a day is dropped (the schedule stays)
        failure_ttl=FAILURE_SECONDS,
    )


class RqRefreshQueue:
    """The RefreshQueue port on RQ; its connection must not decode (RQ stores pickles)."""

    def __init__(self, connection: redis.Redis, batch: int = DEFAULT_BATCH) -> None:
        self.rq = Queue(QUEUE_NAME, connection=connection)
        self._batch = max(1, batch)

    def enqueue(self, number: str, pushed: TrackingEvent | None = None) -> None:
        """Queue one refresh of `number` now, with the scan that asked for it if any."""
        self.rq.enqueue_many([number_job(number, pushed)])

    def enqueue_many(self, numbers: list[str]) -> None:
        """Due numbers, in jobs of up to `batch` numbers each (one round trip in all)."""
        chunks = [numbers[i : i + self._batch] for i in range(0, len(numbers), self._batch)]
        if chunks:
            self.rq.enqueue_many([batch_job(chunk) for chunk in chunks])

    def enqueue_announce(self, part: FanoutSlice) -> None:
        """Queue one slice of the change's fan-out round, to its watchers."""
        self.rq.enqueue_many([announce_job(part)])
