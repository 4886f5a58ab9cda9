"""UpsTrackAlertClient against the UPS sandbox over HTTP: batches, lists, VSS errors, token reuse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests

from backend.adapters.http import make_session
from backend.adapters.redis_conn import free_port
from backend.adapters.ups.errors import (
    UpsAuthError,
    UpstreamRateLimitedError,
    UpstreamUnavailableError,
)
from backend.adapters.ups.track_alert import (
    TrackAlertRejectedError,
    UpsTrackAlertClient,
    subscription_error,
)
from tests.support.numbers import make_1z
from tests.support.stores import settings_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ups"


@pytest.fixture
def track_alert(live, ups):
    """A UpsTrackAlertClient on the same token provider as the live app's UPS client."""
    session = make_session(timeout=(2.0, 3.0), backoff=0.01)
    yield UpsTrackAlertClient(session, ups.tokens, settings_of(live[1]).ups_base_url)
    session.close()


def sandbox(live, path: str) -> str:
    return f"{live[0].url}/_sandbox/ups{path}"


def state(live) -> dict:
    return requests.get(sandbox(live, "/track-alert/subscriptions"), timeout=5).json()


def inject(live, code: str, times: int = 1) -> None:
    body = {"code": code, "times": times}
    response = requests.post(sandbox(live, "/track-alert/faults"), json=body, timeout=5)
    assert response.status_code == 200, response.text


def test_250_numbers_take_three_calls_of_at_most_100(live, track_alert):
    numbers = [make_1z("TALERT", serial) for serial in range(250)]
    result = track_alert.subscribe(numbers)
    assert sorted(result.valid) == sorted(numbers) and result.invalid == []
    assert state(live)["call_sizes"] == [100, 100, 50]
    assert len(state(live)["subscriptions"]) == 250


def test_valid_and_invalid_numbers_come_back_apart(live, track_alert):
    good = make_1z("TALERT", 1)
    result = track_alert.subscribe([good, "1Z1234567$8", "1R12345678901234"])
    assert result.valid == [good, "1R12345678901234"]
    assert result.invalid == ["1Z1234567$8"]


def test_the_token_of_the_track_client_is_reused(live, ups, track_alert):
    ups.fetch_details(make_1z("TALERT", 99), "en")  # a Track call fetches the one token
    track_alert.subscribe([make_1z("TALERT", 2)])
    stats = requests.get(sandbox(live, "/stats"), timeout=5).json()
    assert stats["token_calls"] == 1


def test_an_expired_token_is_replaced_once(live, ups_sandbox, track_alert):
    track_alert.subscribe([make_1z("TALERT", 3)])
    ups_sandbox.expire_tokens()
    assert track_alert.subscribe([make_1z("TALERT", 4)]).valid == [make_1z("TALERT", 4)]


@pytest.mark.parametrize("code", ["VSS300", "VSS220", "VSS210", "VSS310"])
def test_hard_vss_errors_are_rejections(live, track_alert, code):
    inject(live, code)
    with pytest.raises(TrackAlertRejectedError) as caught:
        track_alert.subscribe([make_1z("TALERT", 5)])
    assert caught.value.ups_code == code and caught.value.http_status == 400
    assert not isinstance(caught.value, UpstreamUnavailableError)


@pytest.mark.parametrize(
    ("code", "kind"),
    [("10004", UpstreamUnavailableError), ("VSS100", UpstreamUnavailableError),
     ("10429", UpstreamRateLimitedError)],
)  # fmt: skip
def test_transient_errors_mean_retry_later(live, track_alert, code, kind):
    inject(live, code)
    with pytest.raises(kind) as caught:
        track_alert.subscribe([make_1z("TALERT", 6)])
    assert caught.value.ups_code == code
    assert track_alert.subscribe([make_1z("TALERT", 6)]).valid  # the fault was one call


def test_an_unreachable_track_alert_is_transient(ups):
    session = make_session(timeout=(0.5, 0.5))
    client = UpsTrackAlertClient(session, ups.tokens, f"http://127.0.0.1:{free_port()}")
    ups.tokens._fetch = lambda: ("token", 60)  # no sandbox behind this port
    with pytest.raises(UpstreamUnavailableError):
        client.subscribe([make_1z("TALERT", 7)])
    session.close()


def test_more_than_100_in_one_batch_is_refused_before_calling(track_alert):
    with pytest.raises(ValueError):
        track_alert.subscribe_batch([make_1z("TALERT", n) for n in range(101)])


def _fixture(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text())


@pytest.mark.parametrize(
    ("status", "name", "kind", "code"),
    [
        (400, "track_alert_v2_subscribe_package_400_VSS300_locale_required.json",
         TrackAlertRejectedError, "VSS300"),
        (400, "track_alert_v1_subscribe_package_400_VSS300.json", TrackAlertRejectedError,
         "VSS300"),
        (404, "track_alert_v2_subscribe_package_404.json", TrackAlertRejectedError, "404"),
        (405, "track_alert_v1_subscribe_package_405_no_response_wrapper.json",
         TrackAlertRejectedError, "405"),
        (500, "track_alert_v2_subscribe_package_500_10004.json", UpstreamUnavailableError,
         "10004"),
        (500, "track_alert_v1_subscribe_package_500_10004_no_response_wrapper.json",
         UpstreamUnavailableError, "10004"),
        (401, "track_alert_v2_subscribe_package_401_250002.json", UpsAuthError, "250002"),
        (401, "track_alert_v1_subscribe_package_401_UJ0001_no_response_wrapper.json",
         UpsAuthError, "UJ0001"),
    ],
)  # fmt: skip
def test_every_ups_error_sample_gets_its_kind(status, name, kind, code):
    error = subscription_error(status, _fixture(name))
    assert type(error) is kind and error.ups_code == code


def test_the_400_sample_keeps_its_invalid_numbers():
    body = _fixture("track_alert_v2_subscribe_package_400_VSS300_locale_required.json")
    assert subscription_error(400, body).invalid == ["1Z1234567$8"]


def test_a_gateway_page_that_is_not_json_is_transient():
    assert type(subscription_error(403, None)) is UpstreamUnavailableError
    assert type(subscription_error(502, None)) is UpstreamUnavailableError
