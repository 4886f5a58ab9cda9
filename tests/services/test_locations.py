"""LocationService with an in-memory Locator: families, filters, distances, order, failures."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from backend.domain.geo import Point, distance_m
from backend.domain.locations import (
    Candidate,
    Filter,
    Kind,
    Location,
    LocatorAnswer,
    LocatorQueryRejectedError,
    LocatorUnavailableError,
)
from backend.domain.model import HeldAt, Shipment
from backend.domain.opening_hours import DayHours, Shift
from backend.domain.statuses import Status
from backend.services.locations import LocationService, country_of
from backend.services.lookup import LookupService
from tests.fakes import FakeCarrier, FakeLocator, FakeSnapshotCache
from tests.support.numbers import make_1z

WEEKDAYS = tuple(DayHours(day, (Shift(540, 1080),)) for day in range(1, 6))
HERE = Point(31.2304, 121.4737)  # People's Square, Shanghai


def place(id_, kind, lat, lng, **kwargs) -> Location:
    defaults = {"country": "CN", "hours": WEEKDAYS, "address_lines": (f"{id_} ROAD",)}
    return Location(id_, f"Place {id_}", kind, Point(lat, lng), **(defaults | kwargs))


PLACES = [
    place("far-center", Kind.CUSTOMER_CENTER, 31.2397, 121.4998),  # ~2.6 km
    place("near-box", Kind.DROP_BOX, 31.2310, 121.4740),  # ~70 m
    place("ap", Kind.ACCESS_POINT, 31.2250, 121.4700),  # ~700 m
    place("locker", Kind.LOCKER, 31.2200, 121.4800),
    place("beijing", Kind.CUSTOMER_CENTER, 39.9088, 116.4597),  # far outside the radius
]


def service(locator, hour=10) -> LocationService:
    # Monday 2026-11-30 at `hour`:00 in Shanghai
    moment = datetime(2026, 11, 30, hour, tzinfo=ZoneInfo("Asia/Shanghai")).timestamp()
    return LocationService(locator, clock=lambda: moment)


def test_all_merges_both_families_nearest_first_with_our_own_distances():
    nearby = service(FakeLocator(PLACES)).near_point(HERE, Filter.ALL)
    ids = [found.location.id for found in nearby.places]
    assert ids == ["near-box", "ap", "locker", "far-center"]
    assert nearby.places[0].distance_m == pytest.approx(distance_m(HERE, PLACES[1].point))


def test_filters_access_points_and_staffed_counters():
    locator = FakeLocator(PLACES)
    aps = service(locator).near_point(HERE, Filter.ACCESS_POINTS)
    assert [f.location.id for f in aps.places] == ["ap", "locker"]
    assert [q.access_points for q in locator.queries] == [True]  # one family asked
    staffed = service(locator).near_point(HERE, Filter.STAFFED)
    assert [f.location.id for f in staffed.places] == ["far-center"]  # no drop box


def test_country_is_given_with_the_point():
    locator = FakeLocator(PLACES)
    service(locator).near_point(Point(22.2819, 114.1582), Filter.ALL)
    assert {q.country for q in locator.queries} == {"HK"}
    assert country_of(Point(40.75, -73.98)) == "US" and country_of(Point(48.85, 2.35)) == ""


def test_open_now_in_local_time():
    morning = service(FakeLocator(PLACES), hour=10).near_point(HERE, Filter.ALL).places[0]
    assert morning.state.open_now is True and morning.state.closes_at == "18:00"
    assert morning.timezone == "Asia/Shanghai"
    night = service(FakeLocator(PLACES), hour=20).near_point(HERE, Filter.ALL).places[0]
    assert night.state.open_now is False and night.state.opens_at == "09:00"


def test_one_family_failing_still_answers_with_the_other():
    locator = FakeLocator(PLACES, failing={True: LocatorUnavailableError("AP search down")})
    nearby = service(locator).near_point(HERE, Filter.ALL)
    assert [f.location.id for f in nearby.places] == ["near-box", "far-center"]


def test_every_family_failing_raises():
    failing = {True: LocatorUnavailableError("down"), False: LocatorUnavailableError("down")}
    with pytest.raises(LocatorUnavailableError):
        service(FakeLocator(PLACES, failing=failing)).near_point(HERE, Filter.ALL)
    rejected = {True: LocatorQueryRejectedError("bad")}
    with pytest.raises(LocatorQueryRejectedError):
        service(FakeLocator(PLACES, failing=rejected)).near_point(HERE, Filter.ACCESS_POINTS)


def test_empty_far_away():
    assert service(FakeLocator(PLACES)).near_point(Point(-30.0, -140.0), Filter.ALL).places == ()


def test_address_search_measures_from_the_carriers_geocode():
    locator = FakeLocator(PLACES, geocoder={"上海": LocatorAnswer(origin=HERE)})
    nearby = service(locator).near_address("上海", Filter.ALL, "CN")
    assert nearby.origin == HERE and nearby.places[0].location.id == "near-box"


def test_ambiguous_address_returns_candidates():
    spring = LocatorAnswer(candidates=(Candidate("SPRINGFIELD, IL", Point(39.78, -89.65)),))
    nearby = service(FakeLocator([], geocoder={"Springfield": spring})).near_address(
        "Springfield", Filter.ALL
    )
    assert nearby.places == () and nearby.candidates[0].text == "SPRINGFIELD, IL"


def test_held_at_matches_the_access_point_by_street():
    locator = FakeLocator(PLACES, geocoder={"Ap Road, SHANGHAI, CN": LocatorAnswer(origin=HERE)})
    found = service(locator).held_at(HeldAt(("Ap Road",), "SHANGHAI", country="CN"))
    assert found is not None and found.location.id == "ap"
    assert locator.queries[-1].access_points and locator.queries[-1].radius_km == 5


def test_held_at_needs_a_street_and_a_match():
    locator = FakeLocator(PLACES, geocoder={"9 OTHER ST, SHANGHAI, CN": LocatorAnswer(origin=HERE)})
    assert service(locator).held_at(HeldAt((), "SHANGHAI", country="CN")) is None
    assert locator.queries == []  # a city alone is not worth a call
    assert service(locator).held_at(HeldAt(("9 OTHER ST",), "SHANGHAI", country="CN")) is None


def test_held_at_failure_is_quiet():
    locator = FakeLocator(PLACES, failing={True: LocatorUnavailableError("down")})
    assert service(locator).held_at(HeldAt(("AP ROAD",), "SHANGHAI", country="CN")) is None


def test_the_lookup_use_case_finds_where_a_held_parcel_waits():
    # The Access Point is found by the use case, so presenting a Result does no I/O.
    locator = FakeLocator(PLACES, geocoder={"AP ROAD, SHANGHAI, CN": LocatorAnswer(origin=HERE)})
    held = HeldAt(("AP ROAD",), "SHANGHAI", country="CN")
    carrier, number = FakeCarrier(), make_1z("HELDAP", 1)
    carrier.shipments[number] = Shipment(number, Status.READY_FOR_PICKUP, held_at=held)
    lookups = LookupService(carrier, FakeSnapshotCache(), held_at=service(locator).held_at)
    (result,) = lookups.lookup_many(number, "zh")
    assert result.access_point is not None and result.access_point.location.id == "ap"
    assert lookups.lookup_for_reader(number, "en").access_point is not None
    # The worker's and the shared card's lookups do without, and cost the locator nothing.
    asked = len(locator.queries)
    assert lookups.lookup_one(number, "zh").access_point is None
    assert len(locator.queries) == asked


def test_a_held_parcel_whose_access_point_is_not_found_still_has_its_result():
    locator = FakeLocator(PLACES, failing={True: LocatorUnavailableError("down")})
    carrier, number = FakeCarrier(), make_1z("HELDAP", 2)
    held = HeldAt(("AP ROAD",), "SHANGHAI", country="CN")
    carrier.shipments[number] = Shipment(number, Status.READY_FOR_PICKUP, held_at=held)
    lookups = LookupService(carrier, FakeSnapshotCache(), held_at=service(locator).held_at)
    (result,) = lookups.lookup_many(number, "zh")
    assert result.snapshot is not None and result.access_point is None
