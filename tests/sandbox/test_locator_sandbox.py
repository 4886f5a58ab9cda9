"""The sandbox Locator's wire format and the checks it makes, with raw HTTP requests."""

from __future__ import annotations

import copy
import uuid

import pytest
import requests

BODY = {
    "LocatorRequest": {
        "Request": {"RequestAction": "Locator"},
        "OriginAddress": {
            "Geocode": {"Latitude": "40.7549", "Longitude": "-73.9840"},
            "AddressKeyFormat": {"CountryCode": "US"},
        },
        "Translate": {"Locale": "en_US"},
        "UnitOfMeasurement": {"Code": "MI"},
        "LocationSearchCriteria": {"MaximumListSize": "10", "SearchRadius": "25"},
    }
}


@pytest.fixture
def post(ups_sandbox):
    token = ups_sandbox.token().json()["access_token"]

    def send(body=BODY, version="v3", option="1", bearer=token, trans_id=True):
        headers = {"Authorization": f"Bearer {bearer}", "transactionSrc": "tests"}
        if trans_id:
            headers["transId"] = uuid.uuid4().hex
        url = ups_sandbox.url(f"/api/locations/{version}/search/availabilities/{option}")
        return requests.post(url, json=body, headers=headers, timeout=10)

    return send


def with_criteria(**criteria) -> dict:
    body = copy.deepcopy(BODY)
    body["LocatorRequest"]["LocationSearchCriteria"].update(criteria)
    return body


def test_v3_lists_and_v1_bare_objects(post):
    only_store = with_criteria(SearchRadius="5")  # Midtown: just The UPS Store
    v3 = post(only_store).json()["LocatorResponse"]
    v1 = post(only_store, version="v1").json()["LocatorResponse"]
    assert isinstance(v3["SearchResults"]["DropLocation"], list)
    store = v1["SearchResults"]["DropLocation"]
    assert isinstance(store, dict) and store["LocationID"] == "US0002"
    assert isinstance(store["LocationAttribute"], dict)
    assert v3["Response"] == {
        "ResponseStatusCode": "1", "ResponseStatusDescription": "Success", "TransactionReference": ""
    }  # fmt: skip


def test_distances_in_miles_as_strings_sorted(post):
    drops = post().json()["LocatorResponse"]["SearchResults"]["DropLocation"]
    values = [float(d["Distance"]["Value"]) for d in drops]
    assert values == sorted(values) and all(isinstance(d["Distance"]["Value"], str) for d in drops)
    assert {d["Distance"]["UnitOfMeasurement"]["Code"] for d in drops} == {"MI"}
    assert not any(d.get("AccessPointInformation") for d in drops)  # option 1: no APs


def test_default_list_size_is_five(post):
    body = with_criteria(SearchRadius="100")
    body["LocatorRequest"]["UnitOfMeasurement"] = {"Code": "KM"}
    body["LocatorRequest"]["LocationSearchCriteria"].pop("MaximumListSize")
    body["LocatorRequest"]["OriginAddress"]["Geocode"] = {
        "Latitude": "31.2304",
        "Longitude": "121.4737",
    }
    drops = post(body, option="64").json()["LocatorResponse"]["SearchResults"]["DropLocation"]
    assert len(drops) == 1  # one Access Point within 100 km of Shanghai


@pytest.mark.parametrize(
    ("criteria", "code"),
    [
        ({"SearchRadius": "15.0"}, "20008"),  # whole numbers only
        ({"SearchRadius": "101"}, "20008"),  # > 100 miles
        ({"SearchRadius": "4"}, "20008"),
        ({"MaximumListSize": "0"}, "20008"),
        ({"MaximumListSize": "51"}, "20008"),
    ],
)
def test_spec_limits_are_enforced(post, criteria, code):
    response = post(with_criteria(**criteria))
    assert response.status_code == 400
    assert response.json()["response"]["errors"][0]["code"] == code


def test_missing_fields(post):
    body = copy.deepcopy(BODY)
    del body["LocatorRequest"]["Translate"]
    assert post(body).json()["response"]["errors"][0]["code"] == "20007"
    body = copy.deepcopy(BODY)
    body["LocatorRequest"]["OriginAddress"] = {"AddressKeyFormat": {"CountryCode": "US"}}
    assert post(body).json()["response"]["errors"][0]["code"] == "20007"
    assert post(option="8").status_code == 400
    assert post(trans_id=False).status_code == 400


def test_needs_a_live_token(post):
    response = post(bearer="not-a-token")
    assert response.status_code == 401
    assert response.json()["response"]["errors"][0]["code"] == "250002"


def test_access_point_by_id_sends_the_unit_as_a_string(post):
    body = with_criteria(AccessPointSearch={"PublicAccessPointID": "U12345601"})
    response = post(body, option="64").json()["LocatorResponse"]
    (pico,) = response["SearchResults"]["DropLocation"]
    assert pico["Distance"]["UnitOfMeasurement"] == "MI"
    assert pico["AccessPointInformation"]["AccessPointStatus"]["Code"] == "07"
    reason = pico["AccessPointInformation"]["Availability"]["ShippingAvailability"]
    assert reason["UnavailableReason"]["Code"] == "02"  # full
    assert "Geocode" not in response  # Access Point searches echo no origin


def test_far_away_is_an_empty_success(post):
    body = copy.deepcopy(BODY)
    body["LocatorRequest"]["OriginAddress"]["Geocode"] = {"Latitude": "-30", "Longitude": "-140"}
    response = post(body)
    assert response.status_code == 200
    assert "DropLocation" not in response.json()["LocatorResponse"]["SearchResults"]


def test_same_fault_controls_as_track(post, ups_sandbox):
    ups_sandbox.faults(error_rate=1, mode="429", retry_after=3)
    response = post()
    assert response.status_code == 429 and response.headers["Retry-After"] == "3"
    ups_sandbox.faults(error_rate=1, mode="503", numbers=["1ZSBXUS10310000042"])
    assert post().status_code == 200  # faults aimed at one tracking number spare the Locator


def test_option_codes_as_a_bare_object_like_ups_request_sample(post):
    """java-api-examples' sample request sends one OptionCode as an object, not a list."""
    body = with_criteria(
        SearchRadius="100",
        SearchOption=[{"OptionType": {"Code": "01"}, "OptionCode": {"Code": "003"}}],
    )
    results = post(body).json()["LocatorResponse"]["SearchResults"]
    assert "DropLocation" not in results  # no drop box within 100 miles of Midtown
    body["LocatorRequest"]["LocationSearchCriteria"]["SearchOption"][0]["OptionCode"] = {
        "Code": "002"
    }
    drops = post(body).json()["LocatorResponse"]["SearchResults"]["DropLocation"]
    assert [d["LocationID"] for d in drops] == ["US0002"]
