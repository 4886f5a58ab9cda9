"""Sandbox Track Alert v2: package subscriptions in UPS's wire format, faults and controls."""

from __future__ import annotations

import re
import time
from typing import cast

from flask import Response, jsonify, request

from backend.domain.model import iso_utc
from backend.sandbox.ups import products, timeline
from backend.sandbox.ups.blueprint import bp, key, store, ups_error
from backend.sandbox.ups.journeys import find
from backend.sandbox.ups.oauth import bearer_problem
from backend.sandbox.ups.track_alert_push import announced_key, kinds_key, subscriptions_key
from backend.web.errors import ApiError

SUBSCRIPTION_SECONDS = 14 * 24 * 3600
MAX_NUMBERS = 100
# TA2 trackingNumberList pattern: 1Z UPS numbers and 1R Roadie numbers.
NUMBER = re.compile(r"(^1Z[0-9A-Z]{16}$)|(^1R[0-9A-Z]{14}$)|(^1R[0-9A-Z]{26}$)")
LOCALE = re.compile(r"^[a-z]{2}_[A-Z]{2}$")
COUNTRY = re.compile(r"^[A-Z]{2}$")
# docs/ups.md §8 (the TA2 error table): HTTP status and message of each code it answers.
ERRORS: dict[str, tuple[int, str]] = {
    "10004": (500, "Something went wrong while processing your request, please try again later"),
    "VSS100": (500, "We're sorry, the system is temporarily unavailable.  Please try again later."),
    "10429": (429, "Too Many Requests"),
    "VSS002": (400, "Missing transId"),
    "VSS004": (400, "Missing transactionSrc"),
    "VSS110": (400, "Subscription request is empty or not present. The Subscription request has been rejected."),
    "VSS200": (400, "Tracking Number List is required. The Subscription request has been rejected."),
    "VSS210": (400, "The Subscription request should have at least one valid tracking number. The Subscription request has been rejected."),
    "VSS215": (400, "The tracking number that was submitted is not a valid CIE tracking number and has been rejected."),
    "VSS220": (400, "You have submitted over 100 tracking numbers which is not allowed. The entire submission of tracking numbers has been rejected.  Please resubmit your request again using groups of no more than 100 tracking numbers."),
    "VSS300": (400, "Locale is required. The Subscription request has been rejected."),
    "VSS310": (400, "Please enter a valid locale. The Subscription request has been rejected"),
    "VSS400": (400, "Please enter a valid country code. The Subscription request has been rejected."),
    "VSS414": (400, "Please enter valid event preferences. The Subscription request has been rejected."),
}  # fmt: skip
PREFERENCES = frozenset("DIMX")  # Delivery, In-progress, Manifest, eXception


def _vss(code: str, invalid: list[str] | None = None) -> Response:
    """UPS's error body; 400s also list the invalid numbers (TA2 400 example)."""
    status, message = ERRORS[code]
    body: dict = {"response": {"errors": [{"code": code, "message": message}]}}
    if invalid is not None:
        body = {"invalidTrackingNumbers": invalid} | body
    response = jsonify(body)
    response.status_code = status
    return response


def _count(size: int) -> None:
    pipe = store().pipeline(transaction=False)
    pipe.hincrby(key("ta", "stats"), "subscribe_calls", 1)
    pipe.rpush(key("ta", "call_sizes"), size)
    pipe.execute()


def _injected() -> Response | None:
    """The next `times` calls fail with the code POST /track-alert/faults asked for."""
    code = cast(str | None, store().hget(key("ta", "faults"), "code"))
    if code and store().hincrby(key("ta", "faults"), "times", -1) >= 0:
        return _vss(code, [] if ERRORS[code][0] == 400 else None)
    return None


def _request_problem(body: object) -> Response | None:
    """The documented refusals, in the order UPS's error table lists them."""
    if not request.headers.get("transId", "").strip():
        return _vss("VSS002")
    if not request.headers.get("transactionSrc", "").strip():
        return _vss("VSS004")
    if not isinstance(body, dict):
        return _vss("VSS110")
    numbers = body.get("trackingNumberList")
    invalid = [n for n in numbers if not _valid(n)] if isinstance(numbers, list) else []
    locale, country = body.get("locale"), body.get("countryCode")
    if not isinstance(locale, str) or not locale.strip():
        return _vss("VSS300", invalid)
    if not LOCALE.match(locale) or locale != "en_US":
        return _vss("VSS310", invalid)
    if country not in (None, "") and not (isinstance(country, str) and COUNTRY.match(country)):
        return _vss("VSS400", invalid)
    if not isinstance(numbers, list) or not numbers:
        return _vss("VSS200", [])
    if len(numbers) > MAX_NUMBERS:
        return _vss("VSS220", invalid)
    if len(invalid) == len(numbers):
        return _vss("VSS210", invalid)
    return None


def _valid(number: object) -> bool:
    return isinstance(number, str) and bool(NUMBER.match(number))


def _preferences_problem(body: dict) -> Response | None:
    """Enhanced only: eventPreferences holds 1 to 4 of D, I, M, X (absent or empty: all)."""
    prefs = body.get("eventPreferences")
    if prefs in (None, []):
        return None
    valid = isinstance(prefs, list) and len(prefs) <= 4 and all(p in PREFERENCES for p in prefs)
    return None if valid else _vss("VSS414", [])


def _subscribe(numbers: list[str], now: float, kind: str = "standard") -> None:
    """14 days from now; a scripted parcel's scans so far count as already announced."""
    client = store()
    client.zadd(subscriptions_key(), dict.fromkeys(numbers, now + SUBSCRIPTION_SECONDS))
    if numbers:
        client.hset(kinds_key(), mapping=dict.fromkeys(numbers, kind))
    for number in numbers:
        scenario = find(number)
        times = timeline.times_of(scenario, now) if scenario and scenario.steps else []
        if times:
            client.hsetnx(announced_key(), number, str(times[-1]))


@bp.post("/api/track/v2/subscription/<kind>/package")
def subscribe_package(kind: str) -> Response:
    """Subscribe up to 100 numbers, standard or enhanced (with eventPreferences): 200 with
    valid (and invalid) lists, or a VSS error."""
    if kind not in ("standard", "enhanced"):
        return ups_error(404, "VSS404", "Resource not found")
    body = request.get_json(silent=True)
    numbers = body.get("trackingNumberList") if isinstance(body, dict) else None
    _count(len(numbers) if isinstance(numbers, list) else 0)
    refused = products.refused("track_alert_enhanced") if kind == "enhanced" else None
    problem = bearer_problem() or refused or _injected() or _request_problem(body)
    if problem is None and kind == "enhanced":
        problem = _preferences_problem(body)  # type: ignore[arg-type]
    if problem is not None:
        return problem
    valid = list(dict.fromkeys(n for n in numbers if _valid(n)))  # type: ignore[union-attr]
    invalid = [n for n in numbers if not _valid(n)]  # type: ignore[union-attr]
    prefs = "".join(body.get("eventPreferences") or []) if kind == "enhanced" else ""  # type: ignore[union-attr]
    _subscribe(valid, time.time(), f"{kind}:{prefs}" if prefs else kind)
    answer: dict = {"validTrackingNumbers": valid}
    return jsonify(answer | ({"invalidTrackingNumbers": invalid} if invalid else {}))


@bp.get("/track-alert/subscriptions")
def track_alert_subscriptions() -> Response:
    """Live subscriptions, subscribe calls (and their sizes) and webhook pushes made."""
    client, now = store(), time.time()
    live = cast(
        list[tuple[str, float]],
        client.zrangebyscore(subscriptions_key(), now, "+inf", withscores=True),
    )
    kinds = client.hgetall(kinds_key())
    stats = {name: int(n) for name, n in client.hgetall(key("ta", "stats")).items()}
    return jsonify(
        {
            "subscriptions": [
                {"number": n, "expires_at": iso_utc(at), "type": kinds.get(n, "standard")}
                for n, at in live
            ],
            "call_sizes": [int(n) for n in client.lrange(key("ta", "call_sizes"), 0, -1)],
            "stats": stats,
        }
    )


@bp.post("/track-alert/faults")
def track_alert_faults() -> Response:
    """{"code": "10004" | "VSS100" | "VSS300" | ..., "times": 1}: the next calls fail so."""
    body = request.get_json(silent=True) or {}
    code, times = body.get("code"), body.get("times", 1)
    if code not in ERRORS or not isinstance(times, int) or not 1 <= times <= 1000:
        raise ApiError(400, "invalid_request", f"code among {sorted(ERRORS)}, times 1..1000")
    store().hset(key("ta", "faults"), mapping={"code": code, "times": times})
    return jsonify({"code": code, "times": times})


@bp.post("/track-alert/reset")
def track_alert_reset() -> Response:
    """Forget every subscription, counter and injected fault."""
    names = ("subscriptions", "announced", "stats", "call_sizes", "faults", "kinds")
    store().delete(*(key("ta", name) for name in names))
    return Response(status=204)
