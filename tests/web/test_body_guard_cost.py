"""One hostile body must not freeze a worker: every pathological JSON shape, at the largest
size the API admits, is answered in well under a second; the refusal counts against the
client's budget and appears in the access log with its real duration.

The old regex guard spent 15-35 s on a 64 KB body of one quote then escaped quotes
(quadratic); the linear guard spends about a millisecond (tests/bench/json_guard.py). The
bound below leaves a margin of well over 20x for a loaded CI machine.
"""

from __future__ import annotations

import logging
import re
import time

import pytest

from backend.app import MAX_BODY_BYTES
from backend.settings import SANDBOX_WEBHOOK_CREDENTIAL
from tests.support.apps import close_app
from tests.support.hostile_json import SHAPES
from tests.support.stores import make_app

BOUND_SECONDS = 0.5
JSON = {"Content-Type": "application/json"}
WEBHOOK = {"User-Agent": "UPSPubSubTrackingService", "credential": SANDBOX_WEBHOOK_CREDENTIAL}
WORST = SHAPES['one " then \\" repeated'](MAX_BODY_BYTES)


@pytest.mark.parametrize("shape", list(SHAPES))
@pytest.mark.parametrize(
    ("path", "headers"),
    [("/api/v1/links/check", JSON), ("/api/v1/track", JSON), ("/ups/webhook", JSON | WEBHOOK)],
)
def test_a_pathological_body_of_the_largest_size_is_answered_fast(client, shape, path, headers):
    body = SHAPES[shape](MAX_BODY_BYTES)
    assert len(body) == MAX_BODY_BYTES
    started = time.perf_counter()
    response = client.post(path, data=body, headers=headers)
    elapsed = time.perf_counter() - started
    assert response.status_code == 400 and response.json["error"]["code"], response.json
    assert elapsed < BOUND_SECONDS, f"{shape}: {elapsed:.2f}s"


def test_one_byte_more_is_refused_as_too_large_without_parsing(client):
    response = client.post("/api/v1/track", data=WORST + b" ", headers=JSON)
    assert response.status_code == 413 and response.json["error"]["code"] == "payload_too_large"


def test_a_refused_body_counts_against_the_clients_budget(make_settings):
    app = make_app(make_settings(rate_limit_anonymous="3/minute"))
    try:
        client = app.test_client()
        codes = [
            client.post("/api/v1/track", data=WORST, headers=JSON).status_code for _ in range(4)
        ]
        assert codes == [400, 400, 400, 429]
        assert client.get("/api/v1/help").status_code == 429  # the same budget as every route
    finally:
        close_app(app)


def test_a_refused_body_is_logged_with_its_request_id_and_real_duration(client, caplog):
    caplog.set_level(logging.INFO, logger="backend.access")
    response = client.post("/api/v1/links/check", data=WORST, headers=JSON)
    assert response.status_code == 400
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["X-Request-Id"])
    lines = [r.getMessage() for r in caplog.records if r.name == "backend.access"]
    match = re.fullmatch(r"POST /api/v1/links/check 400 (-?[\d.]+)ms", lines[-1])
    assert match and float(match.group(1)) > 0, lines
