"""Pure mapping of a UPS Locator response to domain Locations, tolerant of its quirks.

Beyond the hours (locator_hours): AddressLine with "&#xD;" between lines, numbers and
coordinates as strings, Distance.UnitOfMeasurement as an object or a bare string,
"required" fields missing, DisplayPhoneNumberIndicator "0", and an ambiguous origin answered
with GeocodeCandidate[] instead of DropLocation[].
"""

from __future__ import annotations

import html
import re
from typing import Any

from backend.adapters.ups import values as v
from backend.adapters.ups.errors import error_from_payload
from backend.adapters.ups.locator_hours import as_list, parse_hours
from backend.domain.geo import Point
from backend.domain.locations import Availability, Candidate, Kind, Location, LocatorAnswer

# OptionType 01 location type codes (they vary by country; unknown codes are OTHER).
_KINDS = {
    "001": Kind.CUSTOMER_CENTER,
    "002": Kind.STORE,
    "003": Kind.DROP_BOX,
    "004": Kind.AUTHORIZED_OUTLET,
    "005": Kind.STORE,
    "007": Kind.AUTHORIZED_OUTLET,
    "014": Kind.AUTHORIZED_OUTLET,
    "018": Kind.ACCESS_POINT,
    "019": Kind.LOCKER,
}
_UNAVAILABLE_STATUSES = {"06", "08"}  # suspended, terminated
_FULL_REASON = "02"
_LINE_BREAKS = re.compile(r"[\r\n]+")


def _dict(value: Any) -> dict:
    """A one-or-many object read as one: the first element when UPS sent a list."""
    items = as_list(value)
    return items[0] if items and isinstance(items[0], dict) else {}


def _number(value: Any) -> float | None:
    try:
        return float(v.text(value))
    except ValueError:
        return None


def point_of(geocode: Any) -> Point | None:
    geocode = _dict(geocode)
    lat, lng = _number(geocode.get("Latitude")), _number(geocode.get("Longitude"))
    if lat is None or lng is None:
        return None
    point = Point(lat, lng)
    return point if point.is_valid() and (lat, lng) != (0.0, 0.0) else None


def address_lines(value: Any) -> tuple[str, ...]:
    """AddressLine as lines: HTML entities decoded ("&#xD;" is a carriage return) and split."""
    lines: list[str] = []
    for item in as_list(value):
        lines += _LINE_BREAKS.split(html.unescape(v.text(item)))
    return tuple(line.strip() for line in lines if line.strip())


def _type_codes(location: dict) -> list[str]:
    codes = []
    for attribute in as_list(location.get("LocationAttribute")):
        option_type = _dict(attribute.get("OptionType")) if isinstance(attribute, dict) else {}
        if v.text(option_type.get("Code")) == "01":
            codes += [v.text(_dict(code).get("Code")) for code in as_list(attribute["OptionCode"])]
    return [code for code in codes if code]


def _kind(location: dict, codes: list[str]) -> Kind:
    for code in codes:
        if code in _KINDS:
            return _KINDS[code]
    return Kind.ACCESS_POINT if location.get("AccessPointInformation") else Kind.OTHER


def _reason_codes(value: Any) -> list[str]:
    """Every UnavailableReason code under Availability, however deeply UPS nests it."""
    if isinstance(value, list):
        return [code for item in value for code in _reason_codes(item)]
    if not isinstance(value, dict):
        return []
    codes = [
        v.text(_dict(reason).get("Code")) for reason in as_list(value.get("UnavailableReason"))
    ]
    nested = [_reason_codes(item) for key, item in value.items() if key != "UnavailableReason"]
    return [code for code in codes if code] + [code for group in nested for code in group]


def _availability(info: dict) -> Availability | None:
    if not info:
        return None
    status_value = info.get("AccessPointStatus")  # "01", or {"Code": "01"} in UPS's sample
    status = v.text(
        _dict(status_value).get("Code") if isinstance(status_value, dict | list) else status_value
    )
    if status in _UNAVAILABLE_STATUSES:
        return Availability.UNAVAILABLE
    reasons = _reason_codes(info.get("Availability"))
    if status == "07" or reasons:
        return Availability.FULL if _FULL_REASON in reasons else Availability.UNAVAILABLE
    return Availability.AVAILABLE


_METRES = {"KM": 1000.0, "MI": 1609.344}


def _distance_m(value: Any) -> float | None:
    """Distance.Value in metres; the unit is an object or (UPS-API #191) a bare string."""
    distance = _dict(value)
    unit = distance.get("UnitOfMeasurement")
    unit_code = v.text(_dict(unit).get("Code") if isinstance(unit, dict | list) else unit)
    amount = _number(distance.get("Value"))
    factor = _METRES.get(unit_code.upper())
    return round(amount * factor, 1) if amount is not None and factor else None


def _phone(location: dict) -> str | None:
    """The first phone number, only when UPS marks it for display."""
    if v.text(location.get("DisplayPhoneNumberIndicator")) != "1":
        return None
    numbers = [v.text(number) for number in as_list(location.get("PhoneNumber"))]
    return next((number for number in numbers if number), None)


def parse_location(location: dict) -> Location | None:
    """One DropLocation; None when it has no usable map point or identity."""
    point = point_of(location.get("Geocode"))
    address = _dict(location.get("AddressKeyFormat"))
    info = _dict(location.get("AccessPointInformation"))
    ap_id = v.text(info.get("PublicAccessPointID")) or None
    location_id = v.text(location.get("LocationID")) or ap_id
    if point is None or not location_id:
        return None
    codes = _type_codes(location)
    return Location(
        id=location_id,
        name=v.text(address.get("ConsigneeName")) or v.text(address.get("BuildingName")),
        kind=_kind(location, codes),
        point=point,
        address_lines=address_lines(address.get("AddressLine")),
        city=v.text(address.get("PoliticalDivision2")),
        state=v.text(address.get("PoliticalDivision1")),
        postcode=v.text(address.get("PostcodePrimaryLow")),
        country=v.text(address.get("CountryCode")).upper(),
        phone=_phone(location),
        hours=parse_hours(location),
        hours_text=html.unescape(v.text(location.get("StandardHoursOfOperation"))),
        timezone=v.text(location.get("Timezone")),
        access_point_id=ap_id,
        availability=_availability(info),
        type_code=codes[0] if codes else "",
        distance_m=_distance_m(location.get("Distance")),
    )


def _candidate(item: Any) -> Candidate | None:
    if not isinstance(item, dict):
        return None
    address = _dict(item.get("AddressKeyFormat"))
    parts = [*address_lines(address.get("AddressLine"))]
    parts += [v.text(address.get(k)) for k in ("PoliticalDivision2", "PoliticalDivision1")]
    parts += [v.text(address.get("PostcodePrimaryLow")), v.text(address.get("CountryCode"))]
    text = ", ".join(part for part in parts if part)
    return Candidate(text, point_of(item.get("Geocode"))) if text else None


def parse_locator_response(payload: Any) -> LocatorAnswer:
    """The locations (nearest first, as UPS sorted them) or the candidates of an ambiguous
    origin; raises an UpsError when the body is an error or not a Locator response."""
    response = payload.get("LocatorResponse") if isinstance(payload, dict) else None
    if not isinstance(response, dict):
        raise error_from_payload(200, payload if isinstance(payload, dict) else None)
    status = _dict(response.get("Response"))
    if v.text(status.get("ResponseStatusCode")) == "0":
        error = _dict(status.get("Error"))
        wrapped = {
            "errors": [{"code": error.get("ErrorCode"), "message": error.get("ErrorDescription")}]
        }
        raise error_from_payload(200, wrapped)
    results = _dict(response.get("SearchResults"))
    locations = [parse_location(item) for item in as_list(results.get("DropLocation"))]
    candidates = [_candidate(item) for item in as_list(results.get("GeocodeCandidate"))]
    return LocatorAnswer(
        locations=tuple(item for item in locations if item is not None),
        origin=point_of(response.get("Geocode")),
        candidates=tuple(item for item in candidates if item is not None),
    )
