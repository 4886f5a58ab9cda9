"""The RQ refresh queue on a real Redis: due numbers go out in batch jobs, a pushed scan in
its own job, and job records are short-lived."""

from __future__ import annotations

from backend.adapters import redis_conn
from backend.adapters.refresh_queue import FAILURE_SECONDS, RESULT_SECONDS, RqRefreshQueue
from backend.domain.model import TrackingEvent
from backend.domain.statuses import Status
from backend.domain.tracking import event_from_data
from tests.support.numbers import make_1z


def test_due_numbers_are_batched_and_a_pushed_scan_travels_alone(redis_url, redis_client):
    connection = redis_conn.connect(redis_url, decode=False)
    queue = RqRefreshQueue(connection, batch=16)
    numbers = [make_1z("QUEUEB", i) for i in range(40)]
    queue.enqueue_many(numbers)
    scan = TrackingEvent("2026-11-25T09:30:00+08:00", "Shanghai, CN", "Out", Status.OUT_FOR_DELIVERY,
                         "OF", "021")  # fmt: skip
    queue.enqueue(numbers[0], scan)
    jobs = queue.rq.jobs
    assert [job.func_name for job in jobs] == ["backend.worker.jobs.refresh_numbers"] * 3 + [
        "backend.worker.jobs.refresh_number"
    ]
    assert [len(job.args[0]) for job in jobs[:3]] == [16, 16, 8]
    assert [n for job in jobs[:3] for n in job.args[0]] == numbers
    assert event_from_data(jobs[3].args[1]) == scan
    assert all(job.result_ttl == RESULT_SECONDS and job.ttl == FAILURE_SECONDS for job in jobs)
    assert all(job.failure_ttl == FAILURE_SECONDS for job in jobs)
    connection.close()
