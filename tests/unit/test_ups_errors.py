"""UPS error bodies and warnings become the right typed errors, whichever wrapper UPS used."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backend.adapters.ups.errors import (
    InvalidNumberError,
    TrackingNotFoundError,
    UpsAuthError,
    UpsError,
    UpstreamRateLimitedError,
    UpstreamUnavailableError,
    error_from_payload,
    warning_error,
)
from backend.adapters.ups.track_alert import TrackAlertRejectedError, subscription_error
from backend.domain import errors

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ups"


def load(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def body(code: str, message: str = "text", wrapped: bool = True) -> dict:
    errors = {"errors": [{"code": code, "message": message}]}
    return {"response": errors} if wrapped else errors


def test_each_error_class_carries_the_api_code_of_contract_md():
    assert UpsError.code == "upstream_unavailable"
    assert TrackingNotFoundError.code == "not_found"
    assert InvalidNumberError.code == "invalid_number"
    assert UpstreamUnavailableError.code == "upstream_unavailable"
    assert UpstreamRateLimitedError.code == "upstream_unavailable"
    assert UpsAuthError.code == "upstream_unavailable"
    assert issubclass(UpstreamRateLimitedError, UpstreamUnavailableError)
    assert issubclass(UpsAuthError, UpstreamUnavailableError)


def test_the_tv1002_capture_is_an_invalid_number_with_ups_code_and_message():
    name = "observed/track_v1_details_400_TV1002_invalid_inquiry_number_issue12.json"
    error = error_from_payload(400, load(name))
    assert type(error) is InvalidNumberError
    assert (error.ups_code, error.message, error.http_status) == (
        "TV1002",
        "Invalid inquiry number",
        400,
    )


def test_the_10429_capture_is_rate_limited_and_counts_as_unavailable():
    error = error_from_payload(
        429, load("observed/ups_api_429_10429_too_many_requests_issue123.json")
    )
    assert type(error) is UpstreamRateLimitedError
    assert isinstance(error, UpstreamUnavailableError)
    assert (error.ups_code, error.message) == ("10429", "Too Many Requests")


def test_http_429_without_a_body_is_rate_limited():
    error = error_from_payload(429, None)
    assert type(error) is UpstreamRateLimitedError
    assert error.http_status == 429


@pytest.mark.parametrize("code", ["250002", "250003", "UJ0001", "251004", "10401"])
@pytest.mark.parametrize("wrapped", [True, False])
def test_credential_codes_are_auth_errors_in_either_wrapper(code, wrapped):
    error = error_from_payload(401, body(code, wrapped=wrapped))
    assert type(error) is UpsAuthError
    assert error.ups_code == code


@pytest.mark.parametrize(
    "name",
    [
        "track_alert_v1_subscribe_package_401_UJ0001_no_response_wrapper.json",
        "track_alert_v2_subscribe_package_401_250002.json",
    ],
)
def test_the_401_fixtures_are_auth_errors(name):
    assert type(error_from_payload(401, load(name))) is UpsAuthError


@pytest.mark.parametrize(
    ("status", "name"),
    [
        (500, "track_alert_v2_subscribe_package_500_10004.json"),
        (500, "track_alert_v1_subscribe_package_500_10004_no_response_wrapper.json"),
        (404, "track_alert_v2_subscribe_package_404.json"),
        (405, "track_alert_v1_subscribe_package_405_no_response_wrapper.json"),
    ],
)
def test_other_failures_are_plainly_unavailable_and_keep_the_ups_code(status, name):
    error = error_from_payload(status, load(name))
    assert type(error) is UpstreamUnavailableError
    assert error.ups_code and error.message
    assert error.http_status == status


@pytest.mark.parametrize("payload", [None, {}, [], "gateway timeout", {"response": "x"}])
def test_a_missing_or_odd_body_still_gives_an_error_naming_the_http_status(payload):
    error = error_from_payload(503, payload)
    assert type(error) is UpstreamUnavailableError
    assert (error.ups_code, error.http_status) == ("", 503)
    assert "503" in str(error)


def test_http_401_without_a_known_code_is_an_auth_error():
    assert type(error_from_payload(401, {})) is UpsAuthError


def test_a_known_code_wins_over_an_unknown_one_listed_before_it():
    payload = {"response": {"errors": [{"code": "X1"}, {"code": "TV1002", "message": "bad"}]}}
    assert type(error_from_payload(400, payload)) is InvalidNumberError


@pytest.mark.parametrize(
    "name",
    [
        "observed/track_v1_details_200_TW0001_not_found_issue102.json",
        "observed/track_v1_details_200_TW0001_not_found_omniship_capture.json",
    ],
)
def test_a_tw0001_warning_is_not_found(name):
    shipment = load(name)["trackResponse"]["shipment"][0]
    error = warning_error(shipment)
    assert type(error) is TrackingNotFoundError
    assert (error.ups_code, error.message) == ("TW0001", "Tracking Information Not Found")


@pytest.mark.parametrize(
    "shipment",
    [{}, {"warnings": [{"code": "string", "message": "string"}]}, {"warnings": "TW0001"}],
)
def test_other_warnings_or_none_are_no_error(shipment):
    assert warning_error(shipment) is None


def test_each_ups_failure_is_the_vendor_neutral_error_services_catch():
    body = {"response": {"errors": [{"code": "TV1002", "message": "Invalid inquiry number"}]}}
    rejected = error_from_payload(400, body)
    assert isinstance(rejected, errors.NumberRejected) and rejected.detail == "TV1002"
    assert isinstance(warning_error({"warnings": [{"code": "TW0001"}]}), errors.NumberNotFound)
    throttled = error_from_payload(429, None)
    assert isinstance(throttled, errors.CarrierUnavailable) and throttled.transient
    hard = subscription_error(400, {"response": {"errors": [{"code": "VSS300", "message": "x"}]}})
    assert isinstance(hard, TrackAlertRejectedError) and isinstance(
        hard, errors.SubscriptionRefused
    )
    assert hard.reason == "VSS300" and not hard.transient
