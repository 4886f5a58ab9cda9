"""Poller figures (issue: notifications): refreshes/s per worker process with 10,000 watched
numbers on a zero-latency sandbox, Redis memory per watched parcel, and the scheduler step's
time to take 1,000 due numbers out of 100,000."""

from __future__ import annotations

import os
import signal
import subprocess
import time

from _harness import ROOT, start_stack
from rq.registry import FinishedJobRegistry

from backend.adapters import redis_conn
from backend.adapters.job_queue import RefreshQueue
from backend.adapters.polling_store import Schedule, TrackedState
from backend.adapters.watch_store import WatchStore
from backend.domain.statuses import Status
from backend.services.polling import enqueue_due
from tests.support.numbers import check_digit

WATCHED = 10_000
RUN_SECONDS = 20
SCHEDULE_SIZE, DUE = 100_000, 1_000


def bulk_number(serial: int) -> str:
    body = f"SBXBLK03{serial:07d}"
    return "1Z" + body + check_digit(body)


def seed_watches(redis_url: str) -> list[str]:
    store = redis_conn.connect(redis_url)
    watches, state, schedule = WatchStore(store), TrackedState(store), Schedule(store)
    numbers = [bulk_number(i) for i in range(WATCHED)]
    for index, number in enumerate(numbers):
        watches.watch(f"bench-user-{index // 50}", number, None)
        state.record(number, Status.IN_TRANSIT, None)
        schedule.set(number, time.time() - 1)
    return numbers


def refresh_rate(stack, redis_url: str) -> tuple[float, int]:
    queue = RefreshQueue(redis_conn.connect(redis_url, decode=False))
    enqueued = enqueue_due(Schedule(redis_conn.connect(redis_url)), queue)
    worker = subprocess.Popen(
        [".venv/bin/python", "-m", "backend.worker", "--no-scheduler"],
        env={**stack.env, "LOG_LEVEL": "WARNING"},
        cwd=str(ROOT),
        start_new_session=True,
    )
    time.sleep(3)  # start-up: imports, first token
    before, started = FinishedJobRegistry(queue=queue.rq).count, time.monotonic()
    time.sleep(RUN_SECONDS)
    done = FinishedJobRegistry(queue=queue.rq).count - before
    elapsed = time.monotonic() - started
    os.killpg(worker.pid, signal.SIGKILL)
    worker.wait()
    return done / elapsed, enqueued


def memory_per_parcel(redis_url: str, numbers: list[str]) -> float:
    store = redis_conn.connect(redis_url)
    refreshed = [n for n in numbers if store.exists(f"upt:snap:{{{n}}}:zh")]
    sample = refreshed[:200] or numbers[:200]
    total = 0
    for number in sample:
        for key in store.scan_iter(match=f"upt:*:{{{number}}}*", count=1000):
            total += store.memory_usage(key) or 0
    per_user = sum(store.memory_usage(f"upt:parcels:{{bench-user-{i}}}") or 0 for i in range(200))
    schedule = store.memory_usage("upt:schedule") or 0
    return total / len(sample) + per_user / WATCHED + schedule / WATCHED


def scheduler_step(redis_url: str) -> tuple[float, float]:
    store = redis_conn.connect(redis_url)
    store.flushdb()
    schedule = Schedule(store)
    now = time.time()
    pipe = store.pipeline(transaction=False)
    for i in range(SCHEDULE_SIZE):
        at = now - 10 if i < DUE else now + 3600 + i
        pipe.zadd("upt:schedule", {bulk_number(i): at})
    pipe.execute()
    queue = RefreshQueue(redis_conn.connect(redis_url, decode=False))
    started = time.perf_counter()
    taken = schedule.take_due(now, DUE, 300)
    take_ms = (time.perf_counter() - started) * 1000
    assert len(taken) == DUE
    store.zadd("upt:schedule", {n: now - 10 for n in taken})
    started = time.perf_counter()
    assert enqueue_due(schedule, queue, now) == DUE
    return take_ms, (time.perf_counter() - started) * 1000


def main() -> None:
    stack, redis_url = start_stack(POLL_INTERVAL_SCALE="1", QUIET_HOURS="off")
    try:
        numbers = seed_watches(redis_url)
        rate, enqueued = refresh_rate(stack, redis_url)
        memory = memory_per_parcel(redis_url, numbers)
    finally:
        stack.stop()
    take_ms, step_ms = scheduler_step(redis_url)
    print(f"  {WATCHED} watched numbers, {enqueued} refresh jobs enqueued by one scheduler step")
    print(f"refreshes per second per worker process: {rate:.1f}")
    print(f"Redis memory per watched parcel: {memory / 1024:.2f} KiB "
          "(snapshot, tracking state, watchers, share of user hash and schedule)")  # fmt: skip
    print(
        f"take 1,000 due of 100,000: {take_ms:.1f} ms; full step incl. enqueueing: {step_ms:.1f} ms"
    )


if __name__ == "__main__":
    main()
