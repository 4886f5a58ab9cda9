"""The same location searches on the in-memory FakeLocator (service tests) and on the real
UPS Locator adapter over the sandbox, so the fake keeps the carrier's rules: families apart,
nearest first, the radius and the list size honoured."""

from __future__ import annotations

import pytest

from backend.adapters.http import make_session
from backend.adapters.ups.locator import UpsLocator
from backend.domain.geo import Point
from backend.domain.locations import Kind, Location, LocatorQuery
from backend.sandbox.ups.locator_places import LOCATIONS
from tests.fakes import FakeLocator
from tests.support.stores import settings_of

_KINDS = {"001": Kind.CUSTOMER_CENTER, "002": Kind.STORE, "003": Kind.DROP_BOX,
          "004": Kind.AUTHORIZED_OUTLET, "018": Kind.ACCESS_POINT, "019": Kind.LOCKER}  # fmt: skip
BROOKLYN, PACIFIC = Point(40.6902, -73.9918), Point(-30.0, -140.0)


def _fake() -> FakeLocator:
    places = [
        Location(p.location_id, p.name, _KINDS[p.type_code], Point(p.lat, p.lng)) for p in LOCATIONS
    ]
    return FakeLocator(places)


@pytest.fixture(params=["fake", "ups"])
def locator(request):
    if request.param == "fake":
        yield _fake()
        return
    _server, app = request.getfixturevalue("live")
    ups = request.getfixturevalue("ups")
    session = make_session()
    yield UpsLocator(session, ups.tokens, settings_of(app).ups_base_url)
    session.close()


def ids(locator, **query) -> list[str]:
    answer = locator.search(LocatorQuery(**{"radius_km": 25, "limit": 20, **query}))
    return [location.id for location in answer.locations]


def test_access_points_nearest_first(locator):
    assert ids(locator, access_points=True, point=BROOKLYN, country="US") == ["US0005", "US0006"]


def test_counters_and_boxes_without_access_points(locator):
    assert ids(locator, access_points=False, point=BROOKLYN, country="US") == ["US0002"]


def test_radius_and_list_size(locator):
    assert ids(locator, access_points=True, point=BROOKLYN, country="US", limit=1) == ["US0005"]
    assert ids(locator, access_points=False, point=BROOKLYN, country="US", radius_km=5) == []


def test_nothing_far_away(locator):
    assert ids(locator, access_points=False, point=PACIFIC) == []
