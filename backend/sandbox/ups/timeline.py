"""When each scan of a sandbox parcel happened, kept in Redis and moved on by `advance`."""

from __future__ import annotations

import json
import time
from typing import cast

import redis

from backend.sandbox.ups.blueprint import key, store
from backend.sandbox.ups.journeys.base import Scenario

# The latest scan of a fresh journey happened this long ago, so it reads as recent.
LATEST_SCAN_AGE_SECONDS = 25 * 60


def initial_times(scenario: Scenario, count: int, now: float) -> list[float]:
    """Times of the first `count` scans, the last one a little before `now`.

    Earlier scans go back by their scripted gaps, so the journey ends in the present.
    """
    if count == 0:
        return []
    times = [now - LATEST_SCAN_AGE_SECONDS]
    for step in reversed(scenario.steps[1:count]):
        times.append(times[-1] - step.gap_h * 3600)
    return [round(moment) for moment in reversed(times)]


def _field() -> str:
    return key("journeys")


def times_of(scenario: Scenario, now: float | None = None) -> list[float]:
    """The parcel's scan times; a parcel nobody has asked about yet starts at its `start`."""
    raw = store().hget(_field(), scenario.number)
    if raw is None:
        fresh = initial_times(scenario, scenario.start, now or time.time())
        store().hsetnx(_field(), scenario.number, json.dumps(fresh))  # first process wins
        raw = store().hget(_field(), scenario.number)
    return json.loads(cast(str, raw))


def set_step(scenario: Scenario, count: int, now: float | None = None) -> list[float]:
    """Put the parcel at scan `count`, the journey ending just before now."""
    times = initial_times(scenario, count, now or time.time())
    store().hset(_field(), scenario.number, json.dumps(times))
    return times


def advance(scenario: Scenario, now: float | None = None) -> list[float]:
    """The next scripted scan happens now; nothing changes once the journey is over."""
    with store().pipeline(transaction=True) as pipe:
        while True:
            try:
                pipe.watch(_field())
                times = times_of(scenario, now)
                if len(times) >= len(scenario.steps):
                    pipe.unwatch()
                    return times
                moment = max(now or time.time(), times[-1] + 1 if times else 0)
                pipe.multi()
                pipe.hset(_field(), scenario.number, json.dumps([*times, round(moment)]))
                pipe.execute()
                return [*times, round(moment)]
            except redis.WatchError:
                continue  # another process advanced it meanwhile: read again
