"""Redis stopped mid-test: every route that needs it answers 503 with Retry-After in the
envelope, routes that do not still answer, and after the restart everything works again
with nothing half-written. Uses a private redis-server, never the shared one."""

from __future__ import annotations

import json
import time

import pytest
import requests

from backend.settings import SANDBOX_WEBHOOK_CREDENTIAL
from tests.support.apps import close_app
from tests.support.live_server import LiveServer
from tests.support.redis_server import PrivateRedis
from tests.support.stores import make_app
from tests.support.track_alert import restamp
from tests.support.wechat import login

TRANSIT = "1ZSBXUS10310000042"
CUSTOMS = "1ZSBXCN16620000022"


@pytest.fixture
def outage(make_settings, tmp_path):
    redis = PrivateRedis(str(tmp_path)).start()
    server = LiveServer()
    settings = make_settings(port=server.port, public_base_url=server.url, redis_url=redis.url)
    app = make_app(settings)
    server.serve(app)
    yield server, redis
    server.stop()
    close_app(app)
    redis.kill()


def needs_redis(base: str, token: str, share_id: str) -> list[tuple[str, str, dict]]:
    auth = {"Authorization": f"Bearer {token}"}
    hook = {"User-Agent": "UPSPubSubTrackingService", "credential": SANDBOX_WEBHOOK_CREDENTIAL}
    event = restamp(
        {"trackingNumber": TRANSIT, "activityStatus": {"type": "I", "code": "AR"},
         "gmtActivityDate": "", "gmtActivityTime": ""},
        time.time(),
    )  # fmt: skip
    return [
        ("GET", f"/api/v1/track?numbers={TRANSIT}", {}),
        ("POST", "/api/v1/track", {"json": {"numbers": [TRANSIT, CUSTOMS]}}),
        ("GET", "/api/v1/parcels", {"headers": auth}),
        ("GET", f"/api/v1/parcels/{TRANSIT}", {"headers": auth}),
        ("PUT", f"/api/v1/parcels/{CUSTOMS}", {"headers": auth, "json": {"nickname": "x"}}),
        ("DELETE", f"/api/v1/parcels/{TRANSIT}", {"headers": auth}),
        ("GET", "/api/v1/subscriptions", {"headers": auth}),
        ("POST", "/api/v1/subscriptions", {"headers": auth, "json": {"results": {}}}),
        ("POST", f"/api/v1/parcels/{TRANSIT}/share", {"headers": auth, "json": {}}),
        ("GET", "/api/v1/shares", {"headers": auth}),
        ("GET", f"/api/v1/shares/{share_id}", {}),
        ("POST", "/api/v1/auth/login", {"json": {"code": "sandbox:late#1"}}),
        ("POST", "/ups/webhook", {"headers": hook, "data": json.dumps(event)}),
        ("GET", "/healthz", {}),
    ]


def test_redis_down_is_503_with_retry_after_then_everything_recovers(outage):
    server, redis = outage
    base = server.url
    token = login(base, "outage")
    auth = {"Authorization": f"Bearer {token}"}
    assert requests.put(f"{base}/api/v1/parcels/{TRANSIT}", json={}, headers=auth, timeout=30).ok
    share = requests.post(
        f"{base}/api/v1/parcels/{TRANSIT}/share", json={}, headers=auth, timeout=30
    )
    share_id = share.json()["share_id"]

    redis.kill()
    for method, path, kwargs in needs_redis(base, token, share_id):
        response = requests.request(method, base + path, timeout=30, **kwargs)
        assert response.status_code == 503, (method, path, response.text)
        assert int(response.headers["Retry-After"]) > 0, path
        assert response.json()["error"]["code"] in {
            "service_unavailable", "redis_unavailable", "wechat_unavailable"
        }, path  # fmt: skip
    for path in ("/api/v1/help", "/api/v1/scan?code=1ZSBXUS10310000042"):
        assert requests.get(base + path, timeout=30).status_code == 200, path
    check = requests.post(f"{base}/api/v1/links/check", json={"url": "https://ups.com"}, timeout=30)
    assert check.status_code == 200

    redis.start()
    assert requests.get(f"{base}/healthz", timeout=30).status_code == 200
    parcels = requests.get(f"{base}/api/v1/parcels", headers=auth, timeout=30)
    # Before the outage: TRANSIT watched. During it: a watch, an unwatch refused. Nothing
    # of those half-happened.
    assert [p["number"] for p in parcels.json()["parcels"]] == [TRANSIT]
    assert requests.get(f"{base}/api/v1/shares/{share_id}", timeout=30).status_code == 200
    assert requests.put(f"{base}/api/v1/parcels/{CUSTOMS}", json={}, headers=auth, timeout=30).ok
    track = requests.get(f"{base}/api/v1/track?numbers={TRANSIT}", timeout=30)
    assert track.status_code == 200 and track.json()["results"][0]["ok"]
