"""The app factory, health check, error envelope and OpenAPI document."""

from __future__ import annotations

import logging

import pytest

from backend.app import create_app
from backend.web import registry


def test_factory_uses_the_given_settings_and_mounts_the_sandboxes(app, settings):
    with app.app_context():
        assert registry.use(registry.WebConfig).public_base_url == settings.public_base_url
    assert settings.sandbox is True
    assert settings.ups_base_url.endswith("/_sandbox/ups")
    assert any(rule.rule.startswith("/_sandbox/ups/") for rule in app.url_map.iter_rules())


def test_health_is_ok_when_redis_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json()["status"] == "ok"


def test_health_is_503_in_the_envelope_when_redis_is_down(make_settings):
    app = create_app(make_settings(redis_url="redis://127.0.0.1:1/0"))
    response = app.test_client().get("/healthz?lang=en")
    assert response.status_code == 503
    body = response.get_json()
    assert body["status"] == "unavailable"
    assert body["error"]["code"] == "redis_unavailable"
    assert body["error"]["message"] == "The data store is not reachable."


def test_unknown_path_is_404_in_the_envelope_in_chinese_by_default(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert response.get_json() == {"error": {"code": "not_found", "message": "找不到这个地址。"}}


def test_accept_language_english_gives_english_messages(client):
    response = client.get("/nowhere", headers={"Accept-Language": "en-US,en;q=0.9"})
    assert response.get_json()["error"]["message"] == "Nothing lives at this address."


def test_wrong_method_is_405_with_allow_header(client):
    response = client.delete("/healthz")
    assert response.status_code == 405
    assert response.get_json()["error"]["code"] == "method_not_allowed"
    assert "GET" in response.headers["Allow"]


@pytest.fixture
def app_with_probe_routes(app):
    def echo_json():
        from flask import jsonify, request

        return jsonify(request.get_json())

    def explode():
        raise RuntimeError("secret internal detail /etc/passwd")

    app.add_url_rule("/probe/json", "probe_json", echo_json, methods=["POST"])
    app.add_url_rule("/probe/boom", "probe_boom", explode)
    return app


def test_malformed_json_body_is_400_invalid_json(app_with_probe_routes):
    client = app_with_probe_routes.test_client()
    response = client.post("/probe/json", data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "invalid_json"


def test_unexpected_exception_is_500_without_internals(app_with_probe_routes, caplog):
    client = app_with_probe_routes.test_client()
    with caplog.at_level(logging.ERROR):
        response = client.get("/probe/boom")
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert "internal_error" in body
    assert "passwd" not in body and "RuntimeError" not in body
    assert any("unhandled error" in r.message for r in caplog.records)


def test_every_response_carries_our_own_request_id_whatever_the_client_sends(client):
    # A client's id is logged in a field of its own (tests/web/test_log_hygiene.py), never
    # adopted: otherwise one request could pose as another in the logs (issue #26 item 4).
    assert len(client.get("/healthz").headers["X-Request-Id"]) == 32
    given = client.get("/healthz", headers={"X-Request-Id": "abc-12345678"})
    assert given.headers["X-Request-Id"] != "abc-12345678"
    assert len(given.headers["X-Request-Id"]) == 32
    forged = client.get("/healthz", headers={"X-Request-Id": "bad id; <script>"})
    assert forged.headers["X-Request-Id"] != "bad id; <script>"


def test_openapi_document_is_served_under_api_v1(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = response.get_json()
    assert spec["openapi"].startswith("3.")
    assert spec["info"]["title"] == "包裹查询助手 API"


def test_openapi_documents_every_api_v1_route(app, client):
    spec = client.get("/api/v1/openapi.json").get_json()
    documented = {path.replace("{", "<").replace("}", ">") for path in spec["paths"]}
    routes = {
        rule.rule
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/api/v1/") and rule.rule != "/api/v1/openapi.json"
    }
    assert routes and routes <= documented
    assert {"/api/v1/track", "/api/v1/parcels/<number>", "/api/v1/subscriptions"} <= documented
