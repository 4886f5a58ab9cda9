"""The shared UPS token: caching with a margin, one refresher at a time, safe invalidation."""

from __future__ import annotations

import threading
import time

import pytest

from backend.adapters import redis_keys
from backend.adapters.ups import errors, token
from backend.adapters.ups.token import UpsTokenProvider, cache_seconds

KEY, LOCK = redis_keys.ups_token("cid"), redis_keys.ups_token_lock("cid")


class FakeResponse:
    def __init__(self, status: int, body) -> None:
        self.status_code, self._body = status, body

    def json(self):
        if isinstance(self._body, str):
            raise ValueError("not JSON")
        return self._body


class FakeSession:
    """Answers token POSTs from a list and records what was sent."""

    def __init__(self, *answers: FakeResponse) -> None:
        self.answers, self.calls = list(answers), []

    def post(self, url, **kwargs):
        self.calls.append((url, kwargs))
        return self.answers.pop(0)


def _granted(access_token: str = "tok-1", expires_in="14399") -> FakeResponse:
    return FakeResponse(200, {"access_token": access_token, "expires_in": expires_in})


def _provider(redis_client, session: FakeSession) -> UpsTokenProvider:
    return UpsTokenProvider(session, redis_client, "https://ups.example/", "cid", "secret")


@pytest.mark.parametrize(
    ("expires_in", "seconds"),
    [("14399", 14099), (14399, 14099), ("600", 300), ("1", 1), ("soon", 3300)],
)
def test_cache_seconds_keeps_a_safety_margin(expires_in, seconds):
    assert cache_seconds(expires_in) == seconds


def test_first_get_fetches_with_basic_auth_then_redis_serves(redis_client):
    session = FakeSession(_granted())
    provider = _provider(redis_client, session)
    assert provider.get() == provider.get() == "tok-1"
    assert len(session.calls) == 1
    url, sent = session.calls[0]
    assert url == "https://ups.example/security/v1/oauth/token"
    assert sent["auth"] == ("cid", "secret") and sent["data"] == {
        "grant_type": "client_credentials"
    }
    assert 14000 < redis_client.ttl(KEY) <= 14099
    assert redis_client.get(LOCK) is None  # released after the fetch


def test_invalidate_spares_a_token_another_process_already_replaced(redis_client):
    provider = _provider(redis_client, FakeSession())
    redis_client.set(KEY, "newer")
    provider.invalidate("older")
    assert redis_client.get(KEY) == "newer"
    provider.invalidate("newer")
    assert redis_client.get(KEY) is None


def test_refresh_waits_for_the_lock_holder_instead_of_fetching(redis_client):
    session = FakeSession()
    provider = _provider(redis_client, session)
    redis_client.set(LOCK, "someone-else", px=5000)
    timer = threading.Timer(0.2, lambda: redis_client.set(KEY, "theirs"))
    timer.start()
    try:
        assert provider.refresh(rejected="dead") == "theirs"
    finally:
        timer.join()
    assert session.calls == []


def test_refresh_gives_up_when_the_holder_never_delivers(redis_client, monkeypatch):
    monkeypatch.setattr(token, "WAIT_SECONDS", 0.2)
    redis_client.set(LOCK, "someone-else", px=5000)
    started = time.monotonic()
    with pytest.raises(errors.UpstreamUnavailableError, match="another process"):
        _provider(redis_client, FakeSession()).refresh()
    assert time.monotonic() - started < 1


def test_refresh_ignores_the_rejected_token_still_in_redis(redis_client):
    redis_client.set(KEY, "dead")
    session = FakeSession(_granted("fresh"))
    assert _provider(redis_client, session).refresh(rejected="dead") == "fresh"
    assert redis_client.get(KEY) == "fresh"


def test_refused_credentials_are_an_auth_error(redis_client):
    refused = FakeResponse(
        401, {"response": {"errors": [{"code": "10401", "message": "ClientId is Invalid"}]}}
    )
    with pytest.raises(errors.UpsAuthError) as caught:
        _provider(redis_client, FakeSession(refused)).get()
    assert caught.value.ups_code == "10401"
    assert redis_client.get(KEY) is None and redis_client.get(LOCK) is None


@pytest.mark.parametrize(
    "answer", [FakeResponse(502, "<html>"), FakeResponse(200, {"expires_in": "1"})]
)
def test_unusable_token_answers_are_unavailable(redis_client, answer):
    with pytest.raises(errors.UpstreamUnavailableError):
        _provider(redis_client, FakeSession(answer)).get()
