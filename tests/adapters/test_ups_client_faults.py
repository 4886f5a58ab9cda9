"""The UPS client under injected trouble: retries, rate limits, timeouts, bad bodies, errors."""

from __future__ import annotations

import logging
import time

import pytest

from backend.adapters import redis_keys
from backend.adapters.redis_conn import free_port
from backend.adapters.ups import errors
from backend.domain.numbers import mask_number
from backend.sandbox.ups.journeys import BY_KEY
from tests.support.live_server import LiveServer
from tests.support.stores import stores

NUMBER = BY_KEY["out_for_delivery"].number


@pytest.mark.parametrize("mode", ["503", "429"])
def test_a_passing_503_or_429_is_retried_and_the_call_succeeds(ups_sandbox, ups, mode):
    ups_sandbox.faults(error_rate=0.5, mode=mode)  # fails calls 1, 3, 5...
    assert ups.track(NUMBER, "en").status.value == "out_for_delivery"
    assert ups_sandbox.stats()["track_calls"] == 2


@pytest.mark.parametrize(
    ("mode", "kind"),
    [("503", errors.UpstreamUnavailableError), ("429", errors.UpstreamRateLimitedError)],
)
def test_a_lasting_503_or_429_ends_unavailable_after_the_retries(ups_sandbox, ups, mode, kind):
    ups_sandbox.faults(error_rate=1, mode=mode)
    with pytest.raises(kind) as caught:
        ups.track(NUMBER, "en")
    assert isinstance(caught.value, errors.UpstreamUnavailableError)
    assert caught.value.http_status == int(mode)
    assert ups_sandbox.stats()["track_calls"] == 3  # the first try and two retries


def test_a_500_is_not_retried(ups_sandbox, ups):
    ups_sandbox.faults(error_rate=1, mode="500")
    with pytest.raises(errors.UpstreamUnavailableError):
        ups.track(NUMBER, "en")
    assert ups_sandbox.stats()["track_calls"] == 1


def test_retry_after_is_respected(ups_sandbox, ups):
    ups_sandbox.faults(error_rate=0.5, mode="503", retry_after=1)
    started = time.monotonic()
    ups.track(NUMBER, "en")
    assert time.monotonic() - started >= 0.9


def test_a_hanging_upstream_fails_within_the_read_timeout(ups_clients, ups_sandbox):
    client = ups_clients(timeout=(1.0, 0.4))
    client.tokens.get()  # the token call is not what this test times
    ups_sandbox.faults(error_rate=1, mode="timeout", timeout_ms=1500)
    started = time.monotonic()
    with pytest.raises(errors.UpstreamUnavailableError, match="in time"):
        client.track(NUMBER, "en")
    assert time.monotonic() - started < 1.2
    assert ups_sandbox.stats()["track_calls"] == 1  # a timed-out GET is not repeated


def test_latency_slows_calls_without_failing_them(ups_sandbox, ups):
    ups_sandbox.faults(latency_ms=150)
    started = time.monotonic()
    ups.track(NUMBER, "zh")
    assert time.monotonic() - started >= 0.15


def test_faults_can_target_some_numbers_only(ups_sandbox, ups):
    ups_sandbox.faults(error_rate=1, mode="500", numbers=[NUMBER])
    assert ups.track(BY_KEY["in_transit"].number, "en").status.value == "in_transit"
    with pytest.raises(errors.UpstreamUnavailableError):
        ups.track(NUMBER, "en")


def test_tw0001_is_not_found(ups):
    with pytest.raises(errors.TrackingNotFoundError) as caught:
        ups.track(BY_KEY["not_found"].number, "en")
    assert caught.value.ups_code == "TW0001"


def test_unknown_valid_looking_number_is_not_found(ups):
    with pytest.raises(errors.TrackingNotFoundError):
        ups.track("1Z999AA10123456784", "zh")


@pytest.mark.parametrize("number", ["1Z12", "1Z" + "9" * 33, "1Z-12345*"])
def test_tv1002_is_an_invalid_number(ups, number):
    with pytest.raises(errors.InvalidNumberError) as caught:
        ups.track(number, "en")
    assert caught.value.ups_code == "TV1002"


def test_fetch_details_returns_the_raw_json(ups):
    body = ups.fetch_details(NUMBER, "en")
    package = body["trackResponse"]["shipment"][0]["package"][0]
    assert package["trackingNumber"] == NUMBER and package["packageCount"] == 1


def test_an_unreachable_host_is_unavailable(live, ups_clients):
    client = ups_clients(base_url=f"http://127.0.0.1:{free_port()}")
    with pytest.raises(errors.UpstreamUnavailableError, match="token call failed"):
        client.track(NUMBER, "en")
    store = stores(live[1]).redis
    store.set(redis_keys.ups_token("sandbox-client"), "cached-token", ex=60)
    with pytest.raises(errors.UpstreamUnavailableError, match="unreachable"):
        client.track(NUMBER, "en")


def _html(environ, start_response):
    start_response("502 Bad Gateway", [("Content-Type", "text/html")])
    return [b"<html><body>upstream hiccup</body></html>"]


def test_a_body_that_is_not_json_is_unavailable(live, ups_clients):
    proxy = LiveServer().serve(_html)
    try:
        client = ups_clients(base_url=proxy.url)
        store = stores(live[1]).redis
        store.set(redis_keys.ups_token("sandbox-client"), "cached-token", ex=60)
        with pytest.raises(errors.UpstreamUnavailableError, match="not JSON"):
            client.track(NUMBER, "en")
    finally:
        proxy.stop()


def test_one_info_line_per_call_and_no_secrets(live, ups, caplog):
    caplog.set_level(logging.INFO)
    ups.track(NUMBER, "en")
    token = stores(live[1]).redis.get(redis_keys.ups_token("sandbox-client"))
    lines = [r.getMessage() for r in caplog.records if r.name.startswith("backend.adapters")]
    track_lines = [line for line in lines if line.startswith("UPS track")]
    # The number is masked: logs are read by people who may not follow others' parcels (#26).
    assert len(track_lines) == 1 and "200" in track_lines[0]
    assert NUMBER not in track_lines[0] and mask_number(NUMBER) in track_lines[0]
    assert track_lines[0].endswith(" ms")
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert token not in text and "sandbox-secret" not in text
