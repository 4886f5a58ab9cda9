"""Notification figures (issue #12), each measured once, side by side:

- refreshes/s of one worker process with the UPS sandbox answering at 0 ms and at 300 ms,
  1,000 watched parcels all due (goal at 300 ms: >= 100, issue #23);
- seconds for one status change to reach 1,000 watchers with WeChat answering at 250 ms
  (goal <= 30 s), and 5,000 watchers with two worker processes sharing the fan-out's
  slices (FANOUT_JOB_SIZE watchers per job);
- Redis bytes per watched parcel with both languages cached, every key counted but RQ's
  and the sandboxes' (goal <= 1,536; capacity.py measures it at 100,000 keys, Track Alert
  state included: a few hundred parcels leave the schedule's shards compact).
"""

from __future__ import annotations

import dataclasses
import time

import requests
from _harness import start_stack

from backend.adapters import redis_keys
from backend.domain.statuses import Status
from backend.sandbox.ups.journeys import BULK_PREFIX
from backend.sandbox.wechat.send import quota_key
from backend.services.refresh_jobs import enqueue_due
from backend.settings import Settings
from tests.support.numbers import check_digit
from tests.support.stores import rig

REFRESH_NUMBERS = 1_000
MEASURE_SECONDS = 6.0
WATCHERS = 1_000
# A popular parcel: split into follow-up jobs that two worker processes share.
MANY_WATCHERS, MANY_WORKERS = 5_000, 2
FANOUT_DEADLINE = 120
MEMORY_PARCELS, PARCELS_PER_USER = 500, 5
STATUS_TEMPLATE = "sandbox-tpl-status-change"
OUT_TEMPLATE = "sandbox-tpl-out-for-delivery"


def bulk_number(serial: int, journey: str = "03") -> str:
    body = f"{BULK_PREFIX[2:]}{journey}{serial:07d}"
    return "1Z" + body + check_digit(body)


def post(url: str, path: str, body: dict | None = None) -> dict:
    response = requests.post(url + path, json=body or {}, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()


def track_calls(url: str) -> int:
    return requests.get(f"{url}/_sandbox/ups/stats", timeout=10).json()["track_calls"]


def refresh_rate(stack, services, numbers: list[str], latency_ms: int) -> float:
    """Refreshes per second of one worker process (no schedule step) draining due batches."""
    post(stack.url, "/_sandbox/ups/faults", {"latency_ms": latency_ms})
    services.queue.rq.empty()
    for number in numbers:
        services.stores.schedule.set(number, time.time() - 1)
    enqueue_due(services.stores.schedule, services.queue)
    worker = stack.start_worker()
    assert stack.wait_until_working(worker, timeout=60), "the worker did not start"
    time.sleep(1.0)  # first token, warm connections
    before, started = track_calls(stack.url), time.monotonic()
    time.sleep(MEASURE_SECONDS)
    rate = (track_calls(stack.url) - before) / (time.monotonic() - started)
    stack.kill_worker(worker)
    return rate


def seed_refreshes(services) -> list[str]:
    numbers = [bulk_number(i) for i in range(REFRESH_NUMBERS)]
    for index, number in enumerate(numbers):
        services.stores.watches.watch(f"bench-user-{index // 50}", number, None)
        services.stores.tracking_states.record(number, Status.IN_TRANSIT, None)
    return numbers


def fan_out_seconds(stack, services, watchers: int, workers: int, serial: int) -> float:
    """One change, `watchers` with credits, WeChat at 250 ms, `workers` worker processes:
    seconds until every message is accepted."""
    number = bulk_number(serial, journey="03")
    services.queue.rq.empty()  # batches the refresh runs left behind
    post(stack.url, "/_sandbox/ups/faults", {"latency_ms": 0})
    post(stack.url, f"/_sandbox/ups/parcels/{number}/reset", {"step": 8})
    store = services.stores.redis
    for index in range(watchers):
        openid = f"oBench{serial}x{index:05d}xxxxxxxxxxxxxxxxxxxx"[:28]
        store.hset(redis_keys.sandbox("wechat", "users"), openid, f"bench{index}")
        store.hincrby(quota_key(openid), OUT_TEMPLATE, 1)
        services.stores.ledger.record_answer(openid, OUT_TEMPLATE, "accept", side="client")
        services.stores.watches.watch(openid, number, None)
    lookup = services.shared.lookup.lookup_one(number, "zh", force=True)
    services.shared.refresher.start(number, lookup.snapshot.shipment)
    started_workers = [stack.start_worker() for _ in range(workers)]
    for worker in started_workers:
        assert stack.wait_until_working(worker, timeout=60), "a worker did not start"
    post(stack.url, "/_sandbox/wechat/faults", {"latency_ms": 250})
    before = stats_ok(stack.url)
    started = time.monotonic()
    assert post(stack.url, f"/_sandbox/ups/parcels/{number}/advance")["status"] == (
        "out_for_delivery"
    )
    services.queue.enqueue(number)
    while stats_ok(stack.url) - before < watchers:
        if time.monotonic() - started > FANOUT_DEADLINE:
            raise SystemExit(f"only {stats_ok(stack.url) - before} messages after the deadline")
        time.sleep(0.1)
    elapsed = time.monotonic() - started
    requests.delete(f"{stack.url}/_sandbox/wechat/faults", timeout=10)
    for worker in started_workers:
        stack.kill_worker(worker)
    return elapsed


def stats_ok(url: str) -> int:
    return int(requests.get(f"{url}/_sandbox/wechat/stats", timeout=10).json().get("send_ok", 0))


def bytes_per_parcel(stack, services) -> tuple[float, dict[str, float]]:
    """Watched parcels refreshed once, looked up in Chinese and English, one user per five;
    every key but RQ's and the sandboxes' counted, per parcel, by kind."""
    store = services.stores.redis
    for key in store.scan_iter(match="upt:*", count=1000):
        if not key.startswith("upt:sandbox:"):
            store.delete(key)
    for index in range(MEMORY_PARCELS):
        number = bulk_number(10_000 + index)
        services.stores.watches.watch(f"oMem{index // PARCELS_PER_USER:06d}", number, "妈妈的包裹")
        for lang in ("zh", "en"):
            services.shared.lookup.lookup_one(number, lang, force=True)
        snapshot = services.shared.lookup.lookup_one(number, "zh").snapshot
        services.shared.refresher.start(number, snapshot.shipment)
        services.shared.refresher.refresh(number)
    by_kind: dict[str, float] = {}
    for key in store.scan_iter(match="*", count=1000):
        if key.startswith(("rq:", "upt:sandbox:")):
            continue
        kind = key.split(":")[1] if key.startswith("upt:") else key.split(":")[0]
        by_kind[kind] = by_kind.get(kind, 0) + (store.memory_usage(key, samples=0) or 0)
    per_kind = {kind: size / MEMORY_PARCELS for kind, size in sorted(by_kind.items())}
    return sum(per_kind.values()), per_kind


def main() -> None:
    stack, redis_url = start_stack(POLL_INTERVAL_SCALE="1", QUIET_HOURS="off")
    settings = Settings.from_env(stack.env)
    services = rig(dataclasses.replace(settings, log_level="WARNING"))
    try:
        numbers = seed_refreshes(services)
        fast = refresh_rate(stack, services, numbers, 0)
        slow = refresh_rate(stack, services, numbers, 300)
        fan_out = fan_out_seconds(stack, services, WATCHERS, 1, serial=1)
        fan_out_many = fan_out_seconds(stack, services, MANY_WATCHERS, MANY_WORKERS, serial=2)
        memory, kinds = bytes_per_parcel(stack, services)
    finally:
        services.close()
        stack.stop()
    concurrency = settings.worker_concurrency
    print(f"refreshes/s, one worker process (WORKER_CONCURRENCY={concurrency}): "
          f"{fast:.1f} with UPS at 0 ms, {slow:.1f} with UPS at 300 ms (goal >= 100)")  # fmt: skip
    print(f"one change to {WATCHERS} watchers, WeChat at 250 ms "
          f"(FANOUT_CONCURRENCY={settings.fanout_concurrency}): {fan_out:.1f} s (goal <= 30 s)")  # fmt: skip
    print(f"one change to {MANY_WATCHERS} watchers, WeChat at 250 ms, {MANY_WORKERS} worker "
          f"processes (FANOUT_JOB_SIZE={settings.fanout_job_size}): {fan_out_many:.1f} s")  # fmt: skip
    detail = ", ".join(f"{kind} {size:.0f}" for kind, size in kinds.items())
    print(f"Redis bytes per watched parcel, zh+en cached, {PARCELS_PER_USER} parcels per user: "
          f"{memory:.0f} (goal <= 1536): {detail}")  # fmt: skip
    _ = redis_url


if __name__ == "__main__":
    main()
