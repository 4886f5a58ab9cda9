"""A Locator that remembers answers in Redis per search cell and family of places.

Point searches are snapped to the centre of a ~2 km grid cell before they reach the carrier,
so everyone in one neighbourhood shares one answer; the service measures distances from the
user's own point afterwards. Address searches are keyed by their normalised text.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
from collections.abc import Callable
from dataclasses import asdict, replace
from typing import Any

import redis

from backend.adapters import redis_keys
from backend.domain.geo import Point
from backend.domain.locations import (
    Availability,
    Candidate,
    Kind,
    Location,
    LocatorAnswer,
    LocatorQuery,
)
from backend.domain.opening_hours import DayHours, Shift
from backend.ports import Locator

log = logging.getLogger(__name__)

CELL_DEGREES = 0.02  # about 2.2 km north-south
FOUND_TTL = 6 * 3600  # locations and their hours change rarely
EMPTY_TTL = 3600  # an empty answer or a list of candidates: ask again sooner
# Searches reach a little further than asked, so that snapping to the cell centre never
# drops a place inside the user's own radius.
CELL_MARGIN_KM = 2


def cell_of(point: Point) -> tuple[str, Point]:
    """The cell's name and its centre point."""
    row, col = math.floor(point.lat / CELL_DEGREES), math.floor(point.lng / CELL_DEGREES)
    centre = Point(round((row + 0.5) * CELL_DEGREES, 6), round((col + 0.5) * CELL_DEGREES, 6))
    return f"{row}:{col}", centre


def search_key(query: LocatorQuery) -> str:
    """The cache entry for a question: every part the carrier hears goes into it (the family,
    where, how far, how many, the country hint, an Access Point's id), so that a 5 km search
    for a held parcel never answers a 25 km public one. Points are keyed by their cell."""
    scope = f"{query.radius_km}:{query.limit}:{query.country.upper()}:{query.access_point_id}"
    if query.point is not None:
        name, _ = cell_of(query.point)
        return redis_keys.location_search(_family(query), f"{name}:{scope}")
    text = " ".join(query.address.lower().split()) + "|" + scope
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]
    return redis_keys.location_search(_family(query), "a:" + digest)


class CachedLocator:
    """Locator port in front of another Locator; Redis trouble only costs a cache miss."""

    def __init__(
        self, inner: Locator, store: redis.Redis, before_call: Callable[[], None] = lambda: None
    ) -> None:
        """`before_call` runs before each search that reaches the carrier (a cache miss) and
        may refuse it by raising: the composition root gives the upstream budget's spend."""
        self._inner = inner
        self._store = store
        self._before_call = before_call

    def search(self, query: LocatorQuery) -> LocatorAnswer:
        asked, key = query, search_key(query)
        if query.point is not None:
            _, centre = cell_of(query.point)
            asked = replace(query, point=centre, radius_km=query.radius_km + CELL_MARGIN_KM)
        cached = self._read(key)
        if cached is not None:
            return cached
        self._before_call()
        answer = self._inner.search(asked)
        self._write(key, answer)
        return answer

    def _read(self, key: str) -> LocatorAnswer | None:
        try:
            raw = self._store.get(key)
            return answer_from_dict(json.loads(raw)) if raw else None
        except (redis.RedisError, ValueError, TypeError, KeyError) as error:
            log.warning("location cache read failed: %s", type(error).__name__)
            return None

    def _write(self, key: str, answer: LocatorAnswer) -> None:
        ttl = FOUND_TTL if answer.locations else EMPTY_TTL
        try:
            self._store.set(key, json.dumps(asdict(answer), ensure_ascii=False), ex=ttl)
        except redis.RedisError as error:
            log.warning("location cache write failed: %s", type(error).__name__)


def _family(query: LocatorQuery) -> str:
    return "ap" if query.access_points else "counters"


def _point(data: Any) -> Point | None:
    return Point(data["lat"], data["lng"]) if data else None


def _day(data: dict) -> DayHours:
    shifts = tuple(Shift(s["opens"], s["closes"]) for s in data["shifts"])
    return DayHours(data["day"], shifts, data["closed"], data["open_24h"])


def _location(data: dict) -> Location:
    availability = data.get("availability")
    return Location(
        **{
            **data,
            "kind": Kind(data["kind"]),
            "point": _point(data["point"]),
            "address_lines": tuple(data["address_lines"]),
            "hours": tuple(_day(day) for day in data["hours"]),
            "availability": Availability(availability) if availability else None,
        }
    )


def answer_from_dict(data: dict) -> LocatorAnswer:
    """The inverse of dataclasses.asdict for a LocatorAnswer read back from JSON."""
    return LocatorAnswer(
        locations=tuple(_location(item) for item in data["locations"]),
        origin=_point(data["origin"]),
        candidates=tuple(Candidate(c["text"], _point(c["point"])) for c in data["candidates"]),
    )
