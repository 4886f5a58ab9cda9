"""Rates such as "120/minute" or "100 per 10 minutes": a count per fixed window."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_UNITS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
_RATE = re.compile(r"^\s*(\d+)\s*(?:/|per)\s*(\d*)\s*(second|minute|hour|day)s?\s*$", re.I)


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int


def parse_rate(text: str) -> Rate:
    """'120/minute', '100 per 10 minutes', '1000/day' -> Rate; ValueError otherwise."""
    match = _RATE.match(text)
    if not match:
        raise ValueError(f"not a rate: {text!r} (e.g. 120/minute)")
    count, multiple, unit = match.groups()
    return Rate(int(count), int(multiple or 1) * _UNITS[unit.lower()])


def seconds_left(rate: Rate, now: float) -> int:
    """Seconds until the current window of `rate` ends (at least 1): a Retry-After."""
    return max(1, math.ceil(rate.seconds - now % rate.seconds))
