"""Sandbox Time in Transit: POST /api/shipments/v1/transittimes, quirks included.

Answers like UPS: HTTP 206 with candidate lists for an ambiguous address (issue #94), an
unpadded shipTime such as "16:58:1" (issue #62), services due after business days.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from flask import Response, jsonify, request

from backend.sandbox.ups import faults, products
from backend.sandbox.ups.blueprint import bp, key, store, ups_error
from backend.sandbox.ups.oauth import bearer_problem
from backend.sandbox.ups.track import _header_problem

# Business days per service kind: (international, domestic). Worldwide Saver, Express, ...
_SERVICES = (
    ("01", "UPS Worldwide Express", 3, None),
    ("65", "UPS Worldwide Saver", 4, None),
    ("05", "UPS Worldwide Expedited", 6, None),
    ("1DA", "UPS Next Day Air", None, 1),
    ("2DA", "UPS 2nd Day Air", None, 2),
    ("GND", "UPS Ground", None, 4),
)
# City names UPS cannot place without a postal code: (country, city) -> candidates.
AMBIGUOUS = {
    ("CN", "CHAOYANG"): (("BEIJING", "100020"), ("LIAONING", "122000")),
    ("US", "SPRINGFIELD"): (("IL", "62701"), ("MA", "01103"), ("MO", "65801")),
}
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_NAMES = {"CN": "CHINA MAINLAND", "US": "UNITED STATES", "HK": "HONG KONG"}


def business_days_after(start: date, days: int) -> date:
    day = start
    while days > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


def _problem(body: object) -> Response | None:
    if not isinstance(body, dict) or not _COUNTRY.match(str(body.get("originCountryCode", ""))):
        return ups_error(400, "1100600", "Invalid Origin Country Code")
    if body.get("originCountryCode") != body.get("destinationCountryCode"):
        if not body.get("weight") or body.get("weightUnitOfMeasure") not in ("KGS", "LBS"):
            return ups_error(400, "1100610", "Weight is required for international shipments")
        if body.get("billType") not in ("02", "03", "04"):
            return ups_error(400, "1100620", "Bill Type is required for international shipments")
    try:
        shipped = date.fromisoformat(str(body.get("shipDate") or date.today().isoformat()))
    except ValueError:
        return ups_error(400, "1100630", "Invalid Ship Date")
    if not -35 <= (shipped - date.today()).days <= 60:
        return ups_error(400, "1100631", "Ship Date out of range")
    return None


def _candidates(body: dict) -> list[dict] | None:
    country = str(body.get("destinationCountryCode", ""))
    city = str(body.get("destinationCityName", "")).strip().upper()
    found = AMBIGUOUS.get((country, city))
    if not found or body.get("destinationPostalCode"):
        return None
    return [
        {"countryName": _NAMES.get(country, country), "countryCode": country,
         "stateProvince": state, "city": city, "town": "", "postalCode": postal,
         "postalCodeLow": postal, "postalCodeHigh": postal}
        for state, postal in found
    ]  # fmt: skip


def _services(shipped: date, international: bool, into_china: bool) -> list[dict]:
    found = []
    for level, name, abroad, home in _SERVICES:
        days = abroad if international else home
        if days is None:
            continue
        due = business_days_after(shipped, days + (1 if into_china else 0))
        found.append({
            "serviceLevel": level, "serviceLevelDescription": name,
            "businessTransitDays": days, "deliveryDate": due.isoformat(),
            "deliveryTime": "23:30:00", "deliveryDayOfWeek": due.strftime("%a").upper(),
            "guaranteeIndicator": "0", "delayCount": 1 if into_china else 0,
            **({"totalTransitDays": (due - shipped).days} if international else {}),
        })  # fmt: skip
    return found


@bp.post("/api/shipments/v1/transittimes")
def transit_times() -> Response:
    body = request.get_json(silent=True) or {}
    store().hincrby(key("stats"), "transit_calls", 1)
    problem = (
        _header_problem()
        or bearer_problem()
        or products.refused("time_in_transit")
        or faults.apply("transit")
        or _problem(body)
    )
    if problem is not None:
        return problem
    picks = _candidates(body)
    if picks is not None:
        answer = {"validationList": {"invalidFieldList": [], "invalidFieldListCodes": [],
                                     "destinationAmbiguous": True, "originAmbiguous": False},
                  "destinationPickList": picks, "originPickList": []}  # fmt: skip
        response = jsonify(answer)
        response.status_code = 206
        return response
    shipped = date.fromisoformat(str(body.get("shipDate") or date.today().isoformat()))
    origin, destination = body["originCountryCode"], body.get("destinationCountryCode", "")
    services = _services(shipped, origin != destination, destination == "CN")
    now = datetime.now()
    ems = {
        "shipDate": shipped.isoformat(), "shipTime": f"{now.hour}:{now.minute}:{now.second}",
        "billType": body.get("billType", "03"), "dutyType": "09",
        "residentialIndicator": body.get("residentialIndicator", "02"),
        "destinationCityName": str(body.get("destinationCityName", "")).upper(),
        "destinationCountryCode": destination,
        "destinationCountryName": _NAMES.get(destination, destination),
        "originCountryCode": origin, "originCountryName": _NAMES.get(origin, origin),
        "guaranteeSuspended": False, "numberOfServices": len(services), "services": services,
    }  # fmt: skip
    return jsonify({"emsResponse": ems})
