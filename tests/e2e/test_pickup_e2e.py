"""End to end, as `make run` runs: a watched parcel is attempted, then left at an Access Point.
Its page says where to collect it and until when; a nearby search from that point lists the
Access Point first, with hours and a GCJ-02 map point for WeChat."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from backend.sandbox.ups.journeys import BY_KEY
from tests.support.e2e import call, running_stack, subscribed
from tests.support.wechat import login_code

pytestmark = pytest.mark.e2e

PARCEL = BY_KEY["access_point"]
ATTEMPTED_STEP = 5  # "Delivery Attempted" in Brooklyn; the next scan leaves it at the AP


@pytest.fixture
def stack(redis_url, redis_client, tmp_path):
    with running_stack(redis_url, tmp_path, POLL_INTERVAL_SCALE="0.01") as stack:
        yield stack


def wait_for_status(url: str, token: str, status: str, timeout: float = 20.0) -> dict:
    deadline = time.monotonic() + timeout
    parcel: dict = {}
    while time.monotonic() < deadline:
        parcel = call("GET", f"{url}/api/v1/parcels/{PARCEL.number}?lang=zh", token)
        if parcel.get("status", {}).get("code") == status:
            return parcel
        time.sleep(0.1)
    raise AssertionError(f"still {parcel.get('status')} after {timeout} s")


def test_held_parcel_shows_where_and_until_when_and_the_access_point_leads_nearby(stack):
    url, number = stack.url, PARCEL.number
    call("POST", f"{url}/_sandbox/ups/parcels/{number}/reset", json={"step": ATTEMPTED_STEP})
    token = call("POST", f"{url}/api/v1/auth/login", json={"code": login_code("maria")})["token"]
    attempted = call("PUT", f"{url}/api/v1/parcels/{number}", token, json={})
    assert attempted["status"]["code"] == "delivery_attempted" and attempted["pickup"] is None

    # Once the worker has subscribed it to Track Alert, the next scan is pushed at once.
    deadline = time.monotonic() + 10
    while number not in subscribed(url) and time.monotonic() < deadline:
        time.sleep(0.05)
    call("POST", f"{url}/_sandbox/ups/parcels/{number}/advance")
    held = wait_for_status(url, token, "ready_for_pickup")

    pickup = held["pickup"]
    brooklyn_today = datetime.now(ZoneInfo("America/New_York")).date()
    assert pickup["by"] == (brooklyn_today + timedelta(days=7)).isoformat()
    assert pickup["held_at"]["text"] == "150 COURT ST, BROOKLYN, NY 11201, US"
    point = pickup["access_point"]
    assert point["id"] == "US0005" and point["type"]["code"] == "access_point"
    assert point["name"] == "COURT STREET PHARMACY (UPS ACCESS POINT)"
    assert point["hours"][0]["text"] == "08:00-10:00, 16:30-19:30"
    assert point["gcj02"] == {"lat": point["lat"], "lng": point["lng"]}  # outside China
    assert point["timezone"] == "America/New_York" and isinstance(point["open_now"], bool)

    # The same in a plain lookup, as the detail page of an unwatched parcel shows it.
    result = call("GET", f"{url}/api/v1/track", params={"numbers": number})["results"][0]
    assert result["pickup"]["access_point"]["id"] == "US0005"

    nearby = call(
        "GET", f"{url}/api/v1/locations",
        params={"lat": point["lat"], "lng": point["lng"], "lang": "zh"},
    )  # fmt: skip
    assert nearby["locations"][0]["id"] == "US0005"
    assert nearby["locations"][0]["distance_m"] == 0
    only_aps = call(
        "GET", f"{url}/api/v1/locations",
        params={"lat": point["lat"], "lng": point["lng"], "kind": "access_point"},
    )  # fmt: skip
    assert [p["id"] for p in only_aps["locations"]] == ["US0005", "US0006"]
