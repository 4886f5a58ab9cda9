"""Hostile input answers a 4xx envelope, never a 500: deep nesting, huge numbers, lone
surrogates and control characters (refused, or cleaned in a nickname), and watch lists
longer than one lookup's 30 numbers."""

from __future__ import annotations

import json

import pytest
import requests

from backend.settings import SANDBOX_WEBHOOK_CREDENTIAL
from backend.web.json_guard import MAX_DEPTH
from tests.support.numbers import make_1z
from tests.support.wechat import login, signed_query

TRANSIT = "1ZSBXUS10310000042"
JSON = {"Content-Type": "application/json"}
DEEP = "[" * 1000 + "]" * 1000
HUGE_INT = "9" * 5000


def post_raw(live, path: str, body: str | bytes, token: str | None = None, method="POST"):
    headers = dict(JSON)
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = body.encode() if isinstance(body, str) else body
    return requests.request(method, live[0].url + path, data=data, headers=headers, timeout=30)


def refused(response: requests.Response, code: str) -> bool:
    body = response.json()
    return (
        response.status_code == 400 and body["error"]["code"] == code and body["error"]["message"]
    )


ROUTES = [
    ("POST", "/api/v1/auth/login", "code"),
    ("POST", "/api/v1/track", "numbers"),
    ("POST", "/api/v1/links/check", "url"),
    ("POST", "/api/v1/links/check", "text"),
]


@pytest.mark.parametrize(("method", "path", "field"), ROUTES)
def test_deep_nesting_is_refused_before_parsing(live, method, path, field):
    assert refused(post_raw(live, path, f'{{"{field}": {DEEP}}}', method=method), "json_too_deep")
    assert refused(post_raw(live, path, DEEP, method=method), "json_too_deep")


def test_nesting_up_to_the_bound_is_parsed_normally(live):
    nested = "[" * (MAX_DEPTH - 1) + '"x"' + "]" * (MAX_DEPTH - 1)
    response = post_raw(live, "/api/v1/track", f'{{"numbers": {nested}}}')
    assert refused(response, "invalid_request")  # parsed, then refused by the schema


@pytest.mark.parametrize(("method", "path", "field"), ROUTES)
def test_a_5000_digit_number_is_refused(live, method, path, field):
    for number in (HUGE_INT, "-" + HUGE_INT, "1." + HUGE_INT, "1e" + HUGE_INT):
        response = post_raw(live, path, f'{{"{field}": {number}}}', method=method)
        assert refused(response, "number_too_long"), number


@pytest.mark.parametrize(("method", "path", "field"), ROUTES)
@pytest.mark.parametrize("text", ["\\ud800", "ab\\udfffcd", "\\u0000", "x\\u001by", "\\u0085"])
def test_lone_surrogates_and_control_characters_are_refused(live, method, path, field, text):
    response = post_raw(live, path, f'{{"{field}": "{text}"}}', method=method)
    assert refused(response, "invalid_characters")


def test_a_surrogate_pair_is_ordinary_text(live):
    response = post_raw(live, "/api/v1/links/check", '{"text": "\\ud83d\\udce6 ups.com"}')
    assert response.status_code == 200 and response.json()["verdict"]


@pytest.mark.parametrize("body", ["NaN", '{"numbers": Infinity}', b'{"numbers": "\xff"}'])
def test_non_json_constants_and_bad_utf8_are_invalid_json(live, body):
    assert post_raw(live, "/api/v1/track", body).status_code == 400


def test_an_english_request_gets_an_english_message(live):
    response = post_raw(live, "/api/v1/track?lang=en", DEEP)
    assert response.json()["error"]["message"] == "The JSON body is nested too deeply."


def test_a_nickname_is_cleaned_rather_than_refused(live):
    token = login(live[0].url, "nicknamer")
    body = '{"nickname": "  妈妈\\u0000的\\ud800药\\n盒 "}'
    response = post_raw(live, f"/api/v1/parcels/{TRANSIT}", body, token, method="PUT")
    assert response.status_code == 200 and response.json()["nickname"] == "妈妈的药 盒"
    listed = requests.get(
        f"{live[0].url}/api/v1/parcels",
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    assert listed.json()["parcels"][0]["nickname"] == "妈妈的药 盒"


def test_hostile_bodies_to_the_ups_webhook_are_400_not_500(live):
    headers = {"User-Agent": "UPSPubSubTrackingService", "credential": SANDBOX_WEBHOOK_CREDENTIAL}
    for body in (DEEP, f'{{"trackingNumber": {HUGE_INT}}}', '{"trackingNumber": "\\ud800"}'):
        for content_type in ({}, JSON):
            response = requests.post(
                live[0].url + "/ups/webhook",
                data=body,
                headers=headers | content_type,
                timeout=30,
            )
            assert response.status_code == 400, (body[:20], content_type)


def test_a_deeply_nested_push_is_acknowledged_not_500(make_settings):
    import dataclasses

    from tests.support.apps import close_app
    from tests.support.live_server import LiveServer
    from tests.support.stores import make_app
    from tests.web.test_push import _sender

    server = LiveServer()
    settings = make_settings(port=server.port, public_base_url=server.url)
    settings = dataclasses.replace(settings, wechat_push_aes_key="")
    app = make_app(settings)
    server.serve(app)
    try:
        send = _sender(f"{server.url}/wechat/push", settings)
        query = signed_query(settings.wechat_push_token)
        response = send(DEEP, query)
        assert response.status_code == 200 and response.text == "success"
    finally:
        server.stop()
        close_app(app)


@pytest.mark.parametrize("count", [31, 50])
def test_every_allowed_count_of_watched_parcels_is_listed(live, count):
    token = login(live[0].url, f"collector{count}")
    numbers = [make_1z("SBXBLK", 7100 + i) for i in range(count)]
    auth = {"Authorization": f"Bearer {token}"}
    for number in numbers:
        url = f"{live[0].url}/api/v1/parcels/{number}"
        assert requests.put(url, json={}, headers=auth, timeout=30).status_code == 200
    listed = requests.get(f"{live[0].url}/api/v1/parcels", headers=auth, timeout=60)
    assert listed.status_code == 200
    parcels = listed.json()["parcels"]
    assert sorted(p["number"] for p in parcels) == sorted(numbers)
    assert all(p["ok"] and p["status"]["code"] for p in parcels)
    assert json.dumps(parcels)  # serialisable, nothing odd inside
