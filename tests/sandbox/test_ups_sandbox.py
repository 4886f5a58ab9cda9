"""The UPS sandbox's wire format and quirks over real HTTP, as a raw client sees them."""

from __future__ import annotations

import base64
import calendar
import re
import time

import pytest
import requests

from backend.domain.statuses import Status
from backend.sandbox.ups.journeys import BY_KEY, SCENARIOS
from tests.support.numbers import check_digit
from tests.support.ups_sandbox import Sandbox


@pytest.fixture
def bearer(ups_sandbox) -> str:
    return ups_sandbox.token().json()["access_token"]


def _track(ups_sandbox: Sandbox, number: str, bearer: str, locale="en_US", **params):
    return ups_sandbox.track(number, bearer, locale, **params)


def _package(response: requests.Response) -> dict:
    assert response.status_code == 200, response.text
    return response.json()["trackResponse"]["shipment"][0]["package"][0]


def _scalars(value, path=""):
    """(path, value) of every scalar in a JSON document."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _scalars(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _scalars(item, f"{path}[{index}]")
    else:
        yield path, value


def _epoch(text: str, pattern: str) -> int:
    """Seconds since the epoch of a time read as UTC."""
    return calendar.timegm(time.strptime(text, pattern))


def _gmt(activity: dict) -> int:
    return _epoch(activity["gmtDate"] + activity["gmtTime"], "%Y%m%d%H:%M:%S")


@pytest.mark.parametrize("number", ["1Z1234", "1" * 35, "1Z12 345678"])
def test_numbers_outside_the_7_to_34_rule_are_tv1002(ups_sandbox, bearer, number):
    response = _track(ups_sandbox, number, bearer)
    assert response.status_code == 400
    assert response.json() == {
        "response": {"errors": [{"code": "TV1002", "message": "Invalid inquiry number"}]}
    }


@pytest.mark.parametrize("number", ["1Z999AA10123456784", BY_KEY["not_found"].number])
def test_unknown_numbers_are_http_200_with_tw0001(ups_sandbox, bearer, number):
    response = _track(ups_sandbox, number, bearer)
    assert response.status_code == 200
    shipment = response.json()["trackResponse"]["shipment"][0]
    assert shipment["inquiryNumber"] == number and "package" not in shipment
    assert shipment["warnings"] == [{"code": "TW0001", "message": "Tracking Information Not Found"}]


def test_known_parcel_body_reproduces_the_production_quirks(ups_sandbox, bearer):
    package = _package(_track(ups_sandbox, BY_KEY["clearance_in_progress"].number, bearer))
    for path, value in _scalars(package):
        expected = int if path == ".packageCount" else str
        assert isinstance(value, expected), path
    activities = package["activity"]
    assert package["deliveryDate"] == []  # held in customs: no date
    assert "type" not in package["currentStatus"] and package["currentStatus"]["code"] == "092"
    assert any("code" not in a["status"] for a in activities)  # export/import/092 scans
    assert any(a["status"]["description"].endswith(" ") for a in activities)
    assert all(re.fullmatch(r"\d\d:\d\d:\d\d", a["gmtTime"]) for a in activities)
    assert all(re.fullmatch(r"[+-]\d\d:\d\d", a["gmtOffset"]) for a in activities)
    moments = [a["gmtDate"] + a["gmtTime"] for a in activities]
    assert moments == sorted(moments, reverse=True)  # newest first
    assert package["weight"] == {"unitOfMeasurement": "KGS", "weight": "6.80"}
    assert {a["type"] for a in package["packageAddress"]} == {"ORIGIN", "DESTINATION"}


def test_local_times_follow_each_place_time_zone(ups_sandbox, bearer):
    activities = _package(_track(ups_sandbox, BY_KEY["intl_cn_to_us"].number, bearer))["activity"]
    offsets = {a["location"].get("address", {}).get("city"): a["gmtOffset"] for a in activities}
    assert offsets["Shenzhen"] == "+08:00"
    assert offsets["ANCHORAGE"] in ("-09:00", "-08:00")
    for activity in activities:
        local = _epoch(activity["date"] + activity["time"], "%Y%m%d%H%M%S")
        sign = 1 if activity["gmtOffset"][0] == "+" else -1
        hours, minutes = map(int, activity["gmtOffset"][1:].split(":"))
        assert local - _gmt(activity) == sign * (hours * 3600 + minutes * 60)


def test_events_are_in_the_past_and_recent(ups_sandbox, bearer):
    activities = _package(_track(ups_sandbox, BY_KEY["at_facility"].number, bearer))["activity"]
    age = time.time() - _gmt(activities[0])
    assert 0 < age < 3600


def test_locale_chooses_the_language(ups_sandbox, bearer):
    number = BY_KEY["out_for_delivery"].number
    zh = _package(_track(ups_sandbox, number, bearer, locale="zh_CN"))
    en = _package(_track(ups_sandbox, number, bearer, locale="en_US"))
    assert re.search(r"[\u4e00-\u9fff]", zh["activity"][0]["status"]["description"])
    assert en["activity"][0]["status"]["description"] == "Out For Delivery Today"
    assert en["deliveryTime"] == {"type": "CDW", "startTime": "140000", "endTime": "160000"}


def test_delivered_parcels_carry_personal_fields_and_signature_on_request(ups_sandbox, bearer):
    number = BY_KEY["signature_delivered"].number
    plain = _package(_track(ups_sandbox, number, bearer))
    signed = _package(_track(ups_sandbox, number, bearer, returnSignature="true"))
    assert plain["deliveryInformation"]["receivedBy"] == "CHEN JING"
    assert "signature" not in plain["deliveryInformation"]
    assert base64.b64decode(signed["deliveryInformation"]["signature"]["image"])
    assert plain["deliveryDate"][0]["type"] == "DEL" and plain["deliveryTime"]["type"] == "DEL"
    destination = next(a for a in plain["packageAddress"] if a["type"] == "DESTINATION")
    assert destination["name"] == "CHEN JING" and destination["attentionName"] == "CHEN JING"
    assert (
        destination["address"]["addressLine1"] and destination["address"]["postalCode"] == "100020"
    )


def test_scenarios_have_valid_unique_numbers_and_cover_every_status(ups_sandbox):
    listed = requests.get(ups_sandbox.url("/scenarios"), timeout=5).json()
    numbers = [item["number"] for item in listed]
    assert len(set(numbers)) == len(numbers) == len(SCENARIOS)
    for number in numbers:
        assert re.fullmatch(r"1Z[0-9A-Z]{16}", number) and number[-1] == check_digit(number[2:17])
    # Each status is where some scenario starts or ends (label_created starts a full journey).
    shown = {item["final_status"] for item in listed if item["scenario"] != "not_found"}
    shown |= {s.steps[s.start - 1].event.status.value for s in SCENARIOS if s.start}
    assert shown == {status.value for status in Status}
    assert all(item["description"] for item in listed)
