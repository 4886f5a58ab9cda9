"""Where a parcel held for pickup waits, read from the Track API's latest scan.

UPS gives no Access Point id in Track: only the scan's location (city level for most
accounts; street lines when the account is tied to the shipment, UPS-API issue #95). The
street, when present, is a shop's, so it is kept here, unlike other scan addresses.
"""

from __future__ import annotations

from backend.adapters.ups import values as v
from backend.domain.model import HeldAt
from backend.domain.statuses import Status

_LINES = ("addressLine1", "addressLine2", "addressLine3")


def _newest_activity(package: dict) -> dict:
    """The scan the event list starts with (UPS's order, values.newest_first)."""
    activities = v.newest_first(package.get("activity"))
    return activities[0] if activities else {}


def held_at(package: dict, status: Status) -> HeldAt | None:
    """The latest scan's place when the parcel waits for collection (status or AP info)."""
    waiting = status is Status.READY_FOR_PICKUP or bool(package.get("accessPointInformation"))
    if not waiting:
        return None
    location = v.as_dict(_newest_activity(package).get("location"))
    address = v.as_dict(location.get("address"))
    lines = tuple(line for line in (v.text(address.get(name)) for name in _LINES) if line)
    held = HeldAt(
        address_lines=lines,
        city=v.text(address.get("city")),
        state=v.text(address.get("stateProvince")),
        postcode=v.text(address.get("postalCode")),
        country=v.text(address.get("countryCode")) or v.text(address.get("country")),
    )
    return held if (held.city or held.address_lines) else None
