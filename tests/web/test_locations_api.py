"""GET /api/v1/locations over real HTTP, the app's Locator calling the UPS sandbox."""

from __future__ import annotations

import pytest
import requests

from backend.domain.geo import Point, to_gcj02


def locations(live, **params):
    server, _app = live
    return requests.get(f"{server.url}/api/v1/locations", params=params, timeout=30)


def test_point_search_nearest_first_with_both_datums_hours_and_labels(live):
    response = locations(live, lat="22.5431", lng="114.0579", lang="zh")
    assert response.status_code == 200, response.text
    body = response.json()
    places = body["locations"]
    assert [p["id"] for p in places] == ["SZ0001", "SZ0002"]  # Futian, then Nanshan
    assert places[0]["distance_m"] == 0 and 10_000 < places[1]["distance_m"] < 11_500
    futian = places[0]
    assert futian["type"] == {"code": "customer_center", "label": "UPS 客户服务中心"}
    shifted = to_gcj02(Point(22.5431, 114.0579))
    assert futian["gcj02"] == {"lat": round(shifted.lat, 6), "lng": round(shifted.lng, 6)}
    assert (futian["lat"], futian["lng"]) == (22.5431, 114.0579)
    monday = futian["hours"][0]
    assert monday["label"] == "周一" and monday["text"] == "08:00-10:00, 16:30-19:30"
    assert futian["hours"][6] == {
        "day": 7, "label": "周日", "closed": True, "open_24h": False, "shifts": [], "text": "休息"
    }  # fmt: skip
    assert isinstance(futian["open_now"], bool) and futian["timezone"] == "Asia/Shanghai"
    assert (futian["closes_at"] is not None) == futian["open_now"]
    assert futian["phone"] == "+86 755 8828 0001"
    assert "phone" not in places[1]  # UPS says not to display it
    assert body["origin"]["lat"] == 22.5431 and body["advice"] == []


def test_english_labels(live):
    body = locations(live, lat="40.6902", lng="-73.9918", lang="en").json()
    court = body["locations"][0]
    assert court["type"]["label"] == "UPS Access Point" and court["hours"][0]["label"] == "Mon"
    assert court["gcj02"] == {"lat": 40.6902, "lng": -73.9918}  # no shift outside China
    assert court["access_point"] == {
        "id": "U12345605", "availability": "available", "availability_label": "Accepting parcels"
    }  # fmt: skip


def test_text_search_by_city(live):
    body = locations(live, address="香港", country="HK").json()
    assert [p["id"] for p in body["locations"]] == ["HK0001", "HK0002"]
    assert body["origin"]["lat"] == 22.2819
    central = body["locations"][0]
    assert central["address"] == "88 QUEEN'S ROAD CENTRAL, CENTRAL"  # no postcode in HK
    assert central["gcj02"]["lat"] != central["lat"]  # WeChat's map is shifted in HK too


@pytest.mark.parametrize(
    ("kind", "ids"),
    [
        ("all", ["US0005", "US0006", "US0002"]),  # the Midtown UPS Store is ~7 km away
        ("access_point", ["US0005", "US0006"]),
        ("staffed", ["US0002"]),
    ],
)
def test_kind_filter_in_brooklyn(live, kind, ids):
    assert [
        p["id"] for p in locations(live, lat="40.69", lng="-73.99", kind=kind).json()["locations"]
    ] == ids


def test_kind_filter_in_shanghai(live):
    def ids(kind):
        body = locations(live, lat="31.2304", lng="121.4737", kind=kind).json()
        return {p["id"] for p in body["locations"]}

    assert ids("all") == {"SH0001", "SH0002", "SH0003"}
    assert ids("access_point") == {"SH0003"}
    assert ids("staffed") == {"SH0001"}  # the drop box has nobody behind a counter


def test_capacity_state_of_a_full_access_point(live):
    body = locations(live, lat="34.0494", lng="-118.2563", kind="access_point", lang="zh").json()
    (pico,) = body["locations"]
    assert pico["access_point"]["availability"] == "full"
    assert "满" in pico["access_point"]["availability_label"]


def test_empty_results_come_with_advice(live):
    body = locations(live, lat="-30", lng="-140").json()
    assert body["locations"] == [] and body["candidates"] == []
    assert [a["code"] for a in body["advice"]] == ["call_ups", "ups_website"]
    assert body["advice"][0]["hotline"] and "UPS" in body["advice"][0]["text"]


def test_ambiguous_address_lists_candidates(live):
    body = locations(live, address="Springfield", country="US", lang="en").json()
    assert body["locations"] == [] and body["advice"] == []
    assert [c["text"] for c in body["candidates"]][0] == "SPRINGFIELD, IL, US"
    assert body["candidates"][0]["lat"] == 39.7817


@pytest.mark.parametrize(
    "params",
    [
        {"lat": "91", "lng": "0"},
        {"lat": "0", "lng": "-180.5"},
        {"lat": "abc", "lng": "1"},
        {"lat": "nan", "lng": "1"},
        {"lat": "inf", "lng": "1"},
        {"lat": "31.2"},
        {"lng": "121.4"},
        {"lat": "", "lng": ""},
    ],
)
def test_bad_coordinates_are_a_400_in_the_envelope(live, params):
    response = locations(live, **params)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_coordinates" and "纬度" in error["message"]


def test_bad_coordinates_in_english(live):
    error = locations(live, lat="200", lng="0", lang="en").json()["error"]
    assert error["message"].startswith("Invalid coordinates")


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({}, "missing_origin"),
        ({"address": "   "}, "missing_origin"),
        ({"lat": "31", "lng": "121", "kind": "shops"}, "invalid_request"),
        ({"address": "x" * 201}, "invalid_request"),
        ({"address": "Shanghai", "country": "CHN"}, "invalid_request"),
    ],
)
def test_other_bad_input(live, params, code):
    response = locations(live, **params)
    assert response.status_code == 400 and response.json()["error"]["code"] == code


def test_ups_down_is_a_503_not_a_500(live, ups_sandbox):
    ups_sandbox.faults(error_rate=1, mode="503")
    response = locations(live, lat="33.7607", lng="-84.5407")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "upstream_unavailable"


def test_second_search_nearby_is_served_from_the_cache(live):
    server, _app = live
    locations(live, lat="41.8820", lng="-87.6278")
    before = requests.get(f"{server.url}/_sandbox/ups/locator/stats", timeout=5).json()
    body = locations(live, lat="41.8825", lng="-87.6280").json()
    after = requests.get(f"{server.url}/_sandbox/ups/locator/stats", timeout=5).json()
    assert after == before and body["locations"][0]["id"] == "US0004"


def test_documented_in_openapi(live):
    server, _app = live
    spec = requests.get(f"{server.url}/api/v1/openapi.json", timeout=10).json()
    operation = spec["paths"]["/api/v1/locations"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"lat", "lng", "address", "kind", "country"} <= names
    assert {"200", "400", "503"} <= set(operation["responses"])
