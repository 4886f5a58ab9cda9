"""POST /api/v1/auth/login and /logout, and bearer authentication, over real HTTP."""

from __future__ import annotations

import logging
import secrets
import time

import pytest
import requests
from flask import g

from backend.adapters import redis_conn, redis_keys
from backend.services.auth import SESSION_TTL_SECONDS, token_digest
from backend.web.security import login_required
from tests.support.stores import stores
from tests.support.wechat import login, login_code, serve_app


@pytest.fixture
def api(live):
    """The live app's base URL, with a probe route behind login_required."""
    server, app = live

    @login_required
    def me():
        return {"openid": g.openid}

    app.add_url_rule("/probe/me", "probe_me", me)
    return server.url


def _post_login(api: str, body) -> requests.Response:
    return requests.post(f"{api}/api/v1/auth/login?lang=en", json=body, timeout=10)


def _me(api: str, authorization: str | None) -> requests.Response:
    headers = {"Authorization": authorization} if authorization is not None else {}
    return requests.get(f"{api}/probe/me", headers=headers, timeout=10)


def test_login_returns_our_own_token_and_keeps_no_session_key(api, redis_client):
    response = _post_login(api, {"code": login_code("alice")})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"token", "expires_in"} and body["expires_in"] == 7 * 24 * 3600
    assert len(body["token"]) >= 43  # 32 random bytes, base64url
    stored = redis_client.hgetall(redis_keys.session(token_digest(body["token"])))
    assert set(stored) == {"openid", "created"}  # WeChat's session_key is not kept (#26)
    assert 0 < redis_client.ttl(redis_keys.session(token_digest(body["token"]))) <= 7 * 24 * 3600
    assert redis_client.sismember(
        redis_keys.user_sessions(stored["openid"]), token_digest(body["token"])
    )
    assert not redis_client.exists(redis_keys.session(body["token"]))  # never the raw token


@pytest.mark.parametrize(
    ("code", "status", "error_code"),
    [
        ("not-a-sandbox-code", 401, "invalid_code"),
        ("sandbox:!ratelimit", 429, "rate_limited"),
        ("sandbox:!blocked", 403, "user_blocked"),
        ("sandbox:!busy", 503, "wechat_unavailable"),
    ],
)
def test_wechat_refusals_map_to_statuses_in_the_envelope(api, code, status, error_code):
    response = _post_login(api, {"code": code})
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == error_code and error["message"]


def test_a_reused_code_is_invalid_code(api):
    code = login_code("bob")
    assert _post_login(api, {"code": code}).status_code == 200
    response = _post_login(api, {"code": code})
    assert response.status_code == 401 and response.json()["error"]["code"] == "invalid_code"


def test_an_unreachable_wechat_is_503_wechat_unavailable(make_settings):
    nowhere = f"http://127.0.0.1:{redis_conn.free_port()}"
    with serve_app(make_settings, wechat_api_base_url=nowhere) as (server, _app):
        response = _post_login(server.url, {"code": login_code("alice")})
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "wechat_unavailable"
    assert response.headers["Retry-After"]


@pytest.mark.parametrize("body", [{}, {"code": ""}, {"code": "x" * 129}, {"code": 12}, ["x"]])
def test_a_missing_or_bad_code_is_400_in_the_envelope(api, body):
    response = _post_login(api, body)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_request"


def test_a_body_that_is_not_json_is_400(api):
    response = requests.post(
        f"{api}/api/v1/auth/login", data="{code", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_json"


def test_a_live_token_identifies_the_user(api):
    token = login(api, "alice")
    response = _me(api, f"Bearer {token}")
    assert response.status_code == 200 and response.json()["openid"].startswith("o")


@pytest.mark.parametrize(
    "authorization",
    [None, "", "Bearer", "Token abcdefghijklmnopqrstuvwxyz", "Bearer a b", "Bearer " + "é" * 43],
)
def test_missing_or_malformed_authorization_is_401(api, authorization):
    response = _me(api, authorization)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_a_forged_token_is_401(api):
    assert _me(api, f"Bearer {secrets.token_urlsafe(32)}").status_code == 401


def test_an_expired_session_is_401(api, live):
    token = login(api, "alice")
    assert _me(api, f"Bearer {token}").status_code == 200
    session = redis_keys.session(token_digest(token))
    assert 0 < stores(live[1]).redis.ttl(session) <= SESSION_TTL_SECONDS
    stores(live[1]).redis.pexpire(session, 300)  # its lifetime runs out
    time.sleep(0.5)
    assert _me(api, f"Bearer {token}").status_code == 401


def test_logout_ends_only_that_session(api):
    first, second = login(api, "alice"), login(api, "alice")
    response = requests.post(
        f"{api}/api/v1/auth/logout", headers={"Authorization": f"Bearer {first}"}, timeout=10
    )
    assert response.status_code == 204 and response.content == b""
    assert _me(api, f"Bearer {first}").status_code == 401
    assert _me(api, f"Bearer {second}").status_code == 200


def test_logout_needs_a_token(api):
    response = requests.post(f"{api}/api/v1/auth/logout", timeout=10)
    assert response.status_code == 401


def test_session_key_appears_in_no_response_and_no_log_line(api, redis_client, caplog):
    caplog.set_level(logging.DEBUG)
    responses = [_post_login(api, {"code": login_code("erin")}) for _ in range(3)]
    responses += [_post_login(api, {"code": c}) for c in ("sandbox:!busy", "bad", "")]
    tokens = [r.json()["token"] for r in responses[:3]]
    # Nothing reads WeChat's session_key, so nothing stores it: no session hash has it.
    for token in tokens:
        assert set(redis_client.hgetall(redis_keys.session(token_digest(token)))) == {
            "openid", "created"
        }  # fmt: skip
    lines = [r.getMessage() for r in caplog.records]
    assert lines  # the capture really saw the login traffic
    assert all("session_key" not in r.text for r in responses)
    assert all(t not in line for t in tokens for line in lines)
    urllib3_lines = [r.getMessage() for r in caplog.records if r.name.startswith("urllib3")]
    assert urllib3_lines and all("sandbox-wechat-secret" not in line for line in urllib3_lines)


def test_the_openapi_document_describes_login_and_the_bearer_requirement(api):
    spec = requests.get(f"{api}/api/v1/openapi.json", timeout=10).json()
    login_op = spec["paths"]["/api/v1/auth/login"]["post"]
    logout_op = spec["paths"]["/api/v1/auth/logout"]["post"]
    assert "security" not in login_op and {"200", "401", "429", "503"} <= set(login_op["responses"])
    assert logout_op["security"] == [{"bearer": []}]
    assert "401" in logout_op["responses"]
