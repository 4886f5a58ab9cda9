"""Rendered Results are reused only for the same snapshot, the same staleness and a minute;
a new scan or a new day's advice shows through."""

from __future__ import annotations

import json

from backend.adapters import redis_conn, redis_keys
from backend.adapters.snapshot_cache import decode, encode
from backend.domain.model import Shipment, TrackingEvent
from backend.domain.snapshots import CachedSnapshot
from backend.domain.statuses import Status
from backend.services.lookup import Lookup
from backend.web.rendered import RenderedResults

NUMBER = "1Z999AA10123456784"
TRANSIT = "1ZSBXUS10310000042"


def snapshot(status: Status, fetched_at: float = 1_764_000_000.0) -> CachedSnapshot:
    event = TrackingEvent("2026-11-25T09:30:00+08:00", "Shanghai, CN", "scan", status, "OT")
    shipment = Shipment(number=NUMBER, status=status, events=(event,))
    return CachedSnapshot(shipment, fetched_at, fetched_at + 600)


class Renders:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> str:
        self.count += 1
        return f"render {self.count}"


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_same_snapshot_is_rendered_once_until_it_is_a_minute_old():
    clock, render = Clock(), Renders()
    results = RenderedResults(max_age=60, clock=clock)
    lookup = Lookup(NUMBER, snapshot(Status.IN_TRANSIT))
    assert results.text(lookup, "zh", render) == "render 1"
    clock.now += 59
    assert results.text(lookup, "zh", render) == "render 1"
    clock.now += 2  # advice counts days from now: a minute later it is worked out again
    assert results.text(lookup, "zh", render) == "render 2"


def test_a_new_snapshot_another_language_or_staleness_is_rendered_again():
    render = Renders()
    results = RenderedResults(clock=Clock())
    first = Lookup(NUMBER, snapshot(Status.IN_TRANSIT))
    results.text(first, "zh", render)
    # Equal content but another object (a new fetch decoded): never trusted to be the same.
    same_fields = Lookup(NUMBER, snapshot(Status.IN_TRANSIT))
    assert results.text(same_fields, "zh", render) == "render 2"
    assert results.text(same_fields, "en", render) == "render 3"
    stale = Lookup(NUMBER, same_fields.snapshot, stale=True)
    assert results.text(stale, "zh", render) == "render 4"
    assert results.text(stale, "zh", render) == "render 4"


def test_error_results_are_not_kept_and_the_cache_is_bounded():
    render = Renders()
    results = RenderedResults(max_entries=2, clock=Clock())
    missing = Lookup(NUMBER, error="not_found")
    results.text(missing, "zh", render)
    results.text(missing, "zh", render)
    assert render.count == 2
    lookups = [Lookup(f"1Z{i:016d}", snapshot(Status.IN_TRANSIT)) for i in range(3)]
    for lookup in lookups:
        results.text(lookup, "zh", render)
    results.text(lookups[2], "zh", render)  # the newest is kept
    assert render.count == 5
    results.text(lookups[0], "zh", render)  # the oldest was dropped
    assert render.count == 6


def test_a_new_snapshot_in_redis_shows_at_once(live, redis_url):
    server, app = live
    client = app.test_client()
    first = client.get(f"/api/v1/track?numbers={TRANSIT}").get_json()["results"][0]
    again = client.get(f"/api/v1/track?numbers={TRANSIT}")
    assert again.mimetype == "application/json"
    assert again.get_json()["results"][0] == first and first["status"]["code"] == "in_transit"
    # Another process stores a newer snapshot (a poll, a Track Alert scan).
    blobs = redis_conn.connect(redis_url, decode=False)
    key = redis_keys.snapshots(TRANSIT)
    document = decode(blobs.get(key))
    document["zh"]["s"]["status"] = "out_for_delivery"
    document["zh"]["f"] += 1
    blobs.set(key, encode(document))
    latest = client.get(f"/api/v1/track?numbers={TRANSIT}").get_json()["results"][0]
    assert latest["status"]["code"] == "out_for_delivery"
    assert latest["as_of"] != first["as_of"]
    blobs.close()


def test_the_body_is_the_contract_json(live):
    response = live[1].test_client().get(f"/api/v1/track?numbers={TRANSIT},{NUMBER}&lang=en")
    body = json.loads(response.data)
    assert [r["number"] for r in body["results"]] == [TRANSIT, NUMBER]
    assert body["results"][0]["status"]["label"] == "In Transit"
    assert body["results"][1]["error"]["code"] == "not_found"
    # Parsed from the raw text: nothing but the results, however it was assembled.
    assert set(body) == {"results"}
    assert response.headers["Content-Length"] == str(len(response.data))
