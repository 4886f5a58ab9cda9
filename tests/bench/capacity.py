"""Capacity model (issue #23): what 10 k, 100 k and 1 M watched parcels need, from costs
measured here on a Redis of the bench's own (a redis-server/valkey-server started on a free
port, so nobody else's keys or traffic count):

- Redis bytes per watched parcel, every product key counted (snapshot in both languages,
  watchers, tracking state, Track Alert state and due set, schedule, the user's list), at
  about 100,000 real keys written by the product's own stores;
- UPS calls per parcel-day under the real cadence (backend.domain.tracking.next_poll_delay)
  over every sandbox journey's scripted scans, without and with Track Alert;
- refreshes per second of one worker process at UPS 300 ms (1,000 watched parcels, all due);
- WeChat sends in the peak hour (quiet hours 22-8 China time hold the night's messages);
- the schedule step over 1,000,000 scheduled numbers: step time and lag at their due rate.
"""

from __future__ import annotations

import dataclasses
import math
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.support.topologies import Server  # noqa: E402

# The bench's own Redis, before the harness picks a URL (TEST_REDIS_DB is read at import):
# redis-server when installed (before 7.2 small sets are not compact: the stricter case),
# else the embedded valkey-server.
_REDIS = Server(Path(tempfile.mkdtemp(prefix="bench-redis-")), binary=shutil.which("redis-server"))
_REDIS.start()
_REDIS.wait_ready()
os.environ.update(REDIS_URL=_REDIS.url, TEST_REDIS_DB="0")

import notify  # noqa: E402
from _harness import start_stack  # noqa: E402

from backend.adapters import redis_conn  # noqa: E402
from backend.adapters.refresh_queue import RqRefreshQueue  # noqa: E402
from backend.adapters.refresh_store import RedisRefreshSchedule  # noqa: E402
from backend.adapters.snapshot_cache import RedisSnapshotCache  # noqa: E402
from backend.adapters.track_alert_store import RedisTrackAlertStore  # noqa: E402
from backend.domain.model import Shipment, TrackingEvent  # noqa: E402
from backend.domain.statuses import Status, is_final  # noqa: E402
from backend.domain.tracking import detect_change, next_poll_delay  # noqa: E402
from backend.sandbox.ups.journeys import SCENARIOS  # noqa: E402
from backend.services.refresh_jobs import enqueue_due  # noqa: E402
from backend.settings import Settings  # noqa: E402
from tests.support.stores import rig  # noqa: E402

HOUR, DAY = 3600.0, 86400.0
MEMORY_PARCELS = 24_000  # about 4.2 keys each: ~100,000 keys
PARCELS_PER_USER = 5
RATE_PARCELS, UPS_LATENCY_MS = 1_000, 300
SCHEDULED = 1_000_000
SCHEDULER_STEPS = 30
WATCHERS_PER_PARCEL = 1.2  # assumed: most parcels have one watcher, some are shared
QUIET_HOURS = 10  # 22-8: what changes in those hours goes out at 8:00
SIZES = (10_000, 100_000, 1_000_000)
HEADROOM = 2.0  # worker processes for twice the average UPS call rate


def hardware() -> str:
    cpu = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    version = redis_conn.connect(_REDIS.url).info("server")
    server = f"{Path(_REDIS.binary).name} {version.get('redis_version')}"
    return f"{cpu}, {os.cpu_count()} cores shared, Python {platform.python_version()}, {server}"


# --- memory ---------------------------------------------------------------------------
def sample_shipments(services) -> list[tuple[Shipment, Shipment]]:
    """(zh, en) shipments of a few sandbox parcels, as UPS answers them."""
    pairs = []
    for serial in range(8):
        number = notify.bulk_number(90_000 + serial)
        zh = services.shared.lookup.lookup_one(number, "zh", force=True).snapshot.shipment
        en = services.shared.lookup.lookup_one(number, "en", force=True).snapshot.shipment
        pairs.append((zh, en))
    return pairs


def write_parcels(services, pairs, count: int) -> None:
    """`count` watched parcels written by the product's stores, as a watch, a refresh and a
    Track Alert subscription write them."""
    store = services.stores.redis
    cache, alerts = RedisSnapshotCache(store, services.stores.blobs), RedisTrackAlertStore(store)
    now = time.time()

    def one(index: int) -> None:
        number = notify.bulk_number(100_000 + index, journey="07")
        zh, en = (dataclasses.replace(s, number=number) for s in pairs[index % len(pairs)])
        services.stores.watches.watch(f"oCap{index // PARCELS_PER_USER:07d}", number, "妈妈的包裹")
        cache.put(number, "zh", zh, now)
        cache.put(number, "en", en, now)
        services.stores.tracking_states.record(number, zh.status, None)
        services.stores.schedule.set(number, now + 600 + index % 7200)
        alerts.subscribed([number], now + 14 * DAY, now + 12 * DAY)

    with ThreadPoolExecutor(16) as pool:
        list(pool.map(one, range(count)))


def memory_per_parcel(services, count: int) -> tuple[int, float, float, dict[str, float]]:
    """(keys, used_memory growth per parcel, MEMORY USAGE sum per parcel, per kind)."""
    store = services.stores.redis
    before = int(store.info("memory")["used_memory"])
    write_parcels(services, sample_shipments(services), count)
    used = (int(store.info("memory")["used_memory"]) - before) / count
    by_kind: dict[str, float] = {}
    keys = 0
    for key in store.scan_iter(match="upt:*", count=5000):
        if key.startswith(("upt:sandbox:", "upt:ups:", "upt:wechat")):
            continue
        keys += 1
        kind = key.split(":")[1]
        by_kind[kind] = by_kind.get(kind, 0) + (store.memory_usage(key, samples=0) or 0)
    per_kind = {kind: size / count for kind, size in sorted(by_kind.items())}
    return keys, used, sum(per_kind.values()), per_kind


# --- UPS calls ------------------------------------------------------------------------
def journey_calls(subscribed: bool) -> tuple[float, float]:
    """(UPS calls per parcel-day, notable changes per parcel-day) over the scripted journeys
    that end (delivered, returned, cancelled: 8 of them, 1 to 4 days), from the label to the
    end of polling. The sandbox's other parcels stop mid-journey on purpose (a demo of each
    status) and would be polled until 30 days of silence: no real parcel's life."""
    calls = days = notable = 0.0
    for scenario in SCENARIOS:
        times, at = [], 0.0
        for step in scenario.steps:
            at += step.gap_h * HOUR
            times.append((at, step.event.status))
        if not times or not is_final(times[-1][1]):
            continue
        polls, pushes, changes, end = _simulate(times, subscribed)
        calls += polls + pushes
        notable += changes
        days += end / DAY
    return calls / days, notable / days


def _simulate(times: list[tuple[float, Status]], subscribed: bool) -> tuple[int, int, int, float]:
    """Polls, Track Alert pushes, notable changes and seconds watched for one journey."""
    now, polls, status, final_at, changes = times[0][0], 0, None, None, 0
    pushes = len(times) - 1 if subscribed else 0  # each later scan pushed: one refresh each
    while True:
        seen = [(t, s) for t, s in times if t <= now]
        event_at, current = seen[-1]
        if status is not None and current != status:
            shipment = Shipment("1Z", current, events=(TrackingEvent("", "", "", current),))
            change = detect_change(status, shipment)
            changes += bool(change and change.notable)
        status = current
        if final_at is None and is_final(status):
            final_at = now
        delay = next_poll_delay(
            status, seconds_since_event=now - event_at,
            seconds_since_final=None if final_at is None else now - final_at,
            subscribed=subscribed,
        )  # fmt: skip
        if delay is None:
            return polls, pushes, changes, now - times[0][0]
        now += delay
        polls += 1


# --- schedule step -----------------------------------------------------------------------
def schedule_step_over(count: int, due_per_second: float) -> tuple[float, float, float, float]:
    """(median step ms, worst step ms, worst lag s, bytes per scheduled number): `count`
    numbers due at `due_per_second`, one step a second as the worker runs it."""
    store = redis_conn.connect(_REDIS.url)
    store.flushall()
    schedule, queue = (
        RedisRefreshSchedule(store),
        RqRefreshQueue(redis_conn.connect(_REDIS.url, decode=False)),
    )
    before = int(store.info("memory")["used_memory"])
    t0 = time.time()
    for start in range(0, count, 20_000):
        pipe = store.pipeline(transaction=False)
        for i in range(start, min(count, start + 20_000)):
            number = notify.bulk_number(i, journey="05")
            pipe.zadd(_shard(number), {number: t0 + i / due_per_second})
        pipe.execute()
    per_number = (int(store.info("memory")["used_memory"]) - before) / count
    steps, lags = [], []
    for second in range(1, SCHEDULER_STEPS + 1):
        now = t0 + second
        started = time.perf_counter()
        enqueue_due(schedule, queue, now, lease=300)
        steps.append((time.perf_counter() - started) * 1000)
        first = schedule.most_overdue()
        lags.append(max(0.0, now - first) if first is not None and first <= now else 0.0)
        queue.rq.empty()
    return statistics.median(steps), max(steps), max(lags), per_number


def _shard(number: str) -> str:
    from backend.adapters import redis_keys

    return redis_keys.schedule(number)


# --- report ---------------------------------------------------------------------------
def main() -> None:
    print(f"  hardware: {hardware()}")
    stack, _ = start_stack(POLL_INTERVAL_SCALE="1", QUIET_HOURS="off")
    settings = dataclasses.replace(Settings.from_env(stack.env), log_level="WARNING")
    services = rig(settings)
    try:
        keys, used, counted, kinds = memory_per_parcel(services, MEMORY_PARCELS)
        numbers = [notify.bulk_number(i) for i in range(RATE_PARCELS)]
        for index, number in enumerate(numbers):
            services.stores.watches.watch(f"bench-user-{index // 50}", number, None)
            services.stores.tracking_states.record(number, Status.IN_TRANSIT, None)
        rate = notify.refresh_rate(stack, services, numbers, UPS_LATENCY_MS)
    finally:
        services.close()
        stack.stop()
    polls_plain, notable = journey_calls(subscribed=False)
    polls_alert, _ = journey_calls(subscribed=True)
    due_rate = SCHEDULED * polls_plain / DAY
    step_ms, worst_ms, lag, schedule_bytes = schedule_step_over(SCHEDULED, due_rate)
    _REDIS.stop()

    detail = ", ".join(f"{kind} {size:.0f}" for kind, size in kinds.items())
    print(f"Redis bytes per watched parcel at {keys:,} keys ({MEMORY_PARCELS:,} parcels): "
          f"{counted:.0f} by MEMORY USAGE (goal <= 1536; {detail}); "
          f"used_memory grew {used:.0f} per parcel")  # fmt: skip
    print(f"UPS calls per parcel-day (journeys that end): {polls_plain:.1f} polling only, "
          f"{polls_alert:.1f} with Track Alert (polls 6x slower, one refresh per pushed scan)")  # fmt: skip
    print(f"refreshes/s, one worker process (WORKER_CONCURRENCY={settings.worker_concurrency}), "
          f"{RATE_PARCELS:,} watched parcels all due, UPS at {UPS_LATENCY_MS} ms: {rate:.1f} "
          f"(goal >= 100)")  # fmt: skip
    print(f"schedule step over {SCHEDULED:,} numbers due at {due_rate:.0f}/s: step {step_ms:.1f} ms "
          f"median, {worst_ms:.1f} ms worst; lag at most {lag:.1f} s; "
          f"{schedule_bytes:.0f} B per scheduled number")  # fmt: skip
    sends_day = WATCHERS_PER_PARCEL * notable
    peak_share = (QUIET_HOURS + 1) / 24
    print(f"notable changes per parcel-day {notable:.2f}; WeChat sends at the peak hour "
          f"(8:00, the night's held messages) = {peak_share:.0%} of the day's")  # fmt: skip
    print("\n| watched parcels | Redis memory | UPS calls/day (polling / Track Alert) | "
          "worker processes at UPS 300 ms | WeChat sends, peak hour |")  # fmt: skip
    print("|---|---|---|---|---|")
    for size in SIZES:
        memory = size * used / 2**20
        calls_plain, calls_alert = size * polls_plain, size * polls_alert
        workers = max(1, math.ceil(calls_plain / DAY * HEADROOM / rate))
        sends = size * sends_day * peak_share
        print(f"| {size:,} | {memory:,.0f} MiB | {calls_plain:,.0f} / {calls_alert:,.0f} | "
              f"{workers} | {sends:,.0f} ({sends / 3600:.1f}/s) |")  # fmt: skip


if __name__ == "__main__":
    try:
        main()
    finally:
        _REDIS.stop()
