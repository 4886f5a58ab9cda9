"""The RQ refresh queue: the one job description, shared by polling and webhooks."""

from __future__ import annotations

import redis
from rq import Queue, Retry

# The queue `python -m backend.worker` serves; webhook events and due polls share it.
QUEUE_NAME = "refresh"
# Named, not imported: the worker's job module must not be loaded by the API.
JOB_FUNCTION = "backend.worker.jobs.refresh_number"
JOB_TIMEOUT_SECONDS = 120
# Transient WeChat or UPS failures: RQ retries the job with these pauses.
RETRY = Retry(max=5, interval=[2, 5, 15, 60, 300])


def refresh_job(number: str):
    """The refresh job's description, for Queue.enqueue_many (one round trip per batch)."""
    return Queue.prepare_data(
        JOB_FUNCTION,
        args=(number,),
        timeout=JOB_TIMEOUT_SECONDS,
        retry=RETRY,
        result_ttl=600,
        failure_ttl=7 * 24 * 3600,
    )


class RefreshQueue:
    """The RefreshQueue port on RQ; its connection must not decode (RQ stores pickles)."""

    def __init__(self, connection: redis.Redis) -> None:
        self.rq = Queue(QUEUE_NAME, connection=connection)

    def enqueue(self, number: str) -> None:
        """Queue one refresh of `number` now."""
        self.enqueue_many([number])

    def enqueue_many(self, numbers: list[str]) -> None:
        if numbers:
            self.rq.enqueue_many([refresh_job(number) for number in numbers])
