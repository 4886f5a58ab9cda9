"""Injected trouble for sandbox track calls: latency, 5xx, 429, 401 and hanging answers."""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass

from flask import Response

from backend.sandbox.ups.blueprint import key, store, ups_error

MODES = ("500", "503", "429", "timeout", "401")
# Longer than the production client's 8 s read timeout: the client gives up first.
DEFAULT_TIMEOUT_MS = 15_000


@dataclass(frozen=True)
class Faults:
    """What POST /_sandbox/ups/faults asked for; `numbers` empty means every number."""

    error_rate: float = 0.0
    latency_ms: int = 0
    mode: str = "503"
    numbers: tuple[str, ...] = ()
    timeout_ms: int = DEFAULT_TIMEOUT_MS
    retry_after: int | None = None  # seconds, sent with 429/503 answers when set

    def applies_to(self, number: str) -> bool:
        return not self.numbers or number.upper() in self.numbers


def parse(body: object) -> Faults:
    """Validate a faults request; ValueError says what is wrong."""
    if not isinstance(body, dict):
        raise ValueError("send a JSON object")
    rate, latency = body.get("error_rate", 0), body.get("latency_ms", 0)
    mode, numbers = str(body.get("mode", "503")), body.get("numbers") or []
    timeout, retry_after = body.get("timeout_ms", DEFAULT_TIMEOUT_MS), body.get("retry_after")
    if not isinstance(rate, int | float) or not 0 <= rate <= 1:
        raise ValueError("error_rate must be a number from 0 to 1")
    for name, value in (("latency_ms", latency), ("timeout_ms", timeout)):
        if not isinstance(value, int) or not 0 <= value <= 120_000:
            raise ValueError(f"{name} must be an integer from 0 to 120000")
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}")
    if not isinstance(numbers, list) or not all(isinstance(n, str) for n in numbers):
        raise ValueError("numbers must be a list of tracking numbers")
    if retry_after is not None and (not isinstance(retry_after, int) or retry_after < 0):
        raise ValueError("retry_after must be a non-negative integer")
    upper = tuple(n.strip().upper() for n in numbers)
    return Faults(float(rate), latency, mode, upper, timeout, retry_after)


def describe(faults: Faults) -> dict:
    """JSON view of the faults in force."""
    return asdict(faults) | {"numbers": list(faults.numbers)}


def save(faults: Faults) -> None:
    store().set(key("faults"), json.dumps(asdict(faults)))
    store().delete(key("faults", "calls"))  # the failure pattern starts afresh


def clear() -> None:
    store().delete(key("faults"), key("faults", "calls"))


def current() -> Faults | None:
    raw = store().get(key("faults"))
    if raw is None:
        return None
    data = json.loads(raw)
    return Faults(**{**data, "numbers": tuple(data.get("numbers") or ())})


def _fails_now(rate: float) -> bool:
    """Spread failures evenly and repeatably: call n fails when ceil(n * rate) grows.

    Rate 0.5 fails calls 1, 3, 5, ...; rate 1 fails all; rate 0 none. Tests can rely on it.
    """
    per_mille = round(rate * 1000)
    n = store().incr(key("faults", "calls"))
    return -(-n * per_mille // 1000) > -(-(n - 1) * per_mille // 1000)


def _failure(faults: Faults) -> Response | None:
    retry = {"Retry-After": str(faults.retry_after)} if faults.retry_after is not None else {}
    if faults.mode == "timeout":
        time.sleep(faults.timeout_ms / 1000)
        return None  # answer normally, long after the client stopped listening
    if faults.mode == "429":
        return ups_error(429, "10429", "Too Many Requests", retry)
    if faults.mode == "401":
        return ups_error(401, "250002", "Invalid Authentication Information.")
    message = "Something went wrong while processing your request, please try again later"
    return ups_error(int(faults.mode), "10004", message, retry if faults.mode == "503" else {})


def apply(number: str) -> Response | None:
    """Sleep and/or fail this track call as configured; None lets it proceed."""
    faults = current()
    if faults is None or not faults.applies_to(number):
        return None
    if faults.latency_ms:
        time.sleep(faults.latency_ms / 1000)
    if faults.error_rate and _fails_now(faults.error_rate):
        return _failure(faults)
    return None
