"""Track Alert latency (issue: push instead of poll): 200 subscribed sandbox parcels, polling
slowed to real cadence (POLL_INTERVAL_SCALE=1), advanced in random order at random moments.

p50 / p99 of "advance -> message recorded in the WeChat sandbox"     target p99 <= 2 s
"""

from __future__ import annotations

import math
import random
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import requests
from _harness import start_stack

from backend.adapters import redis_conn, redis_keys
from backend.sandbox.ups.journeys import BULK_PREFIX
from backend.sandbox.wechat.send import quota_key
from tests.support.numbers import check_digit
from tests.support.wechat import login_code

PARCELS = 200
PER_USER = 50  # the watch limit of one user
TEMPLATES = [
    "sandbox-tpl-status-change",
    "sandbox-tpl-attention",
    "sandbox-tpl-out-for-delivery",
    "sandbox-tpl-delivered",
]
ADVANCE_GAP_SECONDS = 0.05  # mean pause between two advances (random 0..2x)
DEADLINE_SECONDS = 60


def bulk_number(serial: int) -> str:
    """A bulk sandbox parcel: the domestic journey under its own number."""
    body = f"{BULK_PREFIX[2:]}03{serial:07d}"
    return "1Z" + body + check_digit(body)


def user_with_credits(url: str, store, name: str) -> str:
    """Log `name` in, accept every template once, then top up credits on both sides."""
    token = requests.post(
        f"{url}/api/v1/auth/login", json={"code": login_code(name)}, timeout=10
    ).json()["token"]
    body = {"user": name, "template_ids": TEMPLATES, "action": "accept"}
    openid = requests.post(f"{url}/_sandbox/wechat/subscribe", json=body, timeout=10).json()[
        "openid"
    ]
    for template in TEMPLATES:  # one popup per message would take minutes of real time
        store.hincrby(redis_keys.credits(openid), template, PER_USER)
        store.hincrby(quota_key(openid), template, PER_USER)
    return token


def watch_all(url: str, store, numbers: list[str]) -> None:
    tokens = [user_with_credits(url, store, f"bench{i}") for i in range(PARCELS // PER_USER)]

    def watch(index: int) -> None:
        headers = {"Authorization": f"Bearer {tokens[index // PER_USER]}"}
        response = requests.put(
            f"{url}/api/v1/parcels/{numbers[index]}", json={}, headers=headers, timeout=30
        )
        response.raise_for_status()

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(watch, range(len(numbers))))


def wait_subscribed(url: str, numbers: list[str]) -> float:
    started, wanted = time.monotonic(), set(numbers)
    while time.monotonic() - started < DEADLINE_SECONDS:
        body = requests.get(f"{url}/_sandbox/ups/track-alert/subscriptions", timeout=10).json()
        if wanted <= {entry["number"] for entry in body["subscriptions"]}:
            return time.monotonic() - started
        time.sleep(0.1)
    raise SystemExit("the worker did not subscribe every watched parcel in time")


def watch_inbox(store, arrived: dict[str, float], stop: threading.Event) -> None:
    """Record when each number's first message lands in the sandbox inbox (Redis list)."""
    key, seen = redis_keys.sandbox("wechat", "messages"), 0
    while not stop.is_set():
        for raw in store.lrange(key, seen, -1):
            seen += 1
            number = re.split(r'["&]', raw.rsplit("number=", 1)[-1], maxsplit=1)[0]
            arrived.setdefault(number, time.monotonic())
        time.sleep(0.002)


def advance_all(url: str, numbers: list[str]) -> dict[str, float]:
    sent, session = {}, requests.Session()
    for number in random.sample(numbers, len(numbers)):
        time.sleep(random.uniform(0, 2 * ADVANCE_GAP_SECONDS))
        sent[number] = time.monotonic()
        session.post(f"{url}/_sandbox/ups/parcels/{number}/advance", timeout=10).raise_for_status()
    return sent


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def measure(url: str, store, numbers: list[str]) -> list[float]:
    arrived: dict[str, float] = {}
    stop = threading.Event()
    inbox = threading.Thread(target=watch_inbox, args=(store, arrived, stop), daemon=True)
    inbox.start()
    sent = advance_all(url, numbers)
    deadline = time.monotonic() + DEADLINE_SECONDS
    while len(arrived) < len(numbers) and time.monotonic() < deadline:
        time.sleep(0.05)
    stop.set()
    inbox.join()
    missing = len(numbers) - len(arrived)
    if missing:
        print(f"  {missing} parcels got no message within {DEADLINE_SECONDS} s")
    return [arrived[n] - sent[n] for n in numbers if n in arrived]


def main() -> None:
    stack, redis_url = start_stack(
        workers=2, POLL_INTERVAL_SCALE="1", QUIET_HOURS="off", LOG_LEVEL="WARNING"
    )
    store = redis_conn.connect(redis_url)
    numbers = [bulk_number(serial) for serial in range(1, PARCELS + 1)]
    try:
        watch_all(stack.url, store, numbers)
        subscribed_after = wait_subscribed(stack.url, numbers)
        print(f"  {PARCELS} parcels watched; all subscribed {subscribed_after:.1f} s later")
        latencies = measure(stack.url, store, numbers)
    finally:
        stack.stop()
    if not latencies:
        raise SystemExit("no message arrived at all")
    p50, p99 = percentile(latencies, 0.5), percentile(latencies, 0.99)
    print(f"  {len(latencies)} messages; max {max(latencies) * 1000:.0f} ms")
    print(
        f"advance -> WeChat message: p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms"
        "  (target p99 <= 2000 ms)"
    )


if __name__ == "__main__":
    main()
