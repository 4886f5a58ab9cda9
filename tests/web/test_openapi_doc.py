"""The OpenAPI document is exact: every /api/v1 route, our envelope as the error schema, 400
(never 422) for validation, and the statuses every operation can answer."""

from __future__ import annotations

import pytest


@pytest.fixture
def document(client) -> dict:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def operations(document: dict):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method != "parameters":
                yield method.upper(), path, operation


def test_every_api_route_is_documented(app, document):
    routes = {
        (method, rule.rule.replace("<", "{").replace(">", "}"))
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/api/v1/") and not rule.rule.endswith("openapi.json")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    documented = {(method, path) for method, path, _ in operations(document)}
    assert routes == documented


def test_errors_are_the_envelope_and_validation_is_400(document):
    error = document["components"]["schemas"]["Error"]
    assert error["required"] == ["error"]
    detail = document["components"]["schemas"]["ErrorDetail"]
    assert set(detail["required"]) == {"code", "message"}
    for method, path, operation in operations(document):
        statuses = set(operation["responses"])
        assert "422" not in statuses and "default" not in statuses, (method, path)
        assert {"400", "413", "414", "417", "429", "431", "501", "503"} <= statuses, (
            method,
            path,
        )
        for status, response in operation["responses"].items():
            if status >= "400":
                schema = response["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/Error"}, (method, path, status)
        for status in ("429", "503"):
            assert operation["responses"][status]["headers"]["Retry-After"]["required"]


def test_every_refusal_of_the_http_server_is_listed_for_every_operation(document):
    """gunicorn answers these before the app sees the request (a query string too long
    for the request line: 414), so every operation can answer them. 403 is the PROXY
    protocol's refusal, which this deployment does not enable."""
    from backend.gunicorn_worker import _REFUSALS

    refusals = {str(status) for _kind, status, _reason, _code in _REFUSALS} - {"403"}
    assert refusals == {"414", "417", "431", "501"}
    for method, path, operation in operations(document):
        assert refusals <= set(operation["responses"]), (method, path)
    track = document["paths"]["/api/v1/track"]["get"]["responses"]["414"]
    assert "uri_too_long" in track["description"]


def test_route_specific_statuses_are_listed(document):
    paths = document["paths"]
    assert "200" in paths["/api/v1/help"]["get"]["responses"]
    assert "401" in paths["/api/v1/parcels"]["get"]["responses"]
    assert "404" in paths["/api/v1/parcels/{number}"]["get"]["responses"]
    assert "409" in paths["/api/v1/parcels/{number}"]["put"]["responses"]
    assert "403" in paths["/api/v1/auth/login"]["post"]["responses"]
    png = paths["/api/v1/shares/{share_id}/card.png"]["get"]["responses"]["200"]
    assert "image/png" in png["content"]


def test_the_help_route_answers_what_its_schema_says(client, document):
    body = client.get("/api/v1/help?lang=en").get_json()
    schema = document["components"]["schemas"]["Help"]
    assert set(body) == set(schema["properties"]) and body["hotline"]["number"]
