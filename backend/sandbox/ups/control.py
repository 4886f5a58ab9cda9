"""Sandbox control: the demo numbers, moving a parcel along, call counters, injected faults."""

from __future__ import annotations

from flask import Response, jsonify, request

from backend.sandbox.ups import faults, oauth, timeline, track_alert_push
from backend.sandbox.ups.blueprint import bp, reset_stats, stats
from backend.sandbox.ups.journeys import SCENARIOS, find
from backend.sandbox.ups.journeys.base import Scenario
from backend.web.errors import ApiError


def _scenario(number: str) -> Scenario:
    scenario = find(number)
    if scenario is None:
        raise ApiError(404, "not_found", f"{number} is not a sandbox parcel; see /scenarios")
    return scenario


def _position(scenario: Scenario, times: list[float]) -> dict:
    """The parcel's step, its status (the latest scan's) and whether the journey is over."""
    step = len(times)
    status = scenario.steps[step - 1].event.status.value if step else "unknown"
    return {
        "number": scenario.number,
        "scenario": scenario.key,
        "step": step,
        "steps": len(scenario.steps),
        "status": status,
        "done": step >= len(scenario.steps),
    }


@bp.get("/scenarios")
def scenarios() -> Response:
    """The demo numbers (valid check digits) and what each one shows."""
    return jsonify(
        [
            {
                "number": s.number,
                "scenario": s.key,
                "description": s.description,
                "final_status": s.final_status.value,
                "steps": len(s.steps),
                "start": s.start,
            }
            for s in SCENARIOS
        ]
    )


@bp.get("/parcels/<number>")
def parcel(number: str) -> Response:
    """Where a parcel stands, without counting as a UPS call."""
    scenario = _scenario(number)
    return jsonify(_position(scenario, timeline.times_of(scenario)))


@bp.post("/parcels/<number>/advance")
def advance(number: str) -> Response:
    """The parcel's next scripted scan happens now (and is pushed, if subscribed)."""
    scenario = _scenario(number)
    times = timeline.advance(scenario)
    track_alert_push.announce(scenario, times)
    return jsonify(_position(scenario, times))


@bp.post("/parcels/<number>/reset")
def reset(number: str) -> Response:
    """Back to the first scan, or to {"step": n}; the journey then ends just before now."""
    scenario = _scenario(number)
    body = request.get_json(silent=True) or {}
    lowest = 1 if scenario.steps else 0  # the "not found" parcel has no scans at all
    step = body.get("step", lowest) if isinstance(body, dict) else lowest
    if not isinstance(step, int) or not lowest <= step <= len(scenario.steps):
        raise ApiError(400, "invalid_request", f"step must be {lowest}..{len(scenario.steps)}")
    return jsonify(_position(scenario, timeline.set_step(scenario, step)))


@bp.get("/stats")
def get_stats() -> Response:
    """Calls received: token requests, track requests, track requests per number."""
    return jsonify(stats())


@bp.post("/stats/reset")
def post_stats_reset() -> Response:
    reset_stats()
    return jsonify(stats())


@bp.post("/faults")
def set_faults() -> Response:
    """{"error_rate", "latency_ms", "mode": 500|503|429|timeout|401, "numbers"?, ...}."""
    try:
        wanted = faults.parse(request.get_json(silent=True))
    except ValueError as error:
        raise ApiError(400, "invalid_request", str(error)) from None
    faults.save(wanted)
    return jsonify(faults.describe(wanted))


@bp.get("/faults")
def get_faults() -> Response:
    current = faults.current()
    return jsonify(faults.describe(current) if current else {})


@bp.delete("/faults")
def clear_faults() -> Response:
    faults.clear()
    return Response(status=204)


@bp.post("/tokens/expire")
def expire_tokens() -> Response:
    """Every token issued so far stops working, as if its four hours were up."""
    return jsonify({"expired": oauth.expire_all()})
