"""Injected trouble for sandbox subscribe sends: latency, errcodes, replies lost after acceptance.

POST /_sandbox/wechat/faults {"latency_ms", "error_rate", "errcode", "after_accept"}:
every send waits `latency_ms`; a share `error_rate` of them fails with `errcode` (-1 system
busy, 45009 frequency limit, ...). With "after_accept": true a failing send is accepted first
(kept in the inbox, its SubscribeMsgSentEvent pushed) and then answered with HTTP 502, as a
gateway that fails after WeChat took the message would: the sender cannot know it went out.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass

from flask import Response, jsonify, request

from backend.sandbox.wechat.blueprint import bp, key, store
from backend.web.errors import ApiError

# errcodes a send can fail with here: system busy and the frequency limits.
ERRCODES = (-1, 45009, 45011)


@dataclass(frozen=True)
class Faults:
    latency_ms: int = 0
    error_rate: float = 0.0
    errcode: int = -1
    after_accept: bool = False


def parse(body: object) -> Faults:
    """Validate a faults request; ValueError says what is wrong."""
    if not isinstance(body, dict):
        raise ValueError("send a JSON object")
    latency, rate = body.get("latency_ms", 0), body.get("error_rate", 0)
    errcode, after = body.get("errcode", -1), body.get("after_accept", False)
    if not isinstance(latency, int) or isinstance(latency, bool) or not 0 <= latency <= 60_000:
        raise ValueError("latency_ms must be an integer from 0 to 60000")
    if not isinstance(rate, int | float) or isinstance(rate, bool) or not 0 <= rate <= 1:
        raise ValueError("error_rate must be a number from 0 to 1")
    if errcode not in ERRCODES or isinstance(errcode, bool):
        raise ValueError(f"errcode must be one of {', '.join(map(str, ERRCODES))}")
    if not isinstance(after, bool):
        raise ValueError("after_accept must be true or false")
    return Faults(latency, float(rate), errcode, after)


def current() -> Faults | None:
    raw = store().get(key("faults"))
    return Faults(**json.loads(raw)) if raw else None


def delay() -> Faults | None:
    """Sleep as configured; return the faults in force (None when there are none)."""
    faults = current()
    if faults and faults.latency_ms:
        time.sleep(faults.latency_ms / 1000)
    return faults


def fails_now(faults: Faults | None) -> bool:
    """Spread failures evenly and repeatably: call n fails when ceil(n * rate) grows."""
    if not faults or not faults.error_rate:
        return False
    per_mille = round(faults.error_rate * 1000)
    n = store().incr(key("faults", "calls"))
    return -(-n * per_mille // 1000) > -(-(n - 1) * per_mille // 1000)


@bp.post("/faults")
def set_faults():
    """Inject latency and failures into subscribe sends (see the module docstring)."""
    try:
        wanted = parse(request.get_json(silent=True))
    except ValueError as error:
        raise ApiError(400, "invalid_request", str(error)) from None
    store().set(key("faults"), json.dumps(asdict(wanted)))
    store().delete(key("faults", "calls"))  # the failure pattern starts afresh
    return jsonify(asdict(wanted))


@bp.get("/faults")
def get_faults():
    faults = current()
    return jsonify(asdict(faults) if faults else {})


@bp.delete("/faults")
def clear_faults():
    store().delete(key("faults"), key("faults", "calls"))
    return Response(status=204)
