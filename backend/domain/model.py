"""A parcel's tracking snapshot as frozen dataclasses, with an exact JSON-safe round trip."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, fields, is_dataclass, replace
from datetime import UTC, datetime
from typing import Any

from backend.domain.statuses import Status


@dataclass(frozen=True)
class TrackingEvent:
    """One scan of the parcel, as UPS reported it."""

    # ISO 8601 local time, with the UTC offset when UPS gave or implied one
    # ("2026-11-24T08:15:00-05:00"); date only or "" when UPS left parts out.
    time: str
    location: str  # "City, ST, CC" only: never street lines or postal codes
    description: str  # UPS's own wording, in the requested language
    status: Status
    ups_code: str = ""  # 2-letter activity code, e.g. "AR"
    ups_status_code: str = ""  # 3-digit statusCode, e.g. "005"


@dataclass(frozen=True)
class Eta:
    """Expected delivery: a day, maybe a time window."""

    date: str  # YYYY-MM-DD
    start: str | None = None  # HH:MM
    end: str | None = None  # HH:MM
    kind: str = "scheduled"  # scheduled | rescheduled | window | end_of_day | commit
    # UPS moved the date (an RDD): true whatever `kind` says about the time of day, so a
    # rescheduled window still reads as rescheduled.
    rescheduled: bool = False


@dataclass(frozen=True)
class Weight:
    value: str  # decimal text exactly as UPS sent it, e.g. "17.00"
    unit: str  # LBS | KGS


@dataclass(frozen=True)
class Dimensions:
    length: str
    width: str
    height: str
    unit: str  # IN | CM


@dataclass(frozen=True)
class Place:
    """A city-level place; street lines and postal codes are never kept."""

    city: str = ""
    state: str = ""
    country: str = ""  # ISO 3166 alpha-2 when UPS gave it

    def text(self) -> str:
        return ", ".join(part for part in (self.city, self.state, self.country) if part)


@dataclass(frozen=True)
class HeldAt:
    """Where a parcel waits for collection, from its latest scan: a shop's address, not a
    person's (street lines only when UPS gave them)."""

    address_lines: tuple[str, ...] = ()
    city: str = ""
    state: str = ""
    postcode: str = ""
    country: str = ""

    def text(self) -> str:
        place = " ".join(part for part in (self.state, self.postcode) if part)
        parts = (*self.address_lines, self.city, place, self.country)
        return ", ".join(part for part in parts if part)


@dataclass(frozen=True)
class Charge:
    """Money UPS lists against the parcel (paymentInformation[]): COD, duties and taxes, ..."""

    type: str  # UPS's own word for it, e.g. "ICOD/COD"; "" when UPS gave none
    amount: str  # decimal text with two places, e.g. "243.50"
    currency: str  # ISO 4217, e.g. "CNY"
    paid: bool


@dataclass(frozen=True)
class Pieces:
    """Every package of a multi-piece shipment, as the shipment endpoint lists them."""

    count: int  # packageCount: may exceed the numbers UPS returned
    numbers: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()  # Status value of each number, same order

    @property
    def delivered(self) -> int:
        return sum(status == "delivered" for status in self.statuses)


@dataclass(frozen=True)
class EtaEstimate:
    """Our own delivery estimate when UPS gives no date: a range of days, never a promise."""

    earliest: str  # YYYY-MM-DD
    latest: str  # YYYY-MM-DD
    basis: str  # ups_time_in_transit | lane_history
    confidence: float  # 0..1: how often such a range held before
    samples: int = 0  # delivered parcels of the lane behind a lane_history range


# Fields that describe people or their addresses: a shared card must drop them. Where a
# parcel is held points at the receiver's neighbourhood, so it goes too.
# The delivery photo's presence goes too: the photo itself is for the parcel's watchers only.
PERSONAL_FIELDS = ("received_by", "origin_address", "destination_address", "held_at", "photo")


@dataclass(frozen=True)
class Shipment:
    """Everything we know about one tracking number at one moment."""

    number: str
    status: Status = Status.UNKNOWN
    status_description: str = ""  # UPS's wording of the current state
    events: tuple[TrackingEvent, ...] = ()  # newest first
    eta: Eta | None = None  # None once delivered, returned or cancelled
    delivered_at: str | None = None  # ISO 8601 local; offset only when known
    weight: Weight | None = None
    dimensions: Dimensions | None = None
    service: str | None = None  # e.g. "UPS Express®"
    package_count: int | None = None
    alternate_numbers: tuple[str, ...] = ()
    origin_country: str | None = None
    destination_country: str | None = None
    pickup_by: str | None = None  # YYYY-MM-DD: last day to collect from an Access Point
    delivery_location: str | None = None  # where it was left, e.g. "Front Door"
    additional_services: tuple[str, ...] = ()  # e.g. "SIGNATURE_REQUIRED"
    # Personal data (PERSONAL_FIELDS):
    received_by: str | None = None  # name of whoever signed or took the parcel
    origin_address: Place | None = None
    destination_address: Place | None = None
    held_at: HeldAt | None = None  # ready for pickup: the Access Point or counter holding it
    # "available" (we keep UPS's photo), "at_ups" (UPS took one we cannot show), None
    photo: str | None = None
    # Optional extras, left out of a stored snapshot when empty:
    charges: tuple[Charge, ...] = ()
    pieces: Pieces | None = None
    eta_estimate: EtaEstimate | None = None


def event_moment(iso_time: str) -> datetime | None:
    """An event's ISO 8601 time as an aware datetime; None when absent or malformed.

    Events without an offset are local times; reading them as UTC errs by hours, not days,
    which is all the day-counting rules that use this need.
    """
    try:
        parsed = datetime.fromisoformat(iso_time)
    except (TypeError, ValueError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def iso_utc(timestamp: float) -> str:
    """Epoch seconds as ISO 8601 in UTC, to the second (how the API writes instants)."""
    return datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="seconds")


def latest_event(shipment: Shipment) -> TrackingEvent | None:
    """The newest scan, if any."""
    return shipment.events[0] if shipment.events else None


def without_personal_data(shipment: Shipment) -> Shipment:
    """A copy safe to show to someone else: names and addresses removed."""
    blank: dict[str, Any] = dict.fromkeys(PERSONAL_FIELDS)
    return replace(shipment, **blank)


def fingerprint(shipment: Shipment) -> str:
    """Short stable hash of what a watcher sees change: status, scans, ETA, delivery time."""
    data = shipment_to_dict(shipment)
    seen = {key: data[key] for key in ("status", "events", "eta", "delivered_at")}
    text = json.dumps(seen, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _plain(value: Any) -> Any:
    """Dataclasses, enums and tuples as JSON types (dicts, strings, lists)."""
    if isinstance(value, Status):
        return value.value
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    return value


def shipment_to_dict(shipment: Shipment) -> dict[str, Any]:
    """JSON-safe dict of `shipment`; `shipment_from_dict` turns it back into an equal one."""
    data: dict[str, Any] = _plain(shipment)
    return data


def _build(cls: Any, data: dict[str, Any] | None) -> Any:
    # Keys this version does not know (written by a newer one) are ignored.
    if data is None:
        return None
    names = {f.name for f in fields(cls)}
    return cls(**{key: value for key, value in data.items() if key in names})


def _status(value: Any) -> Status:
    try:
        return Status(value)
    except ValueError:
        return Status.UNKNOWN


def _event(data: dict[str, Any]) -> TrackingEvent:
    event: TrackingEvent = _build(TrackingEvent, {**data, "status": _status(data.get("status"))})
    return event


def _held_at(data: dict[str, Any] | None) -> HeldAt | None:
    held = _build(HeldAt, data)
    return replace(held, address_lines=tuple(held.address_lines)) if held else None


def _pieces(data: dict[str, Any] | None) -> Pieces | None:
    pieces: Pieces | None = _build(Pieces, data)
    if pieces is None:
        return None
    return replace(pieces, numbers=tuple(pieces.numbers), statuses=tuple(pieces.statuses))


def shipment_from_dict(data: dict[str, Any]) -> Shipment:
    """Rebuild a Shipment from `shipment_to_dict` output (e.g. a cached JSON snapshot)."""
    shipment: Shipment = _build(
        Shipment,
        {
            **data,
            "status": _status(data.get("status")),
            "events": tuple(_event(item) for item in data.get("events") or ()),
            "eta": _build(Eta, data.get("eta")),
            "weight": _build(Weight, data.get("weight")),
            "dimensions": _build(Dimensions, data.get("dimensions")),
            "alternate_numbers": tuple(data.get("alternate_numbers") or ()),
            "additional_services": tuple(data.get("additional_services") or ()),
            "origin_address": _build(Place, data.get("origin_address")),
            "destination_address": _build(Place, data.get("destination_address")),
            "held_at": _held_at(data.get("held_at")),
            "charges": tuple(_build(Charge, item) for item in data.get("charges") or ()),
            "pieces": _pieces(data.get("pieces")),
            "eta_estimate": _build(EtaEstimate, data.get("eta_estimate")),
        },
    )
    return shipment
