"""The outbound session: default timeouts, User-Agent, and which answers are retried."""

from __future__ import annotations

import pytest

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
