"""GET /api/v1/shares lists the caller's own live shares; unwatching a parcel revokes them."""

from __future__ import annotations

import time

import pytest
import requests

from backend.adapters import redis_keys
from tests.support.shares import Sharer, scenario_number
from tests.support.stores import stores


@pytest.fixture
def two(live):
    server, app = live
    ofd = scenario_number(server.url, "out_for_delivery")
    customs = (
        scenario_number(server.url, "customs_hold") if _has(server.url, "customs_hold") else None
    )
    alice, bob = Sharer(server.url, "alice"), Sharer(server.url, "bob")
    return server.url, app, alice, bob, ofd, customs


def _has(base: str, scenario: str) -> bool:
    listing = requests.get(f"{base}/_sandbox/ups/scenarios", timeout=10).json()
    return any(item["scenario"] == scenario for item in listing)


def listed(sharer: Sharer) -> list[dict]:
    response = requests.get(f"{sharer.base}/api/v1/shares", headers=sharer.headers, timeout=10)
    assert response.status_code == 200, response.text
    return response.json()["shares"]


def test_the_list_holds_the_callers_shares_only_newest_first(two):
    base, _app, alice, bob, number, _ = two
    alice.watch(number, "给妈妈")
    bob.watch(number)
    first = alice.share(number).json()["share_id"]
    time.sleep(0.01)
    second = alice.share(number, include_nickname=True).json()["share_id"]
    bobs = bob.share(number).json()["share_id"]
    mine = listed(alice)
    assert [s["share_id"] for s in mine] == [second, first]
    assert mine[0]["number"] == number and mine[0]["include_nickname"] is True
    assert mine[0]["web_url"].endswith(f"/s/{second}") and mine[0]["expires_at"]
    assert [s["share_id"] for s in listed(bob)] == [bobs]
    assert requests.get(f"{base}/api/v1/shares", timeout=10).status_code == 401


def test_revoked_and_expired_shares_leave_the_list(two):
    _base, app, alice, _bob, number, _ = two
    alice.watch(number)
    kept, revoked, expired = (alice.share(number).json()["share_id"] for _ in range(3))
    assert alice.revoke(revoked).status_code == 204
    stores(app).redis.delete(redis_keys.share(expired))  # its TTL ran out
    assert [s["share_id"] for s in listed(alice)] == [kept]


def test_unwatching_revokes_the_owners_shares_of_that_parcel_only(two):
    base, _app, alice, bob, number, other = two
    alice.watch(number)
    bob.watch(number)
    gone = alice.share(number).json()["share_id"]
    bobs = bob.share(number).json()["share_id"]
    kept = None
    if other:
        alice.watch(other)
        kept = alice.share(other).json()["share_id"]
    url = f"{base}/api/v1/parcels/{number}"
    assert requests.delete(url, headers=alice.headers, timeout=10).status_code == 204
    assert requests.get(f"{base}/api/v1/shares/{gone}", timeout=10).status_code == 404
    assert requests.get(f"{base}/s/{gone}", timeout=10).status_code == 404
    assert requests.get(f"{base}/api/v1/shares/{bobs}", timeout=10).status_code == 200
    assert [s["share_id"] for s in listed(alice)] == ([kept] if kept else [])
    # Watching again does not bring an old link back.
    alice.watch(number)
    assert requests.get(f"{base}/api/v1/shares/{gone}", timeout=10).status_code == 404
