"""Nearby-locations figures against the sandbox with 300 ms of UPS latency.

(a) first search in a cell (two Locator calls: counters and Access Points) vs a search
    from elsewhere in the same ~2 km cell (Redis), median of 5 each
(b) Locator calls for 20 different points inside one cell (target: 2, one per family)
(c) cached-search throughput / /healthz throughput, same server and load
"""

from __future__ import annotations

import statistics
import time

import requests
from _harness import start_stack, throughput

LATENCY_MS = 300
CELLS = [(22.5431, 114.0579), (31.2304, 121.4737), (39.9042, 116.4074), (22.2819, 114.1582),
         (40.6902, -73.9918), (34.0494, -118.2563), (41.8820, -87.6278)]  # fmt: skip


def timed(url: str, lat: float, lng: float) -> float:
    started = time.monotonic()
    response = requests.get(f"{url}/api/v1/locations", params={"lat": lat, "lng": lng}, timeout=30)
    response.raise_for_status()
    return time.monotonic() - started


def locator_calls(url: str) -> int:
    stats = requests.get(f"{url}/_sandbox/ups/locator/stats", timeout=5).json()
    return sum(stats.values())


def first_vs_cached(url: str) -> tuple[float, float]:
    timed(url, 33.7607, -84.5407)  # warm up: token, connections
    first = [timed(url, lat, lng) for lat, lng in CELLS[:5]]
    again = [timed(url, lat + 0.001, lng + 0.001) for lat, lng in CELLS[:5]]
    return statistics.median(first), statistics.median(again)


def calls_for_one_cell(url: str) -> int:
    before = locator_calls(url)
    lat, lng = CELLS[6]
    for i in range(20):
        timed(url, lat + (i % 5) * 0.0005, lng + (i // 5) * 0.0005)
    return locator_calls(url) - before


def main() -> None:
    stack, _ = start_stack()
    try:
        requests.post(
            f"{stack.url}/_sandbox/ups/faults", json={"latency_ms": LATENCY_MS}, timeout=5
        ).raise_for_status()
        first, cached = first_vs_cached(stack.url)
        calls = calls_for_one_cell(stack.url)
        requests.delete(f"{stack.url}/_sandbox/ups/faults", timeout=5)
        lat, lng = CELLS[0]
        search = throughput(f"{stack.url}/api/v1/locations?lat={lat}&lng={lng}", seconds=3)
        health = throughput(f"{stack.url}/healthz", seconds=3)
    finally:
        stack.stop()
    print(
        f"(a) first search in a cell: {first * 1000:.0f} ms; same cell again: {cached * 1000:.0f} ms"
    )
    print(f"(b) Locator calls for 20 points in one cell: {calls}  (target 2)")
    print(
        f"(c) cached search {search:.0f}/s vs /healthz {health:.0f}/s: ratio {search / health:.2f}"
    )


if __name__ == "__main__":
    main()
