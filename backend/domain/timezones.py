"""The time zone a location keeps, when the carrier does not say (UPS often leaves it out).

US states are mapped to the zone most of the state keeps; the few split states (Florida's
panhandle, west Texas, Tennessee...) are off by an hour at their edges, which only shifts an
"open now" answer near opening or closing time.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_BY_COUNTRY = {
    "CN": "Asia/Shanghai",
    "HK": "Asia/Hong_Kong",
    "MO": "Asia/Macau",
    "TW": "Asia/Taipei",
    "SG": "Asia/Singapore",
    "JP": "Asia/Tokyo",
    "KR": "Asia/Seoul",
    "GB": "Europe/London",
    "DE": "Europe/Berlin",
    "FR": "Europe/Paris",
}

_US_ZONES = {
    "America/New_York": "CT DE DC FL GA IN KY ME MD MA MI NH NJ NY NC OH PA RI SC VT VA WV",
    "America/Chicago": "AL AR IL IA KS LA MN MS MO NE ND OK SD TN TX WI",
    "America/Denver": "CO ID MT NM UT WY",
    "America/Phoenix": "AZ",
    "America/Los_Angeles": "CA NV OR WA",
    "America/Anchorage": "AK",
    "Pacific/Honolulu": "HI",
}
_BY_US_STATE = {state: zone for zone, states in _US_ZONES.items() for state in states.split()}


def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


def zone_for(country: str, state: str = "", lng: float | None = None, given: str = "") -> ZoneInfo:
    """The carrier's IANA zone if valid; else by country (US: by state, then longitude)."""
    named = _zone(given.strip())
    if named is not None:
        return named
    country = country.upper()
    if country == "US":
        zone = _BY_US_STATE.get(state.upper())
        if zone is None and lng is not None:
            zone = _us_by_longitude(lng)
        return ZoneInfo(zone or "America/New_York")
    return ZoneInfo(_BY_COUNTRY.get(country, "UTC"))


def _us_by_longitude(lng: float) -> str:
    """A rough band when the state is unknown: the zone boundaries lie near these meridians."""
    for edge, zone in ((-87.5, "America/New_York"), (-101.0, "America/Chicago")):
        if lng >= edge:
            return zone
    return "America/Denver" if lng >= -114.5 else "America/Los_Angeles"
