"""Places to drop off or collect a parcel, the questions asked about them, and what can fail."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar

from backend.domain.errors import ExternalError
from backend.domain.geo import Point
from backend.domain.opening_hours import DayHours


class Kind(StrEnum):
    """What sort of place it is, whatever the carrier calls it."""

    CUSTOMER_CENTER = "customer_center"  # the carrier's own counter
    STORE = "store"  # a franchised shipping store (The UPS Store, Mail Boxes Etc.)
    AUTHORIZED_OUTLET = "authorized_outlet"  # a partner shop that accepts parcels
    ACCESS_POINT = "access_point"  # a partner shop that holds parcels for collection
    LOCKER = "locker"  # an Access Point locker
    DROP_BOX = "drop_box"  # drop-off only, nobody there
    OTHER = "other"


class Filter(StrEnum):
    """The user's choice in the list: everything, places that hold parcels, or counters."""

    ALL = "all"
    ACCESS_POINTS = "access_point"
    STAFFED = "staffed"


# A person behind a counter: where a failed delivery can be collected or a parcel handed in.
STAFFED_KINDS = frozenset({Kind.CUSTOMER_CENTER, Kind.STORE, Kind.AUTHORIZED_OUTLET})
PICKUP_KINDS = frozenset({Kind.ACCESS_POINT, Kind.LOCKER})


def matches(kind: Kind, wanted: Filter) -> bool:
    if wanted is Filter.ACCESS_POINTS:
        return kind in PICKUP_KINDS
    if wanted is Filter.STAFFED:
        return kind in STAFFED_KINDS
    return True


class Availability(StrEnum):
    """Whether an Access Point can take parcels now."""

    AVAILABLE = "available"
    FULL = "full"  # at capacity
    UNAVAILABLE = "unavailable"  # temporarily closed, weather, suspended


@dataclass(frozen=True)
class Location:
    id: str  # the carrier's id, stable enough to cache and to match a held parcel
    name: str
    kind: Kind
    point: Point  # WGS-84
    address_lines: tuple[str, ...] = ()
    city: str = ""
    state: str = ""
    postcode: str = ""
    country: str = ""  # ISO 3166 alpha-2
    phone: str | None = None  # only where the carrier allows showing it
    hours: tuple[DayHours, ...] = ()
    hours_text: str = ""  # the carrier's own summary, e.g. "Mon-Fri: 9:00am-6:00pm"
    timezone: str = ""  # IANA name when the carrier gave one
    access_point_id: str | None = None
    availability: Availability | None = None  # Access Points only
    type_code: str = ""  # the carrier's location type code, for support
    distance_m: float | None = None  # as the carrier measured it from the search origin


@dataclass(frozen=True)
class Candidate:
    """A place the carrier thinks an ambiguous address might mean."""

    text: str
    point: Point | None = None


@dataclass(frozen=True)
class LocatorQuery:
    """One question to the carrier: places of one family around a point or an address."""

    access_points: bool  # True: Access Points and lockers; False: counters and drop boxes
    point: Point | None = None  # WGS-84
    address: str = ""  # free text, used when there is no point
    access_point_id: str = ""  # one known Access Point (overrides point and address)
    country: str = ""  # ISO alpha-2 hint for the address ("" = let the carrier guess)
    radius_km: int = 25
    limit: int = 20
    lang: str = "zh"


@dataclass(frozen=True)
class LocatorAnswer:
    locations: tuple[Location, ...] = ()
    origin: Point | None = None  # where the carrier placed the search (an address's geocode)
    candidates: tuple[Candidate, ...] = ()  # the address was ambiguous: pick one and ask again


class LocatorError(ExternalError):
    """The carrier could not answer a location search; `code` is the API envelope's code."""

    code: ClassVar[str] = "upstream_unavailable"


class LocatorUnavailableError(LocatorError):
    """Down, slow, throttled or refusing our credentials: try again later."""

    transient = True


class LocatorQueryRejectedError(LocatorError):
    """The carrier refused the question itself (an address it cannot read, a bad field)."""

    code = "invalid_location_query"
