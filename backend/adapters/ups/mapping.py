"""Pure mapping of a UPS Track API response (quirks of docs/ups.md §4 included) to a Shipment."""

from __future__ import annotations

from typing import Any

from backend.adapters.ups import errors
from backend.adapters.ups import values as v
from backend.adapters.ups.delivery_mapping import charges, photo_state
from backend.adapters.ups.pickup_mapping import held_at
from backend.adapters.ups.status_codes import map_status
from backend.domain.model import Dimensions, Eta, Place, Shipment, TrackingEvent, Weight
from backend.domain.statuses import Status, is_final

# deliveryTime.type: end of day, commit time, estimated / confirmed / imminent window.
_TIME_KINDS = {"EOD": "end_of_day", "CMT": "commit"} | dict.fromkeys(
    ("EDW", "CDW", "IDW"), "window"
)
# deliveryDate.type, in order of preference: a rescheduled date replaces the scheduled one.
_DATE_KINDS = (("RDD", "rescheduled"), ("SDD", "scheduled"))
# Statuses too broad to replace a vague latest scan with.
_GENERIC = {Status.EXCEPTION, Status.UNKNOWN, Status.IN_TRANSIT}


def _place(address: Any) -> Place:
    """City, state and country only: street lines and postal codes are personal, never kept."""
    address = v.as_dict(address)
    country = v.text(address.get("countryCode")) or v.text(address.get("country"))
    return Place(v.text(address.get("city")), v.text(address.get("stateProvince")), country)


def _map(status: dict) -> Status:
    fields = ("statusCode", "code", "type", "description")
    return map_status(*(v.text(status.get(name)) for name in fields))


def _event(activity: dict) -> TrackingEvent:
    status = v.as_dict(activity.get("status"))
    time, _instant = v.activity_time(activity)
    location = _place(v.as_dict(activity.get("location")).get("address")).text()
    codes = v.text(status.get("code")), v.text(status.get("statusCode"))
    return TrackingEvent(time, location, v.text(status.get("description")), _map(status), *codes)


def _events(package: dict) -> tuple[TrackingEvent, ...]:
    """Newest first, in UPS's own order (values.newest_first: nothing is sorted)."""
    return tuple(_event(activity) for activity in v.newest_first(package.get("activity")))


def _overall(package: dict, events: tuple[TrackingEvent, ...]) -> tuple[Status, str]:
    """The latest scan decides, unless it is vague and currentStatus is more specific."""
    current = v.as_dict(package.get("currentStatus"))
    said = _map(current) if current else None
    said_text = v.text(current.get("description"))
    if not events:
        return said or Status.UNKNOWN, said_text
    latest = events[0]
    if said is not None and said is not latest.status:
        unknown = latest.status is Status.UNKNOWN and said is not Status.UNKNOWN
        if unknown or (latest.status is Status.EXCEPTION and said not in _GENERIC):
            return said, said_text or latest.description
    if said is latest.status and said_text:
        return said, said_text
    return latest.status, latest.description


def _dates(package: dict) -> dict[str, str]:
    """deliveryDate[] as {type: YYYY-MM-DD}, the first valid date of each type."""
    found: dict[str, str] = {}
    for item in v.as_dicts(package.get("deliveryDate")):
        day = v.iso_date(item.get("date"))
        if day:
            found.setdefault(v.text(item.get("type")).upper(), day)
    return found


def _eta(package: dict) -> Eta | None:
    """Rescheduled date beats scheduled; deliveryTime adds a window, commit or end of day.

    `rescheduled` survives a window: an RDD with an EDW is a rescheduled window.
    """
    dates = _dates(package)
    day, kind = next(((dates[t], k) for t, k in _DATE_KINDS if t in dates), (None, ""))
    if day is None:
        return None
    moved = kind == "rescheduled"
    window = v.as_dict(package.get("deliveryTime"))
    time_kind = _TIME_KINDS.get(v.text(window.get("type")).upper())
    start, end = v.hhmm(window.get("startTime")), v.hhmm(window.get("endTime"))
    if time_kind == "window" and (start or end):
        return Eta(day, start, end, "window", moved)
    if time_kind in ("end_of_day", "commit"):
        return Eta(day, None, end, time_kind, moved)
    return Eta(day, None, None, kind, moved)


def _delivered_at(package: dict, events: tuple[TrackingEvent, ...]) -> str | None:
    """DEL date + DEL end time; the matching delivered scan lends its offset when it has one."""
    day = _dates(package).get("DEL")
    scans = [event.time for event in events if event.status is Status.DELIVERED]
    if day is None:
        return scans[0] if scans else None
    window = v.as_dict(package.get("deliveryTime"))
    is_del = v.text(window.get("type")).upper() == "DEL"
    clock = v.clock(window.get("endTime")) if is_del else None
    local = f"{day}T{clock}" if clock else day
    return next((time for time in scans if time.startswith(local)), local)


def _weight(value: Any) -> Weight | None:
    weight = v.as_dict(value)
    amount = v.text(weight.get("weight"))
    if not v.is_decimal(amount):
        return None  # absent, or a placeholder such as "string"
    return Weight(amount, v.text(weight.get("unitOfMeasurement")).upper())


def _dimensions(value: Any) -> Dimensions | None:
    size = v.as_dict(value)
    sides = [v.text(size.get(name)) for name in ("length", "width", "height")]
    if not all(v.is_decimal(side) for side in sides):
        return None
    length, width, height = sides
    return Dimensions(length, width, height, v.text(size.get("unitOfDimension")).upper())


def _count(value: Any) -> int | None:
    count = v.text(value)  # an int per the spec; a string is tolerated
    return int(count) if count.isdigit() else None


def _strings(items: Any, skip: str = "") -> tuple[str, ...]:
    texts = [v.text(item) for item in items] if isinstance(items, list) else []
    return tuple(dict.fromkeys(item for item in texts if item and item != skip))


def _ends(package: dict) -> tuple[Place | None, Place | None]:
    """Origin and destination from packageAddress[], reduced to city level."""
    places = {
        v.text(item.get("type")).upper(): _place(item.get("address"))
        for item in v.as_dicts(package.get("packageAddress"))
    }
    return places.get("ORIGIN"), places.get("DESTINATION")


def package_status(package: dict) -> Status:
    """One package's overall status (as the Shipment of it would say)."""
    return _overall(package, _events(package))[0]


def _shipment(package: dict, number: str) -> Shipment:
    events = _events(package)
    status, description = _overall(package, events)
    delivery = v.as_dict(package.get("deliveryInformation"))
    origin, destination = _ends(package)
    alternates = [item.get("number") for item in v.as_dicts(package.get("alternateTrackingNumber"))]
    return Shipment(
        number=number,
        status=status,
        status_description=description,
        events=events,
        eta=None if is_final(status) else _eta(package),
        delivered_at=_delivered_at(package, events),
        weight=_weight(package.get("weight")),
        dimensions=_dimensions(package.get("dimension")),
        service=v.text(v.as_dict(package.get("service")).get("description")) or None,
        package_count=_count(package.get("packageCount")),
        alternate_numbers=_strings(alternates, skip=number),
        origin_country=(origin.country or None) if origin else None,
        destination_country=(destination.country or None) if destination else None,
        pickup_by=v.iso_date(v.as_dict(package.get("accessPointInformation")).get("pickupByDate")),
        delivery_location=v.text(delivery.get("location")) or None,
        additional_services=_strings(package.get("additionalServices")),
        received_by=v.text(delivery.get("receivedBy")) or None,
        origin_address=origin,
        destination_address=destination,
        held_at=held_at(package, status),
        photo=photo_state(delivery, kept=False),
        charges=charges(package),
    )


def _numbers(package: dict) -> set[str]:
    """A package's tracking number and its alternate numbers: any of them names it."""
    alternates = v.as_dicts(package.get("alternateTrackingNumber"))
    names = [package.get("trackingNumber"), *(item.get("number") for item in alternates)]
    return {v.text(name).upper() for name in names if v.text(name)}


def _first_shipment(payload: Any) -> dict:
    track = payload.get("trackResponse") if isinstance(payload, dict) else None
    if not isinstance(track, dict):
        error = errors.error_from_payload(200, payload)
        raise error if error.ups_code else errors.UpstreamUnavailableError("not a Track response")
    shipments = v.as_dicts(track.get("shipment"))
    if not shipments:
        raise errors.TrackingNotFoundError("no shipment in the response", "", 200)
    return shipments[0]


def find_package(payload: dict, number: str) -> dict:
    """The package of `number` (its own or an alternate number) in a Track answer.

    Raises errors.TrackingNotFoundError for warning TW0001 (UPS's HTTP-200 "not found") or a
    shipment without packages; another UpsError when the body is not a Track response.
    """
    shipment = _first_shipment(payload)
    not_found = errors.warning_error(shipment)
    if not_found is not None:
        raise not_found
    packages = v.as_dicts(shipment.get("package"))
    wanted = number.strip().upper()
    mine = [item for item in packages if wanted in _numbers(item)]
    if not (mine or packages):
        raise errors.TrackingNotFoundError("shipment without packages", "", 200)
    return (mine or packages)[0]


def parse_track_response(payload: dict, number: str) -> Shipment:
    """The Shipment in a `/track/v1/details` answer for `number` (see find_package)."""
    return _shipment(find_package(payload, number), number.strip())
