"""The outbound session: default timeouts, User-Agent, and which answers are retried."""

from __future__ import annotations

import pytest
import requests

from backend.adapters.http import make_session, retry_policy


@pytest.mark.parametrize("status", [429, 502, 503, 504])
def test_gets_are_retried_on_gateway_trouble_and_throttling(status):
    assert retry_policy().is_retry("GET", status, has_retry_after=False)


@pytest.mark.parametrize(
    ("method", "status"), [("GET", 500), ("GET", 404), ("POST", 503), ("POST", 429)]
)
def test_nothing_else_is_retried(method, status):
    assert not retry_policy().is_retry(method, status, has_retry_after=True)


def test_timeouts_and_connection_errors_are_not_retried():
    policy = retry_policy(retries=3)
    assert policy.read is False and policy.connect == 0 and policy.status == 3


def test_retry_after_is_honoured_but_capped():
    policy = retry_policy()
    assert policy.respect_retry_after_header
    assert policy.parse_retry_after("3600") == 5


def test_session_carries_timeouts_user_agent_and_the_policy():
    session = make_session(timeout=(1.5, 4.0), retries=1)
    try:
        assert session.timeout == (1.5, 4.0)
        assert session.headers["User-Agent"].startswith("ups-parcel-tracker/")
        assert session.get_adapter("https://onlinetools.ups.com").max_retries.total == 1
    finally:
        session.close()


@pytest.mark.parametrize(
    "url", ["https://onlinetools.ups.com/track", "http://127.0.0.1:5000/_sandbox/ups/x"]
)
def test_environment_settings_are_what_requests_itself_works_out(monkeypatch, url):
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    monkeypatch.setenv("HTTP_PROXY", "http://proxy.example:3128")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt")
    plain, ours = requests.Session(), make_session()
    try:
        expected = plain.merge_environment_settings(url, {}, None, None, None)
        assert ours.merge_environment_settings(url, {}, None, None, None) == expected
        # Read once: the answer stays while the process runs.
        monkeypatch.delenv("HTTPS_PROXY")
        monkeypatch.delenv("HTTP_PROXY")
        assert ours.merge_environment_settings(url, {}, None, None, None) == expected
        # A caller's own proxies or verify still win.
        own = ours.merge_environment_settings(url, {"https": "http://p:1"}, None, False, None)
        assert own["verify"] is False and own["proxies"]["https"] == "http://p:1"
    finally:
        plain.close()
        ours.close()
