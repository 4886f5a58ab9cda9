"""Poller figure: the schedule step's time to take 1,000 due numbers out of 100,000 (in the
schedule's 16 shards) and enqueue them (refreshes/s and memory per parcel: notify.py; the
schedule step over 1,000,000 numbers: capacity.py)."""

from __future__ import annotations

import time

from _harness import start_stack

from backend.adapters import redis_conn, redis_keys
from backend.adapters.refresh_queue import RqRefreshQueue
from backend.adapters.refresh_store import RedisRefreshSchedule
from backend.services.refresh_jobs import enqueue_due
from tests.support.numbers import check_digit

WATCHED = 10_000
RUN_SECONDS = 20
SCHEDULE_SIZE, DUE = 100_000, 1_000


def bulk_number(serial: int) -> str:
    body = f"SBXBLK03{serial:07d}"
    return "1Z" + body + check_digit(body)


def schedule_step(redis_url: str) -> tuple[float, float]:
    store = redis_conn.connect(redis_url)
    store.flushdb()
    schedule = RedisRefreshSchedule(store)
    now = time.time()
    pipe = store.pipeline(transaction=False)
    for i in range(SCHEDULE_SIZE):
        at = now - 10 if i < DUE else now + 3600 + i
        number = bulk_number(i)
        pipe.zadd(redis_keys.schedule(number), {number: at})
    pipe.execute()
    queue = RqRefreshQueue(redis_conn.connect(redis_url, decode=False))
    started = time.perf_counter()
    taken = schedule.take_due(now, DUE, 300)
    take_ms = (time.perf_counter() - started) * 1000
    assert len(taken) == DUE
    for number in taken:
        store.zadd(redis_keys.schedule(number), {number: now - 10})
    started = time.perf_counter()
    assert enqueue_due(schedule, queue, now) == DUE
    return take_ms, (time.perf_counter() - started) * 1000


def main() -> None:
    stack, redis_url = start_stack(POLL_INTERVAL_SCALE="1", QUIET_HOURS="off")
    stack.stop()  # only its Redis is used
    take_ms, step_ms = schedule_step(redis_url)
    print(
        f"take 1,000 due of 100,000: {take_ms:.1f} ms; full step incl. enqueueing: {step_ms:.1f} ms"
    )


if __name__ == "__main__":
    main()
