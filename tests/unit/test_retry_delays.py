"""Retry delays after failed refreshes and waiting sends: soon, growing, jittered, scaled."""

from __future__ import annotations

import random

from backend.domain.retry import (
    FLOOR_SECONDS,
    MAX_RETRY_SECONDS,
    notify_retry_delay,
    refresh_retry_delay,
)


def test_the_first_retry_comes_within_seconds_and_later_ones_within_minutes():
    middle = lambda: 0.5  # noqa: E731  (no jitter: the base delay itself)
    delays = [refresh_retry_delay(n, rng=middle) for n in range(1, 10)]
    assert delays[0] == 10.0
    assert delays == sorted(delays) and max(delays) == MAX_RETRY_SECONDS


def test_jitter_spreads_numbers_that_failed_together():
    rng = random.Random(7)
    delays = {round(refresh_retry_delay(1, rng=rng.random), 3) for _ in range(50)}
    assert len(delays) > 40 and min(delays) >= 5.0 and max(delays) < 15.0


def test_delays_follow_the_polling_scale_but_never_spin():
    assert refresh_retry_delay(3, scale=0.01, rng=lambda: 0.5) == 0.4
    assert refresh_retry_delay(1, scale=0.0001, rng=lambda: 0.5) == FLOOR_SECONDS
    assert notify_retry_delay(scale=0.0001) >= FLOOR_SECONDS


def test_a_ups_wide_pause_comes_first_and_the_jitter_on_top():
    delay = refresh_retry_delay(1, scale=1.0, wait_at_least=30.0, rng=lambda: 0.0)
    assert delay == 35.0
