"""code2Session over real HTTP against the WeChat sandbox, and against broken upstreams."""

from __future__ import annotations

import socket

import pytest

from backend.adapters import redis_conn
from backend.adapters.wechat.auth import WeChatAuth
from backend.adapters.wechat.errors import (
    InvalidCodeError,
    RateLimitedError,
    UserBlockedError,
    WeChatBusyError,
    WeChatError,
)
from backend.sandbox.wechat.blueprint import sandbox_openid
from tests.support.live_server import LiveServer
from tests.support.stores import settings_of
from tests.support.wechat import login_code


@pytest.fixture
def auth(live) -> WeChatAuth:
    _server, app = live
    settings = settings_of(app)
    return WeChatAuth(settings.wechat_api_base_url, settings.wechat_appid, settings.wechat_secret)


def test_a_sandbox_code_gives_a_stable_openid_and_a_session_key(auth, live):
    first = auth.code_to_session(login_code("alice"))
    second = auth.code_to_session(login_code("alice"))
    appid = settings_of(live[1]).wechat_appid
    assert first.openid == second.openid == sandbox_openid(appid, "alice")
    assert len(first.openid) == 28 and first.openid.startswith("o")
    assert first.session_key and first.unionid is None
    assert auth.code_to_session(login_code("bob")).openid != first.openid


def test_the_result_is_a_tuple_whose_repr_hides_the_session_key(auth):
    result = auth.code_to_session(login_code("alice"))
    openid, session_key, unionid = result
    assert openid == result.openid and unionid is None
    assert session_key not in repr(result) and "***" in repr(result)


def test_an_unknown_code_is_40029(auth):
    with pytest.raises(InvalidCodeError) as caught:
        auth.code_to_session("0a3xYz")
    assert caught.value.errcode == 40029


def test_a_reused_code_is_40163(auth):
    code = login_code("carol")
    auth.code_to_session(code)
    with pytest.raises(InvalidCodeError) as caught:
        auth.code_to_session(code)
    assert caught.value.errcode == 40163


@pytest.mark.parametrize(
    ("code", "error", "errcode"),
    [
        ("sandbox:!ratelimit", RateLimitedError, 45011),
        ("sandbox:!busy", WeChatBusyError, -1),
        ("sandbox:!blocked", UserBlockedError, 40226),
    ],
)
def test_special_sandbox_codes_raise_typed_errors(auth, code, error, errcode):
    with pytest.raises(error) as caught:
        auth.code_to_session(code)
    assert caught.value.errcode == errcode


def test_a_wrong_secret_is_a_plain_wechat_error_not_a_crash(live):
    settings = settings_of(live[1])
    auth = WeChatAuth(settings.wechat_api_base_url, settings.wechat_appid, "wrong")
    with pytest.raises(WeChatError) as caught:
        auth.code_to_session(login_code("alice"))
    assert caught.value.errcode == 40125


def test_an_unreachable_host_is_busy():
    auth = WeChatAuth(f"http://127.0.0.1:{redis_conn.free_port()}", "wx1", "s")
    with pytest.raises(WeChatBusyError) as caught:
        auth.code_to_session(login_code("alice"))
    assert "secret" not in str(caught.value) and "js_code" not in str(caught.value)


def test_a_host_that_never_answers_times_out_as_busy():
    with socket.socket() as silent:  # accepts connections (backlog) but never replies
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        port = silent.getsockname()[1]
        auth = WeChatAuth(f"http://127.0.0.1:{port}", "wx1", "s", timeout=(0.5, 0.5))
        with pytest.raises(WeChatBusyError):
            auth.code_to_session(login_code("alice"))


def test_an_answer_that_is_not_json_is_busy():
    def html(environ, start_response):
        start_response("502 Bad Gateway", [("Content-Type", "text/html")])
        return [b"<html>bad gateway</html>"]

    server = LiveServer().serve(html)
    try:
        with pytest.raises(WeChatBusyError):
            WeChatAuth(server.url, "wx1", "s").code_to_session(login_code("alice"))
    finally:
        server.stop()
