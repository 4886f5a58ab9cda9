"""Share links over real HTTP: lifecycle, ownership, expiry, rate limit, card and code images."""

from __future__ import annotations

import io
import re
import time
from datetime import UTC, datetime, timedelta

import pytest
import requests
from PIL import Image

from backend.adapters import redis_keys
from backend.domain.numbers import mask_number
from backend.services.auth import SessionService
from backend.services.shares import ShareService
from tests.support.shares import Sharer, scenario_number
from tests.support.stores import stores, use_case
from tests.support.wechat import expire_tokens


@pytest.fixture
def shop(live):
    """(base URL, app, alice watching an out-for-delivery parcel, its number)."""
    server, app = live
    number = scenario_number(server.url, "out_for_delivery")
    alice = Sharer(server.url, "alice")
    alice.watch(number, "妈妈的保健品")
    return server.url, app, alice, number


def _get(base: str, share_id: str, suffix: str = "") -> requests.Response:
    return requests.get(f"{base}/api/v1/shares/{share_id}{suffix}", timeout=10)


def test_create_returns_links_title_and_expiry(shop):
    base, _app, alice, number = shop
    response = alice.share(number)
    assert response.status_code == 201, response.text
    body = response.json()
    share_id = body["share_id"]
    # 128 random bits in URL-safe base64; "s=<id>" must fit WeChat's 32-character scene.
    assert re.fullmatch(r"[A-Za-z0-9_-]{22}", share_id)
    assert len(f"s={share_id}") <= 32
    assert body["path"] == f"/pages/share/index?id={share_id}"
    assert body["web_url"] == f"{base}/s/{share_id}"
    assert body["image_url"] == f"{base}/api/v1/shares/{share_id}/card.png?lang=zh"
    assert body["qrcode_url"] == f"{base}/api/v1/shares/{share_id}/qrcode.png"
    assert body["title"].startswith(f"{mask_number(number)} 派送中 · 预计今天")
    assert "妈妈" not in body["title"]
    expires = datetime.fromisoformat(body["expires_at"])
    assert abs(expires - datetime.now(UTC) - timedelta(days=30)) < timedelta(minutes=1)


def test_english_title(shop):
    _base, _app, alice, number = shop
    title = alice.share(number, lang="en").json()["title"]
    assert title.startswith(f"{mask_number(number)} Out for Delivery · Expected today")


def test_read_then_revoke_by_owner_only(shop):
    base, _app, alice, number = shop
    share_id = alice.share(number).json()["share_id"]
    view = _get(base, share_id).json()
    assert view["status"]["code"] == "out_for_delivery"
    assert view["status"]["label"] == "派送中"
    assert view["number_masked"] == mask_number(number)
    bob = Sharer(base, "bob")
    refused = bob.revoke(share_id)  # 404, not 403: ids of others' shares cannot be probed
    assert refused.status_code == 404
    assert refused.json()["error"]["code"] == "share_not_found"
    assert _get(base, share_id).status_code == 200
    assert alice.revoke(share_id).status_code == 204
    for suffix in ("", "/card.png", "/qrcode.png"):
        gone = _get(base, share_id, suffix)
        assert gone.status_code == 404
        assert gone.json()["error"]["code"] == "share_not_found"
    assert requests.get(f"{base}/s/{share_id}", timeout=10).status_code == 404
    assert alice.revoke(share_id).status_code == 404


def test_only_a_watched_number_can_be_shared(shop):
    base, _app, alice, number = shop
    bob = Sharer(base, "bob")
    refused = bob.share(number)
    assert refused.status_code == 404
    assert refused.json()["error"]["code"] == "parcel_not_found"
    assert alice.share("1Z999AA10123456780").json()["error"]["code"] == "invalid_number"
    anonymous = requests.post(f"{base}/api/v1/parcels/{number}/share", json={}, timeout=10)
    assert anonymous.status_code == 401


def test_share_expires_with_its_key(shop):
    base, app, alice, number = shop
    share_id = alice.share(number).json()["share_id"]
    redis = stores(app).redis
    ttl = redis.ttl(redis_keys.share(share_id))
    assert 30 * 86400 - 60 < ttl <= 30 * 86400
    redis.pexpire(redis_keys.share(share_id), 1)
    time.sleep(0.05)
    assert _get(base, share_id).status_code == 404


def test_share_with_a_tiny_lifetime_expires(shop):
    base, app, alice, number = shop
    openid = use_case(app, SessionService).resolve(alice.token)
    created = use_case(app, ShareService).create_share(openid, number, False, ttl_days=1.0 / 86400)
    share_id = created.share.share_id
    assert _get(base, share_id).status_code == 200
    time.sleep(1.1)
    assert _get(base, share_id).status_code == 404


def test_reads_are_rate_limited_per_ip(shop):
    base, _app, alice, number = shop
    share_id = alice.share(number).json()["share_id"]
    with requests.Session() as session:
        codes = [session.get(f"{base}/api/v1/shares/{share_id}").status_code for _ in range(60)]
        assert set(codes) == {200}
        limited = session.get(f"{base}/api/v1/shares/{share_id}?lang=en")
    assert limited.status_code == 429
    assert limited.json()["error"]["code"] == "rate_limited"
    assert limited.json()["error"]["message"].startswith("Too many requests")
    assert int(limited.headers["Retry-After"]) > 0


def test_unknown_and_malformed_ids_are_not_found(shop):
    base = shop[0]
    for share_id in ("A" * 22, "short", "x" * 40):
        response = _get(base, share_id)
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "share_not_found"


def test_qrcode_comes_from_wechat_with_the_share_scene(shop):
    base, _app, alice, number = shop
    share_id = alice.share(number).json()["share_id"]
    response = _get(base, share_id, "/qrcode.png")
    assert response.status_code == 200
    # WeChat's codes are JPEGs (PNG only with is_hyaline): the type follows the bytes.
    assert response.headers["Content-Type"] == "image/jpeg"
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "JPEG"
    # The WeChat sandbox writes the scene and page it was asked for into the image's comment.
    assert image.info["comment"] == f"scene=s={share_id}\npage=pages/share/index".encode()


def test_qrcode_answers_503_when_wechat_refuses(shop):
    base, _app, alice, number = shop
    share_id = alice.share(number).json()["share_id"]
    expire_tokens(base, "break")
    response = _get(base, share_id, "/qrcode.png?lang=en")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "wechat_unavailable"


def test_card_png_is_5_to_4_and_cached(shop):
    base, app, alice, number = shop
    share_id = alice.share(number).json()["share_id"]
    first = _get(base, share_id, "/card.png")
    assert first.status_code == 200
    assert first.headers["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(first.content))
    assert image.size == (1000, 800)
    redis = stores(app).redis
    cached = redis.keys(redis_keys.share_image(share_id, "card:*"))
    assert len(cached) == 1 and ":out_for_delivery:" in cached[0]
    assert 0 < redis.ttl(cached[0]) <= 300
    assert _get(base, share_id, "/card.png").content == first.content


def test_share_routes_are_in_openapi(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    assert "post" in paths["/api/v1/parcels/{number}/share"]
    assert {"get", "delete"} <= set(paths["/api/v1/shares/{share_id}"])
    assert "image/png" in str(paths["/api/v1/shares/{share_id}/card.png"])
    assert "/api/v1/shares/{share_id}/qrcode.png" in paths


def test_gone_page_is_an_html_404_in_the_asked_language(live):
    server, _app = live
    page = requests.get(f"{server.url}/s/{'A' * 22}?lang=en", timeout=10)
    assert page.status_code == 404
    assert "text/html" in page.headers["Content-Type"]
    assert "Share no longer available" in page.text
    zh = requests.get(f"{server.url}/s/{'A' * 22}", timeout=10)
    assert "分享已失效" in zh.text and 'lang="zh-CN"' in zh.text
