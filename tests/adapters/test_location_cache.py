"""The Redis cache in front of the Locator: per search cell and family, with TTLs (real Redis)."""

from __future__ import annotations

import socket

import pytest

from backend.adapters import redis_conn, redis_keys
from backend.adapters.location_cache import (
    CELL_MARGIN_KM,
    EMPTY_TTL,
    FOUND_TTL,
    CachedLocator,
    cell_of,
    search_key,
)
from backend.domain.geo import Point
from backend.domain.locations import Availability, Kind, Location, LocatorQuery
from backend.domain.opening_hours import DayHours, Shift
from tests.fakes import FakeLocator

COURT = Location(
    "US0005", "COURT STREET PHARMACY", Kind.ACCESS_POINT, Point(40.6902, -73.9918),
    address_lines=("150 COURT ST",), city="BROOKLYN", state="NY", postcode="11201",
    country="US", phone="718-555-0150", hours=(DayHours(1, (Shift(480, 600), Shift(990, 1170))),
    DayHours(7, closed=True)), hours_text="Mon-Fri", access_point_id="U12345605",
    availability=Availability.FULL, type_code="018", distance_m=120.5,
)  # fmt: skip
HERE = Point(40.6900, -73.9900)
NEIGHBOUR = Point(40.6905, -73.9905)  # same ~2 km cell


def query(point=HERE, access_points=True, **kwargs) -> LocatorQuery:
    return LocatorQuery(access_points=access_points, point=point, **kwargs)


def test_one_carrier_call_per_cell_and_family(redis_client):
    inner = FakeLocator([COURT])
    cached = CachedLocator(inner, redis_client)
    first = cached.search(query())
    assert cached.search(query(NEIGHBOUR)) == first  # same cell: from Redis
    assert len(inner.queries) == 1
    name, centre = cell_of(HERE)
    assert inner.queries[0].point == centre and inner.queries[0].radius_km == 25 + CELL_MARGIN_KM
    cached.search(query(access_points=False))  # the other family is its own entry
    cached.search(query(Point(40.75, -73.98)))  # another cell
    assert len(inner.queries) == 3
    assert 0 < redis_client.ttl(search_key(query())) <= FOUND_TTL


def test_answer_round_trips_exactly_through_redis(redis_client):
    inner = FakeLocator([COURT])
    fresh = CachedLocator(inner, redis_client).search(query())
    again = CachedLocator(FakeLocator([]), redis_client).search(query())
    assert again == fresh and again.locations[0] == COURT


def test_empty_answers_expire_sooner(redis_client):
    CachedLocator(FakeLocator([]), redis_client).search(query(Point(-30.0, -140.0)))
    ttl = redis_client.ttl(search_key(query(Point(-30.0, -140.0))))
    assert 0 < ttl <= EMPTY_TTL < FOUND_TTL


def test_address_searches_share_an_entry_whatever_the_spacing(redis_client):
    inner = FakeLocator([COURT])
    cached = CachedLocator(inner, redis_client)
    cached.search(LocatorQuery(access_points=True, address="  Hong   Kong", country="hk"))
    cached.search(LocatorQuery(access_points=True, address="hong kong", country="HK"))
    assert len(inner.queries) == 1


@pytest.mark.parametrize(
    "other",
    [
        {"radius_km": 5},  # a held-at check's 5 km, not the public search's 25 km
        {"limit": 10},
        {"country": "CN"},
        {"access_point_id": "U12345605"},
    ],
)
@pytest.mark.parametrize("where", [{"point": HERE}, {"address": "150 Court St, Brooklyn"}])
def test_every_part_of_the_question_is_in_the_cache_key(redis_client, where, other):
    """Issue #26 item 10: a question differing only in radius, limit, country hint or Access
    Point must reach the carrier, not take another question's cached answer."""
    inner = FakeLocator([COURT])
    cached = CachedLocator(inner, redis_client)
    cached.search(LocatorQuery(access_points=True, **where))
    cached.search(LocatorQuery(access_points=True, **where, **other))
    assert len(inner.queries) == 2
    assert inner.queries[1].radius_km - inner.queries[0].radius_km == (
        other.get("radius_km", 25) - 25
    )


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_redis_down_costs_only_the_cache():
    dead = redis_conn.connect(f"redis://127.0.0.1:{_closed_port()}/0")
    inner = FakeLocator([COURT])
    cached = CachedLocator(inner, dead)
    assert cached.search(query()).locations == (COURT,)
    assert cached.search(query()).locations == (COURT,)
    assert len(inner.queries) == 2
    dead.close()


@pytest.mark.parametrize("garbage", ["not json", '{"locations": [{"id": 1}]}'])
def test_unreadable_entry_is_a_miss(redis_client, garbage):
    name, _ = cell_of(HERE)
    redis_client.set(redis_keys.location_search("ap", f"{name}:25"), garbage)
    inner = FakeLocator([COURT])
    assert CachedLocator(inner, redis_client).search(query()).locations == (COURT,)
    assert len(inner.queries) == 1
