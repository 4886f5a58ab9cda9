"""Nearby carrier locations: search around a point or an address, filter, measure, sort,
tell what is open now; and find the Access Point that holds a parcel."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from backend.domain import regions
from backend.domain.geo import Point, distance_m
from backend.domain.locations import (
    PICKUP_KINDS,
    Candidate,
    Filter,
    Location,
    LocatorAnswer,
    LocatorError,
    LocatorQuery,
    matches,
)
from backend.domain.model import HeldAt
from backend.domain.opening_hours import OpenState, open_state
from backend.domain.timezones import zone_for
from backend.ports import Locator

log = logging.getLogger(__name__)

RADIUS_KM = 25  # a fuzzy (district-level) location is good enough at this range
LIMIT = 20
HELD_RADIUS_KM = 5


@dataclass(frozen=True)
class Found:
    """A location as seen from the search origin, at the moment of the search."""

    location: Location
    distance_m: float | None
    state: OpenState
    timezone: str


@dataclass(frozen=True)
class Nearby:
    origin: Point | None
    places: tuple[Found, ...] = ()
    candidates: tuple[Candidate, ...] = ()  # an ambiguous address: choose, then ask again


def country_of(point: Point) -> str:
    """The country code to give the carrier with a point ("" when we cannot tell)."""
    region = regions.region_of(point.lat, point.lng)
    if region:
        return region
    in_us = 24.0 <= point.lat <= 49.5 and -125.0 <= point.lng <= -66.5
    return "US" if in_us else ""


def _families(wanted: Filter) -> tuple[bool, ...]:
    """Which searches a filter needs: Access Points (True), counters and boxes (False)."""
    return {Filter.ACCESS_POINTS: (True,), Filter.STAFFED: (False,)}.get(wanted, (False, True))


def _normal(line: str) -> str:
    return " ".join(line.upper().replace(".", " ").replace(",", " ").split())


class LocationService:
    """Answers the mini-program's nearby search through the Locator port."""

    def __init__(
        self,
        locator: Locator,
        clock: Callable[[], float] = time.time,
        radius_km: int = RADIUS_KM,
        limit: int = LIMIT,
    ) -> None:
        self._locator = locator
        self._clock = clock
        self._radius_km = radius_km
        self._limit = limit

    def near_point(self, point: Point, wanted: Filter) -> Nearby:
        """Places within the radius of a WGS-84 point, nearest first."""
        answers = self._ask(wanted, point=point, country=country_of(point))
        return self._nearby(point, answers, wanted)

    def near_address(self, text: str, wanted: Filter, country: str = "") -> Nearby:
        """Places around an address or city name, as the carrier places it on the map."""
        country = country or regions.region_of_text(text)
        answers = self._ask(wanted, address=text.strip(), country=country)
        candidates = tuple(c for answer in answers for c in answer.candidates)
        origin = next((a.origin for a in answers if a.origin is not None), None)
        if candidates and not any(answer.locations for answer in answers):
            return Nearby(origin, candidates=candidates)
        return self._nearby(origin, answers, wanted)

    def held_at(self, held: HeldAt) -> Found | None:
        """The Access Point (or locker) holding a parcel, when its scan names the street."""
        if not held.address_lines:
            return None  # a city alone cannot tell one shop from another
        query = LocatorQuery(
            access_points=True,
            address=held.text(),
            country=held.country,
            radius_km=HELD_RADIUS_KM,
            limit=10,
        )
        try:
            answer = self._locator.search(query)
        except LocatorError as error:
            log.info("held-at lookup failed: %s", error)
            return None
        street = _normal(held.address_lines[0])
        for location in answer.locations:
            lines = [_normal(line) for line in location.address_lines]
            if location.kind in PICKUP_KINDS and street in lines:
                return self._found(location, location.point)
        return None

    def _ask(self, wanted: Filter, **origin: Any) -> list[LocatorAnswer]:
        """One search per family; one family failing is tolerated, all failing is not."""
        answers: list[LocatorAnswer] = []
        failure: LocatorError | None = None
        for access_points in _families(wanted):
            query = LocatorQuery(
                access_points=access_points,
                radius_km=self._radius_km,
                limit=self._limit,
                **origin,
            )
            try:
                answers.append(self._locator.search(query))
            except LocatorError as error:
                failure = error
                log.info("location search failed (access points: %s): %s", access_points, error)
        if not answers and failure is not None:
            raise failure
        return answers

    def _nearby(self, origin: Point | None, answers: list[LocatorAnswer], wanted: Filter) -> Nearby:
        seen: set[str] = set()
        places = []
        for answer in answers:
            for location in answer.locations:
                if location.id in seen or not matches(location.kind, wanted):
                    continue
                seen.add(location.id)
                found = self._found(location, origin)
                if found.distance_m is None or found.distance_m <= self._radius_km * 1000:
                    places.append(found)
        places.sort(key=lambda f: (f.distance_m is None, f.distance_m or 0.0))
        return Nearby(origin, tuple(places[: self._limit]))

    def _found(self, location: Location, origin: Point | None) -> Found:
        zone = zone_for(location.country, location.state, location.point.lng, location.timezone)
        from_origin = distance_m(origin, location.point) if origin else location.distance_m
        state = open_state(location.hours, datetime.fromtimestamp(self._clock(), zone))
        return Found(location, from_origin, state, zone.key)
