"""The production UPS Locator adapter over real HTTP against the sandbox, quirk by quirk."""

from __future__ import annotations

import pytest

from backend.adapters.http import make_session
from backend.adapters.ups.locator import UpsLocator
from backend.domain.geo import Point
from backend.domain.locations import (
    Availability,
    Kind,
    LocatorQuery,
    LocatorQueryRejectedError,
    LocatorUnavailableError,
)
from backend.domain.opening_hours import DayHours, Shift
from tests.support.stores import settings_of

SHENZHEN_FUTIAN = Point(22.5431, 114.0579)
BEIJING_GUOMAO = Point(39.9088, 116.4597)
BROOKLYN = Point(40.6902, -73.9918)
LOS_ANGELES = Point(34.0494, -118.2563)
CHICAGO = Point(41.8820, -87.6278)
SHANGHAI = Point(31.2304, 121.4737)
PACIFIC = Point(-30.0, -140.0)


@pytest.fixture
def locators(live, ups):
    """Build UpsLocators on the live app's sandbox and the UPS client's shared token."""
    built = []

    def build(version: str = "v3", **session) -> UpsLocator:
        http = make_session(**session)
        built.append(http)
        return UpsLocator(http, ups.tokens, settings_of(live[1]).ups_base_url,
                          version=version)  # fmt: skip

    yield build
    for http in built:
        http.close()


def _query(point=None, **kwargs) -> LocatorQuery:
    return LocatorQuery(access_points=kwargs.pop("access_points", False), point=point, **kwargs)


def _by_id(answer) -> dict:
    return {location.id: location for location in answer.locations}


def test_split_shifts_as_parallel_arrays_and_times_without_leading_zero(locators):
    futian = _by_id(locators().search(_query(SHENZHEN_FUTIAN, country="CN")))["SZ0001"]
    monday = futian.hours[0]
    # "800"-"1000" and "1630"-"1930": two shifts from two parallel lists
    assert monday == DayHours(1, (Shift(480, 600), Shift(990, 1170)))
    assert futian.hours[6] == DayHours(7, closed=True)  # ClosedIndicator: "" means closed
    assert futian.kind is Kind.CUSTOMER_CENTER and futian.timezone == "Asia/Shanghai"


def test_midnight_as_zero_and_presence_only_24h_indicator(locators):
    chicago = _by_id(locators().search(_query(CHICAGO, country="US")))["US0004"]
    assert chicago.hours[0].shifts == (Shift(600, 1440),)  # "1000" to "0": until midnight
    atlanta = locators().search(_query(Point(33.7607, -84.5407), country="US")).locations[0]
    assert atlanta.id == "US0001"
    assert all(day.open_24h for day in atlanta.hours) and len(atlanta.hours) == 7


def test_carriage_return_entity_splits_address_lines(locators):
    guomao = _by_id(locators().search(_query(BEIJING_GUOMAO, country="CN")))["BJ0001"]
    assert guomao.address_lines == ("1 JIANGUOMENWAI AVE", "CHINA WORLD TOWER B")


def test_unknown_hours_type_is_ignored_in_favour_of_regular_hours(locators):
    lujiazui = _by_id(locators().search(_query(SHANGHAI, country="CN")))["SH0001"]
    # HoursType 13 (not in the spec) says Monday opens at "0"; the regular hours say 09:00.
    assert lujiazui.hours[0] == DayHours(1, (Shift(540, 1080),))
    assert lujiazui.hours[5] == DayHours(6, (Shift(600, 840),))


def test_numbers_as_strings_nearest_first_and_hidden_phones(locators):
    answer = locators().search(_query(SHANGHAI, country="CN"))
    distances = [location.distance_m for location in answer.locations]
    assert all(isinstance(d, float) for d in distances) and distances == sorted(distances)
    assert answer.origin == SHANGHAI  # the request's point, echoed as strings
    found = _by_id(answer)
    assert found["SH0001"].phone == "+86 21 6888 0001"
    assert found["SH0002"].phone is None  # DisplayPhoneNumberIndicator "0"
    assert found["SH0002"].kind is Kind.DROP_BOX


@pytest.mark.parametrize("version", ["v1", "v2"])
def test_older_versions_bare_objects_parse_like_v3_arrays(locators, version):
    """v1/v2 send one element bare; the parsed places are the same as from v3."""
    current = locators().search(_query(BROOKLYN, country="US", access_points=True))
    older = locators(version).search(_query(BROOKLYN, country="US", access_points=True))
    assert older == current
    assert [location.id for location in current.locations] == ["US0005", "US0006"]


def test_v3_answer_with_bare_objects_like_ups_sample(locators):
    chicago = _by_id(locators().search(_query(CHICAGO, country="US")))["US0004"]
    assert chicago.kind is Kind.DROP_BOX and chicago.address_lines == ("10 S DEARBORN ST",)


def test_access_point_capacity_states(locators):
    answer = locators().search(_query(LOS_ANGELES, country="US", access_points=True))
    pico = _by_id(answer)["US0003"]
    assert pico.kind is Kind.ACCESS_POINT and pico.availability is Availability.FULL
    brooklyn = locators().search(_query(BROOKLYN, country="US", access_points=True))
    assert _by_id(brooklyn)["US0005"].availability is Availability.AVAILABLE
    assert _by_id(brooklyn)["US0006"].kind is Kind.LOCKER


def test_lookup_by_access_point_id_reads_the_unit_as_a_bare_string(locators):
    query = LocatorQuery(access_points=True, access_point_id="U12345605")
    (court,) = locators().search(query).locations
    assert court.id == "US0005" and court.distance_m == 0.0  # "KM" as a string still parses


def test_ambiguous_address_gives_candidates_not_places(locators):
    answer = locators().search(_query(address="Springfield", country="US"))
    assert answer.locations == ()
    assert [c.text for c in answer.candidates][:2] == ["SPRINGFIELD, IL, US", "SPRINGFIELD, MA, US"]
    assert answer.candidates[0].point == Point(39.7817, -89.6501)


def test_far_away_point_is_an_empty_answer(locators):
    assert locators().search(_query(PACIFIC)).locations == ()


def test_text_search_places_the_origin(locators):
    answer = locators().search(_query(address="香港", country="HK"))
    assert answer.origin is not None and [loc.country for loc in answer.locations] == ["HK"]


def test_refused_request_is_a_rejected_query(locators):
    with pytest.raises(LocatorQueryRejectedError):
        locators().search(_query(address=""))  # UPS: 20007 missing address


def test_expired_token_is_replaced_once(locators, ups_sandbox):
    locator = locators()
    locator.search(_query(BROOKLYN, country="US"))
    ups_sandbox.expire_tokens()
    assert locator.search(_query(BROOKLYN, country="US")).locations


@pytest.mark.parametrize("mode", ["429", "503", "500", "401"])
def test_upstream_failures_become_unavailable(locators, ups_sandbox, mode):
    locator = locators()
    ups_sandbox.faults(error_rate=1, mode=mode)
    with pytest.raises(LocatorUnavailableError):
        locator.search(_query(BROOKLYN, country="US"))


def test_timeout_becomes_unavailable(locators, ups_sandbox):
    locator = locators(timeout=(1.0, 0.3))
    ups_sandbox.faults(error_rate=1, mode="timeout", timeout_ms=1500)
    with pytest.raises(LocatorUnavailableError):
        locator.search(_query(BROOKLYN, country="US"))
