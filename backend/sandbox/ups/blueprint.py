"""The UPS sandbox blueprint and what its endpoints share: Redis state, counters, UPS errors."""

from __future__ import annotations

import redis
from flask import Blueprint, Response, current_app, jsonify

from backend.adapters import redis_keys
from backend.settings import Settings

bp = Blueprint("ups_sandbox", __name__, url_prefix="/_sandbox/ups")


def settings() -> Settings:
    """The app's settings: the sandbox accepts exactly the UPS credentials the app uses."""
    return current_app.extensions["services"].settings


def store() -> redis.Redis:
    """Sandbox state lives in Redis because the API runs as several processes."""
    return current_app.extensions["services"].redis


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
        "track_calls_by_number": {number: int(n) for number, n in sorted(by_number.items())},
    }


def reset_stats() -> None:
    store().delete(key("stats"))
    store().delete(key("stats", "by_number"))
