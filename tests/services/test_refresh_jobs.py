"""The worker's use cases on fakes: the schedule step and the refresh job's body."""

from __future__ import annotations

import threading
import time
from types import SimpleNamespace

import pytest

from backend.domain.statuses import Status
from backend.services.refresh import RefreshOutcome
from backend.services.refresh_jobs import BATCH, RefreshJob, enqueue_due
from backend.worker import jobs
from tests.fakes import FakeRefreshQueue, FakeRefreshSchedule
from tests.support.numbers import make_1z

NUMBER = make_1z("POLLNG", 1)


def test_due_numbers_are_enqueued_once_and_leased():
    schedule, queue = FakeRefreshSchedule(), FakeRefreshQueue()
    numbers = [make_1z("POLLNG", n) for n in range(BATCH + 5)]
    for offset, number in enumerate(numbers):
        schedule.set(number, 100.0 + offset)
    schedule.set("1ZLATER", 10_000.0)
    assert enqueue_due(schedule, queue, now=5000.0, lease=300) == BATCH + 5
    assert sorted(queue.enqueued) == sorted(numbers)
    assert enqueue_due(schedule, queue, now=5000.0) == 0  # leased: not taken twice
    assert schedule.times["1ZLATER"] == 10_000.0


def job_for(status: Status | None) -> tuple[RefreshJob, list[str]]:
    wanted: list[str] = []
    outcome = RefreshOutcome(NUMBER, status, False, (), None)
    refresher = SimpleNamespace(refresh=lambda number, pushed=None: outcome)
    return RefreshJob(refresher, wanted.append), wanted


@pytest.mark.parametrize(
    ("status", "subscribes"),
    [(Status.IN_TRANSIT, True), (Status.DELIVERED, False), (None, False)],
)
def test_the_refresh_job_asks_pushes_for_watched_parcels_still_moving(status, subscribes):
    job, wanted = job_for(status)
    assert job.run(NUMBER).status == status
    assert wanted == ([NUMBER] if subscribes else [])


def test_the_rq_job_runs_the_installed_body_and_reports_plain_data():
    job, _wanted = job_for(Status.IN_TRANSIT)
    jobs.install(job)
    try:
        report = jobs.refresh_number(NUMBER)
    finally:
        jobs.install(None)
    assert report == {"number": NUMBER, "status": "in_transit", "changed": False, "outcomes": []}


def test_the_rq_job_refuses_to_run_without_a_composition_root():
    with pytest.raises(RuntimeError, match="python -m backend.worker"):
        jobs.refresh_number(NUMBER)


def test_a_batch_job_refreshes_its_numbers_concurrently_and_reports_each():
    running, most, lock = [0], [0], threading.Lock()

    def refresh(number, pushed=None):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.05)  # a UPS round trip
        with lock:
            running[0] -= 1
        return RefreshOutcome(number, Status.IN_TRANSIT, False, (), None)

    numbers = [make_1z("BATCHJ", i) for i in range(8)]
    jobs.install(RefreshJob(SimpleNamespace(refresh=refresh), lambda number: None), 4)
    try:
        reports = jobs.refresh_numbers(numbers)
    finally:
        jobs.install(None)
    assert [report["number"] for report in reports] == numbers
    assert most[0] > 1 and most[0] <= 4  # concurrent, and bounded


def test_one_failing_refresh_fails_the_batch_job_after_the_others_finish():
    done: list[str] = []

    def refresh(number, pushed=None):
        if number == "1ZBATCHF-BROKEN":
            raise ConnectionError("redis went away")
        done.append(number)
        return RefreshOutcome(number, Status.IN_TRANSIT, False, (), None)

    numbers = [make_1z("BATCHF", i) for i in range(4)]
    jobs.install(RefreshJob(SimpleNamespace(refresh=refresh), lambda number: None), 2)
    try:
        with pytest.raises(ConnectionError):
            jobs.refresh_numbers([*numbers, "1ZBATCHF-BROKEN"])
    finally:
        jobs.install(None)
    assert sorted(done) == sorted(numbers)
