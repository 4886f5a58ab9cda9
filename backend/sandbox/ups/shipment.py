"""Sandbox "Track each package in shipment": GET /api/track/v1/shipment/details/<number>."""

from __future__ import annotations

import time

from flask import Response, jsonify, request

from backend.sandbox.ups import body, faults, products, timeline
from backend.sandbox.ups.blueprint import bp, count_track_call, ups_error
from backend.sandbox.ups.journeys import find
from backend.sandbox.ups.oauth import bearer_problem
from backend.sandbox.ups.track import _header_problem, _lang


def _int(name: str, default: int, low: int, high: int) -> int | None:
    raw = request.args.get(name, str(default)).strip()
    value = int(raw) if raw.isdigit() else -1
    return value if low <= value <= high else None


@bp.get("/api/track/v1/shipment/details/<path:number>")
def shipment_details(number: str) -> Response:
    """Every package of the number's shipment at its own step, `count` from `offset`."""
    count_track_call(number.strip().upper())
    problem = (
        _header_problem()
        or bearer_problem()
        or products.refused("shipment_details")
        or faults.apply(number.strip())
    )
    if problem is not None:
        return problem
    offset, count = _int("offset", 0, 0, 10_000), _int("count", 50, 1, 50)
    if offset is None or count is None:
        return ups_error(400, "TV1003", "Invalid offset or count")
    scenario = find(number)
    if scenario is None or not scenario.steps:
        return jsonify(body.not_found(number.strip()))
    now, lang = time.time(), _lang()
    members = [find(n) for n in scenario.pieces] if scenario.pieces else [scenario]
    packages = []
    for member in members[offset : offset + count]:
        times = timeline.times_of(member, now) if member else []
        if member and times:
            packages.append(body.package_body(member, times, lang, now, False))
    shipment = {"inquiryNumber": scenario.number, "package": packages}
    return jsonify({"trackResponse": {"shipment": [shipment]}})
