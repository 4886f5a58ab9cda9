"""Sandbox Locator: POST /api/locations/{v1|v2|v3}/search/availabilities/{reqOption}.

Checks what UPS checks (bearer, transId, required fields, whole-number radius within its
range, list size 1..50), places a text origin with a small gazetteer, filters the fixtures
by straight-line distance, type and option, and answers in UPS's shapes. The Track
sandbox's fault controls (POST /_sandbox/ups/faults without "numbers") apply here too.
"""

from __future__ import annotations

import math

from flask import Response, jsonify, request

from backend.sandbox.ups import faults
from backend.sandbox.ups.blueprint import bp, key, store, ups_error
from backend.sandbox.ups.locator_places import AMBIGUOUS, LOCATIONS, PLACES, SandboxLocation
from backend.sandbox.ups.locator_render import drop_location, one_or_many
from backend.sandbox.ups.oauth import bearer_problem

_KM_PER_MILE = 1.609344
_RADIUS_LIMITS = {"MI": (5, 100), "KM": (5, 150)}
_DEFAULT_RADIUS = {"MI": 100, "KM": 161}
_ACCESS_POINT_CODES = {"018", "019"}


class Invalid(Exception):
    """A request UPS would refuse: HTTP 400 with `code` (20007 missing, 20008 bad data)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def _haversine_km(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2
    h += math.cos(p1) * math.cos(p2) * math.sin(math.radians(lng2 - lng1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _whole(value: object, name: str, low: int, high: int, default: int) -> int:
    if value is None or value == "":
        return default
    text = str(value)
    if not text.isdigit() or not low <= int(text) <= high:
        raise Invalid("20008", f"Invalid {name}: must be a whole number from {low} to {high}")
    return int(text)


def _origin(request_body: dict) -> tuple[float, float] | list | None:
    """(lat, lng), a candidate list for an ambiguous text, or None when nothing matched."""
    origin = request_body.get("OriginAddress")
    if not isinstance(origin, dict):
        raise Invalid("20007", "Missing or invalid OriginAddress")
    address = origin.get("AddressKeyFormat")
    geocode = origin.get("Geocode")
    if isinstance(geocode, dict):
        try:
            return float(geocode["Latitude"]), float(geocode["Longitude"])
        except (KeyError, TypeError, ValueError):
            raise Invalid("20008", "Invalid Geocode") from None
    if not isinstance(address, dict):
        raise Invalid("20007", "Missing AddressKeyFormat")
    text = " ".join(
        str(address.get(k) or "")
        for k in ("SingleLineAddress", "AddressLine", "PoliticalDivision2")
    ).strip()
    if not text:
        raise Invalid(
            "20007", "Missing address: AddressLine, PoliticalDivision2 or SingleLineAddress"
        )
    folded = " ".join(text.lower().replace(",", " ").split())
    for place in LOCATIONS:
        if any(folded == " ".join(a.lower().replace(",", " ").split()) for a in place.aliases):
            return place.lat, place.lng
    for name, candidates in AMBIGUOUS.items():
        if folded == name:
            return list(candidates)
    for name, (lat, lng, _country) in PLACES.items():
        if name in folded:
            return lat, lng
    return None


def _listed(value: object) -> list:
    if isinstance(value, list):
        return [item for item in value if isinstance(item, dict)]
    return [value] if isinstance(value, dict) else []


def _wanted(place: SandboxLocation, option: str, request_body: dict) -> bool:
    criteria = request_body.get("LocationSearchCriteria") or {}
    if option == "64":
        ap_search = criteria.get("AccessPointSearch") or {}
        wanted_id = ap_search.get("PublicAccessPointID") if isinstance(ap_search, dict) else None
        if wanted_id:
            return place.ap_id == wanted_id
        return place.type_code in _ACCESS_POINT_CODES
    # UPS's own request sample sends a lone SearchOption/OptionCode as a bare object.
    codes = {
        str(code.get("Code"))
        for option_item in _listed(criteria.get("SearchOption"))
        for code in _listed(option_item.get("OptionCode"))
        if isinstance(code, dict)
    }
    if place.type_code in _ACCESS_POINT_CODES:
        return False  # option 1 lists drop-off and will-call places, not Access Points
    return not codes or place.type_code in codes


def _envelope(results: dict, origin: tuple[float, float] | None, option: str) -> dict:
    response: dict = {
        "Response": {
            "ResponseStatusCode": "1",
            "ResponseStatusDescription": "Success",
            "TransactionReference": "",  # UPS sends it back empty
        },
        "SearchResults": results,
    }
    if origin is not None and option != "64":  # no origin Geocode on Access Point searches
        response["Geocode"] = {"Latitude": f"{origin[0]:.6f}", "Longitude": f"{origin[1]:.6f}"}
    return {"LocatorResponse": response}


def _candidates(items: list, version: str) -> dict:
    candidates = [
        {
            "AddressKeyFormat": {
                "PoliticalDivision2": city,
                "PoliticalDivision1": state,
                "CountryCode": "US",
            },
            "Geocode": {"Latitude": f"{lat:.4f}", "Longitude": f"{lng:.4f}"},
        }
        for city, state, lat, lng in items
    ]
    return {"GeocodeCandidate": one_or_many(candidates, version != "v3")}


def search(version: str, option: str, request_body: dict) -> dict:
    """The LocatorResponse for a valid request; Invalid for one UPS would refuse."""
    locator = request_body.get("LocatorRequest")
    if not isinstance(locator, dict):
        raise Invalid("10002", "The request is not a LocatorRequest")
    request_part = locator.get("Request") or {}
    if request_part.get("RequestAction") != "Locator":
        raise Invalid("20007", "Missing or invalid RequestAction")
    if not isinstance(locator.get("Translate"), dict):
        raise Invalid("20007", "Missing Translate")
    unit = str((locator.get("UnitOfMeasurement") or {}).get("Code") or "MI").upper()
    if unit not in _RADIUS_LIMITS:
        raise Invalid("20008", "Invalid UnitOfMeasurement: MI or KM")
    criteria = locator.get("LocationSearchCriteria") or {}
    low, high = _RADIUS_LIMITS[unit]
    radius = _whole(criteria.get("SearchRadius"), "SearchRadius", low, high, _DEFAULT_RADIUS[unit])
    size = _whole(criteria.get("MaximumListSize"), "MaximumListSize", 1, 50, 5)
    ap_search = criteria.get("AccessPointSearch") or {}
    by_id = option == "64" and isinstance(ap_search, dict) and ap_search.get("PublicAccessPointID")
    origin = None if by_id else _origin(locator)
    if isinstance(origin, list):
        return _envelope(_candidates(origin, version), None, option)
    per_unit = _KM_PER_MILE if unit == "MI" else 1.0
    found = []
    for place in LOCATIONS:
        if not _wanted(place, option, locator):
            continue
        if by_id:
            found.append((0.0, place))
            continue
        if origin is None:
            continue
        km = _haversine_km(origin[0], origin[1], place.lat, place.lng)
        if km <= radius * per_unit:
            found.append((km / per_unit, place))
    found.sort(key=lambda pair: pair[0])
    drops = [drop_location(place, distance, unit, version) for distance, place in found[:size]]
    if by_id:  # UPS-API issue #191: the unit comes back as a bare string on ID lookups
        for drop in drops:
            drop["Distance"]["UnitOfMeasurement"] = unit
    results: dict = {"Disclaimer": "Locations may change; call ahead."}
    if drops:
        results["DropLocation"] = one_or_many(drops, version != "v3")
    return _envelope(results, origin if isinstance(origin, tuple) else None, option)


def _count_call(option: str) -> None:
    store().hincrby(key("locator", "stats"), f"option_{option}", 1)


@bp.post("/api/locations/<version>/search/availabilities/<option>")
def locator_search(version: str, option: str) -> Response:
    """UPS's Locator in the sandbox: options 1 (locations) and 64 (Access Points)."""
    _count_call(option)
    if version not in ("v1", "v2", "v3"):
        return ups_error(404, "10404", "Resource not found")
    if not request.headers.get("transId", "").strip():
        return ups_error(400, "10001", "Missing transId")
    problem = bearer_problem() or faults.apply("")
    if problem is not None:
        return problem
    if option not in ("1", "64"):
        return ups_error(400, "20008", "Invalid reqOption for this sandbox: use 1 or 64")
    body = request.get_json(silent=True)
    try:
        if not isinstance(body, dict):
            raise Invalid("10001", "The request body is not valid JSON")
        return jsonify(search(version, option, body))
    except Invalid as error:
        return ups_error(400, error.code, error.message)


@bp.get("/locator/stats")
def locator_stats() -> Response:
    """Locator calls received, per reqOption."""
    counts = store().hgetall(key("locator", "stats"))
    return jsonify({name: int(value) for name, value in sorted(counts.items())})
