"""When to try again after a failed refresh or a send that could not go out yet.

Apart from the polling cadence: a failed UPS call is retried within seconds to a few
minutes, growing with consecutive failures, with jitter so that many numbers failing
together (UPS down) do not come back together. All delays follow POLL_INTERVAL_SCALE.
"""

from __future__ import annotations

import random
from collections.abc import Callable

FIRST_RETRY_SECONDS = 10.0
MAX_RETRY_SECONDS = 300.0
# A send that is busy (another send to the user in flight) or awaiting its evidence is looked
# at again this soon: both settle within seconds.
NOTIFY_RETRY_SECONDS = 5.0
# However small the scale, never spin: at least this long between attempts.
FLOOR_SECONDS = 0.2


def jittered(seconds: float, rng: Callable[[], float] = random.random) -> float:
    """`seconds` spread over [0.5, 1.5) of itself."""
    return seconds * (0.5 + rng())


def refresh_retry_delay(
    failures: int,
    scale: float = 1.0,
    wait_at_least: float = 0.0,
    rng: Callable[[], float] = random.random,
) -> float:
    """Seconds until the next attempt after `failures` consecutive failed refreshes (≥ 1).

    `wait_at_least` is what UPS asked everybody to wait (Retry-After); the jitter is added
    on top so that the retries after a shared pause do not stampede.
    """
    base = min(MAX_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** max(0, failures - 1))
    return wait_at_least + max(FLOOR_SECONDS, jittered(base * scale, rng))


def notify_retry_delay(scale: float = 1.0, rng: Callable[[], float] = random.random) -> float:
    """Seconds until a change whose sends must wait is looked at again."""
    return max(FLOOR_SECONDS * 5, jittered(NOTIFY_RETRY_SECONDS * scale, rng))
