"""Sandbox Locator locations in UPS's wire shape, quirks included (docs/ups.md §10).

v3 sends arrays; v1 and v2 send a lone element as a bare object. Some places add more of
the real service's habits: an undocumented HoursType "13", "&#xD;" inside AddressLine,
bare objects even in v3 (as UPS's own v3 sample does), a hidden phone, no Timezone.
"""

from __future__ import annotations

from typing import Any

from backend.sandbox.ups.locator_places import ALL_DAY, CLOSED, SandboxLocation

_TYPE_NAMES = {
    "001": "UPS Customer Center",
    "002": "The UPS Store",
    "003": "UPS Drop Box",
    "004": "Authorized Shipping Outlet",
    "018": "UPS Access Point",
    "019": "UPS Access Point Locker",
}


_STATUS = {"01": "ACTIVE", "06": "SUSPENDED", "07": "ACTIVE-UNAVAILABLE", "08": "TERMINATED"}


def one_or_many(items: list, bare: bool) -> Any:
    """A lone element bare (v1/v2 and UPS's v3 sample), otherwise the list."""
    return items[0] if bare and len(items) == 1 else items


def _day(day: int, hours: object) -> dict:
    entry: dict = {"Day": str(day)}
    if hours == CLOSED:
        entry["ClosedIndicator"] = ""  # presence-only: the key is the flag
    elif hours == ALL_DAY:
        entry["Open24HoursIndicator"] = ""
    else:
        shifts = list(hours)  # type: ignore[call-overload]
        opens, closes = [o for o, _ in shifts], [c for _, c in shifts]
        # Split shifts come as parallel arrays (UPS-API issue #191); one shift as strings.
        entry["OpenHours"] = opens if len(opens) > 1 else opens[0]
        entry["CloseHours"] = closes if len(closes) > 1 else closes[0]
    return entry


def _hours(place: SandboxLocation, bare: bool) -> dict:
    week = [_day(day, place.hours[day]) for day in sorted(place.hours)]
    standard = [{"HoursType": "10", "DayOfWeek": week}]
    if "hours_type_13" in place.quirks:
        standard.append({"HoursType": "13", "DayOfWeek": [{"Day": "2", "OpenHours": "0"}]})
    if place.type_code in ("001", "002", "003"):
        standard.append({"HoursType": "50", "DayOfWeek": week})  # drop-off hours
    return {"StandardHours": one_or_many(standard, bare)}


def _address(place: SandboxLocation, bare: bool) -> dict:
    lines = list(place.lines)
    if "address_cr" in place.quirks:
        lines = ["&#xD;".join(lines)]  # one string, the break escaped as an XML entity
    address = {
        "ConsigneeName": place.name,
        "AddressLine": one_or_many(lines, bare),
        "PoliticalDivision2": place.city,
        "PoliticalDivision1": place.state,
        "CountryCode": place.country,
    }
    if place.postcode:
        address["PostcodePrimaryLow"] = place.postcode
    return address


def _attribute(place: SandboxLocation, bare: bool) -> dict:
    code = {"Code": place.type_code, "Description": _TYPE_NAMES.get(place.type_code, "")}
    return {
        "OptionType": {"Code": "01", "Description": "Location"},
        "OptionCode": one_or_many([code], bare),
    }


def _access_point(place: SandboxLocation, bare: bool) -> dict:
    info: dict = {
        "PublicAccessPointID": place.ap_id,
        # An object in UPS's own sample, though the schema describes a code.
        "AccessPointStatus": {"Code": place.ap_status, "Description": _STATUS[place.ap_status]},
        "ImageURL": "",
    }
    if place.unavailable_reason:
        reason = {"Code": place.unavailable_reason, "Description": "Location Full"}
        info["Availability"] = {
            "ShippingAvailability": {"AvailableIndicator": "N", "UnavailableReason": reason}
        }
    return info


def drop_location(place: SandboxLocation, distance: float, unit: str, version: str) -> dict:
    """One DropLocation as `version` of the API writes it."""
    bare = version != "v3" or "bare_objects" in place.quirks
    phones = [place.phone] if place.phone else []
    location = {
        "LocationID": place.location_id,
        "IVR": {"PhraseID": "0"},
        "Geocode": {"Latitude": f"{place.lat:.4f}", "Longitude": f"{place.lng:.4f}"},
        "AddressKeyFormat": _address(place, bare),
        "PhoneNumber": one_or_many(phones, bare) if phones else [],
        "DisplayPhoneNumberIndicator": "1" if place.show_phone else "0",
        "LocationAttribute": one_or_many([_attribute(place, bare)], bare),
        "Distance": {"Value": f"{distance:.1f}", "UnitOfMeasurement": {"Code": unit}},
        "OperatingHours": _hours(place, bare),
        "StandardHoursOfOperation": place.hours_text,
        "Comments": "",
    }
    if place.timezone:
        location["Timezone"] = place.timezone
    if place.ap_id:
        location["AccessPointInformation"] = _access_point(place, bare)
    return location
