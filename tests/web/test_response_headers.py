"""Response headers (issue #26 items 6 and 7): the share page forbids framing, sniffing and
loading anything; private JSON stays out of caches; share images are never kept by a shared
cache; X-Forwarded-Host never chooses where we redirect."""

from __future__ import annotations

import dataclasses

import requests

from tests.support.apps import close_app
from tests.support.shares import Sharer, scenario_number
from tests.support.stores import make_app
from tests.support.wechat import login, serve_app


def test_the_share_page_and_private_json_carry_protective_headers(make_settings):
    with serve_app(make_settings) as (server, _app):
        number = scenario_number(server.url, "out_for_delivery")
        sharer = Sharer(server.url, "headers")
        sharer.watch(number)
        share_id = sharer.share(number).json()["share_id"]

        page = requests.get(f"{server.url}/s/{share_id}", timeout=30)
        assert page.status_code == 200 and page.headers["X-Content-Type-Options"] == "nosniff"
        csp = page.headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp and "default-src 'none'" in csp
        assert "script-src" not in csp  # no script may run on it at all

        auth = {"Authorization": f"Bearer {login(server.url, 'headers')}"}
        for path, headers in [
            ("/api/v1/parcels", auth),
            (f"/api/v1/parcels/{number}", auth),
            (f"/api/v1/shares/{share_id}", {}),
            ("/api/v1/shares", auth),
        ]:
            response = requests.get(server.url + path, headers=headers, timeout=30)
            assert response.status_code == 200, path
            assert response.headers["Cache-Control"] == "private, no-store", path

        card = requests.get(f"{server.url}/api/v1/shares/{share_id}/card.png", timeout=30)
        assert card.status_code == 200 and card.headers["Cache-Control"].startswith("private")


def test_x_forwarded_host_does_not_choose_where_a_redirect_goes(make_settings):
    app = make_app(dataclasses.replace(make_settings(), trusted_proxies=1))
    try:
        response = app.test_client().get(
            "/s//abc", headers={"X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https"}
        )
        assert response.status_code == 308
        assert "evil.example" not in response.headers["Location"]
        assert response.headers["Location"].endswith("/s/abc")
    finally:
        close_app(app)
