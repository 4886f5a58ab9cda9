"""The UPS sandbox blueprint and what its endpoints share: Redis state, counters, UPS errors."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify

from backend.adapters import redis_keys
from backend.sandbox.state import settings, store

__all__ = ["bp", "key", "settings", "store", "ups_error"]

bp = Blueprint("ups_sandbox", __name__, url_prefix="/_sandbox/ups")


def key(*parts: str) -> str:
    """A Redis key of the UPS sandbox."""
    return redis_keys.sandbox("ups", *parts)


def ups_error(status: int, code: str, message: str, headers: dict | None = None) -> Response:
    """UPS's error shape: {"response": {"errors": [{"code", "message"}]}} with `status`."""
    response = jsonify({"response": {"errors": [{"code": code, "message": message}]}})
    response.status_code = status
    response.headers.update(headers or {})
    return response


def count_token_call() -> None:
    store().hincrby(key("stats"), "token_calls", 1)


def count_track_call(number: str) -> None:
    """Counted atomically (HINCRBY) so parallel processes never lose a call."""
    pipe = store().pipeline(transaction=False)
    pipe.hincrby(key("stats"), "track_calls", 1)
    pipe.hincrby(key("stats", "by_number"), number, 1)
    pipe.execute()


def stats() -> dict:
    totals = store().hgetall(key("stats"))
    by_number = store().hgetall(key("stats", "by_number"))
    return {
        "track_calls": int(totals.get("track_calls", 0)),
        "token_calls": int(totals.get("token_calls", 0)),
        "transit_calls": int(totals.get("transit_calls", 0)),
        "track_calls_by_number": {number: int(n) for number, n in sorted(by_number.items())},
    }


def reset_stats() -> None:
    store().delete(key("stats"))
    store().delete(key("stats", "by_number"))
