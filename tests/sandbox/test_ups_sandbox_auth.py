"""The UPS sandbox's OAuth endpoint and the checks it makes before answering a track call."""

from __future__ import annotations

import base64
import json
import time
from pathlib import Path

import pytest
import requests

from backend.sandbox.ups.journeys import BY_KEY

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ups"


@pytest.fixture
def bearer(ups_sandbox) -> str:
    return ups_sandbox.token().json()["access_token"]


def test_token_answer_has_the_official_shape_all_strings(ups_sandbox):
    body = ups_sandbox.token().json()
    official = json.loads(
        (FIXTURES / "oauth_client_credentials_token_200_official_java_sample.json").read_text()
    )
    assert set(body) == set(official)
    assert all(isinstance(value, str) for value in body.values())
    assert body["expires_in"] == "14399" and body["status"] == "approved"
    assert abs(int(body["issued_at"]) / 1000 - time.time()) < 60


def test_token_endpoint_rejects_bad_credentials_and_missing_header(ups_sandbox):
    wrong = "Basic " + base64.b64encode(b"sandbox-client:wrong").decode()
    bad = ups_sandbox.token(wrong)
    assert bad.status_code == 401
    assert bad.json() == {
        "response": {"errors": [{"code": "10401", "message": "ClientId is Invalid"}]}
    }
    missing = ups_sandbox.token("")
    assert missing.status_code == 400
    assert missing.json()["response"]["errors"][0]["code"] == "10400"
    assert ups_sandbox.token(grant="password").status_code == 400


@pytest.mark.parametrize(
    ("authorization", "code"),
    [("", "UJ0001"), ("Bearer not-a-token", "250002")],
)
def test_track_needs_a_token_the_sandbox_issued(ups_sandbox, authorization, code):
    response = requests.get(
        ups_sandbox.url(f"/api/track/v1/details/{BY_KEY['in_transit'].number}"),
        headers={"transId": "x" * 32, "transactionSrc": "tests", "Authorization": authorization},
        timeout=5,
    )
    assert response.status_code == 401
    assert response.json()["response"]["errors"][0]["code"] == code


def test_expired_tokens_are_refused(ups_sandbox, bearer):
    assert ups_sandbox.track(BY_KEY["in_transit"].number, bearer).status_code == 200
    assert ups_sandbox.expire_tokens() == 1
    refused = ups_sandbox.track(BY_KEY["in_transit"].number, bearer)
    assert refused.status_code == 401
    assert refused.json()["response"]["errors"][0]["code"] == "250002"


@pytest.mark.parametrize("missing", ["transId", "transactionSrc"])
def test_track_requires_trans_id_and_transaction_src(ups_sandbox, bearer, missing):
    headers = {"transId": "a" * 32, "transactionSrc": "tests", "Authorization": f"Bearer {bearer}"}
    del headers[missing]
    url = ups_sandbox.url(f"/api/track/v1/details/{BY_KEY['in_transit'].number}")
    assert requests.get(url, headers=headers, timeout=5).status_code == 400
