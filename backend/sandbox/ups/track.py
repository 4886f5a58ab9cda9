"""Sandbox Track API: GET /api/track/v1/details/<inquiryNumber> in UPS's wire format."""

from __future__ import annotations

import re
import time

from flask import Response, jsonify, request

from backend.sandbox.ups import body, faults, timeline
from backend.sandbox.ups.blueprint import bp, count_track_call, ups_error
from backend.sandbox.ups.journeys import find
from backend.sandbox.ups.oauth import bearer_problem

# TRK: an inquiry number "must be between 7 and 34 characters in length".
_INQUIRY = re.compile(r"^[A-Za-z0-9]{7,34}$")


def _header_problem() -> Response | None:
    # UPS documents both headers as required; the codes are Track Alert's for the same fault.
    if not request.headers.get("transId", "").strip():
        return ups_error(400, "VSS002", "Missing transId")
    if not request.headers.get("transactionSrc", "").strip():
        return ups_error(400, "VSS004", "Missing transactionSrc")
    return None


def _lang() -> str:
    return "zh" if request.args.get("locale", "en_US").lower().startswith("zh") else "en"


@bp.get("/api/track/v1/details/<path:number>")
def track_details(number: str) -> Response:
    """Known parcels at their current step; unknown ones HTTP 200 + TW0001; bad ones TV1002."""
    count_track_call(number.strip().upper())
    problem = _header_problem() or bearer_problem() or faults.apply(number.strip())
    if problem is not None:
        return problem
    if not _INQUIRY.match(number.strip()):
        return ups_error(400, "TV1002", "Invalid inquiry number")
    scenario = find(number)
    if scenario is None or not scenario.steps:
        return jsonify(body.not_found(number.strip()))
    now = time.time()
    signature = request.args.get("returnSignature", "false").lower() == "true"
    times = timeline.times_of(scenario, now)
    if not times:
        return jsonify(body.not_found(number.strip()))
    return jsonify(body.track(scenario, times, _lang(), now, signature))
