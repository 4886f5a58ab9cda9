"""GET /api/v1/me/data and DELETE /api/v1/me over HTTP: a user who watched, subscribed,
shared and was notified is erased, and then no Redis key or value holds their openid."""

from __future__ import annotations

import time

import pytest
import redis
import requests

from backend.adapters import redis_keys
from backend.sandbox.wechat.blueprint import sandbox_openid
from tests.support.shares import Sharer, scenario_number
from tests.support.stores import stores, worker
from tests.support.wechat import subscribe

CUSTOMS = "1ZSBXCN16620000022"
STATUS_TPL = "sandbox-tpl-status-change"
SANDBOX_PREFIX = redis_keys.sandbox() + ":"  # WeChat's and UPS's stand-ins, not our store


def call(sharer: Sharer, method: str, path: str, **kwargs) -> requests.Response:
    return requests.request(
        method, sharer.base + path, headers=sharer.headers, timeout=30, **kwargs
    )


@pytest.fixture
def world(live):
    server, app = live
    services = stores(app)
    alice, alice_again, bob = (Sharer(server.url, n) for n in ("alice", "alice", "bob"))
    openid = sandbox_openid(services.settings.wechat_appid, "alice")
    body = {"results": {STATUS_TPL: "accept"}}
    assert call(alice, "POST", "/api/v1/subscriptions?lang=en", json=body).status_code == 200
    subscribe(server.url, "alice", [STATUS_TPL])  # the popup's push event pairs with the report
    time.sleep(1.1)  # WeChat's CreateTime has one-second resolution
    subscribe(server.url, "alice", [STATUS_TPL])
    mine = scenario_number(server.url, "address_exception_then_delivered")
    requests.post(f"{server.url}/_sandbox/ups/parcels/{mine}/reset", json={"step": 1}, timeout=10)
    alice.watch(mine, "妈妈的保健品")
    alice.watch(CUSTOMS)
    bob.watch(CUSTOMS, "bob's")
    shared = alice.share(mine, include_nickname=True).json()["share_id"]
    bobs = bob.share(CUSTOMS).json()["share_id"]
    for _step in range(8):  # until a change is worth a message (the journey has a few)
        requests.post(f"{server.url}/_sandbox/ups/parcels/{mine}/advance", timeout=10)
        if "sent" in worker(app).refresh_job.run(mine).outcomes:
            break
    return server, services, openid, (alice, alice_again, bob), (shared, bobs), mine


def test_my_data_lists_everything_kept(world):
    server, _services, openid, (alice, _again, bob), (shared, _bobs), mine = world
    data = call(alice, "GET", "/api/v1/me/data").json()
    assert [(p["number"], p["nickname"]) for p in data["parcels"]] == [
        (mine, "妈妈的保健品"),
        (CUSTOMS, None),
    ]
    assert data["language"] == "en" and STATUS_TPL in data["credits"]
    assert [(s["share_id"], s["nickname"]) for s in data["shares"]] == [(shared, "妈妈的保健品")]
    assert {n["number"] for n in data["notifications"]} == {mine}
    assert {n["state"] for n in data["notifications"]} <= {"sent", "unread", "held", "sending"}
    assert openid not in str(data)  # a copy for the user, without internal ids
    assert call(bob, "GET", "/api/v1/me/data").json()["parcels"][0]["nickname"] == "bob's"
    assert requests.get(f"{server.url}/api/v1/me/data", timeout=10).status_code == 401


def test_closing_the_account_erases_every_trace_of_the_openid(world):
    server, services, openid, (alice, alice_again, bob), (shared, bobs), mine = world
    messages = requests.get(f"{server.url}/_sandbox/wechat/messages", timeout=10).json()
    assert any(m["touser"] == openid for m in messages), "the user was never notified"
    assert _holding(services.redis, openid), "nothing to erase: the scan would prove nothing"

    assert call(alice, "DELETE", "/api/v1/me").status_code == 204

    assert _holding(services.redis, openid) == []
    for token_holder in (alice, alice_again):
        assert call(token_holder, "GET", "/api/v1/parcels").status_code == 401
    assert requests.get(f"{server.url}/api/v1/shares/{shared}", timeout=10).status_code == 404
    assert requests.get(f"{server.url}/api/v1/shares/{bobs}", timeout=10).status_code == 200

    def scheduled(number: str) -> bool:
        return services.redis.zscore(redis_keys.schedule(number), number) is not None

    assert not scheduled(mine) and scheduled(CUSTOMS)  # bob still watches CUSTOMS
    assert services.watches.watchers(CUSTOMS) == {sandbox_openid(
        services.settings.wechat_appid, "bob")}  # fmt: skip
    assert call(bob, "GET", "/api/v1/parcels").json()["parcels"][0]["number"] == CUSTOMS


def test_closing_twice_and_without_a_token(world):
    server, _services, _openid, (alice, _again, _bob), _shares, _mine = world
    assert call(alice, "DELETE", "/api/v1/me").status_code == 204
    assert call(alice, "DELETE", "/api/v1/me").status_code == 401
    refused = requests.delete(f"{server.url}/api/v1/me", timeout=10)
    assert refused.status_code == 401 and refused.json()["error"]["code"] == "unauthorized"


def _holding(store: redis.Redis, openid: str) -> list[str]:
    """Every key outside the sandboxes whose name or value contains `openid` (raw bytes, so
    RQ's pickled jobs count too)."""
    raw = redis.Redis(connection_pool=redis.ConnectionPool(**{
        **store.connection_pool.connection_kwargs, "decode_responses": False}))  # fmt: skip
    needle, found = openid.encode(), []
    for key in raw.scan_iter(count=500):
        if key.decode(errors="replace").startswith(SANDBOX_PREFIX):
            continue
        if needle in key or any(needle in part for part in _values(raw, key)):
            found.append(key.decode(errors="replace"))
    raw.close()
    return found


def _values(raw: redis.Redis, key: bytes) -> list[bytes]:
    kind = raw.type(key).decode()
    if kind == "string":
        return [raw.get(key) or b""]
    if kind == "hash":
        return [b for pair in raw.hgetall(key).items() for b in pair]
    if kind == "set":
        return list(raw.smembers(key))
    if kind == "zset":
        return list(raw.zrange(key, 0, -1))
    if kind == "list":
        return list(raw.lrange(key, 0, -1))
    if kind == "stream":
        return [b for _id, entry in raw.xrange(key) for pair in entry.items() for b in pair]
    return []
