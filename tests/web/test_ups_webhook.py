"""POST /ups/webhook: UPS's User-Agent and our credential, or 401 and nothing processed."""

from __future__ import annotations

import dataclasses
import json
import socket
import time
from pathlib import Path

import pytest
from rq import Queue

from backend.adapters import redis_conn
from backend.adapters.refresh_queue import QUEUE_NAME
from backend.settings import SANDBOX_WEBHOOK_CREDENTIAL
from tests.support.apps import close_app
from tests.support.stores import make_app, stores
from tests.support.track_alert import restamp

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ups"
RECORDED = json.loads((FIXTURES / "track_alert_v2_webhook_event_out_for_delivery.json").read_text())
EVENT = restamp(RECORDED, time.time() - 600)
NUMBER = EVENT["trackingNumber"]
UPS = {"User-Agent": "UPSPubSubTrackingService", "credential": SANDBOX_WEBHOOK_CREDENTIAL}


@pytest.fixture
def watched(app):
    stores(app).watches.watch("o-watcher", NUMBER, None)


@pytest.fixture
def jobs(settings):
    """The RQ refresh queue the worker serves: what the webhook enqueued."""
    connection = redis_conn.connect(settings.redis_url, decode=False)
    yield lambda: Queue(QUEUE_NAME, connection=connection).jobs
    connection.close()


def post(client, body=EVENT, headers=UPS, **kwargs):
    return client.post("/ups/webhook", json=body, headers=headers, **kwargs)


def test_a_verified_event_enqueues_the_polling_refresh_job(client, watched, jobs):
    response = post(client)
    assert response.status_code == 200 and response.get_json() == {"status": "accepted"}
    (job,) = jobs()
    assert job.func_name == "backend.worker.jobs.refresh_number" and job.args[0] == NUMBER
    assert job.args[1]["status"] == "out_for_delivery"  # the event rides along


def test_a_duplicate_is_acknowledged_and_enqueues_nothing(client, watched, jobs):
    post(client)
    response = post(client, EVENT | {"deliveryTimeDescription": ""})
    assert response.status_code == 200 and response.get_json() == {"status": "duplicate"}
    assert len(jobs()) == 1


def test_the_v2_x_api_key_header_is_accepted_too(client, watched, jobs):
    headers = {"User-Agent": UPS["User-Agent"], "x-api-key": SANDBOX_WEBHOOK_CREDENTIAL}
    assert post(client, headers=headers).status_code == 200
    assert len(jobs()) == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"User-Agent": "UPSPubSubTrackingService", "credential": "wrong"},
        {"User-Agent": "UPSPubSubTrackingService"},
        {"User-Agent": "UPSPubSubTrackingService", "x-api-key": "wrong"},
        {"credential": SANDBOX_WEBHOOK_CREDENTIAL},
        {"User-Agent": "curl/8.0", "credential": SANDBOX_WEBHOOK_CREDENTIAL},
    ],
)
def test_bad_credential_or_user_agent_is_401_and_nothing_is_processed(
    client, watched, jobs, headers
):
    response = post(client, headers=headers)
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "invalid_webhook_credential"
    assert jobs() == []
    assert post(client).get_json() == {"status": "accepted"}  # not marked as seen either


def test_malformed_json_with_a_good_credential_is_400(client, jobs):
    headers = UPS | {"Content-Type": "application/json"}
    response = client.post("/ups/webhook", data=b"{not json", headers=headers)
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "invalid_json"
    assert jobs() == []


def test_json_that_is_not_an_event_is_400(client, jobs):
    response = post(client, {"hello": "ups"})
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "invalid_webhook_event"


def test_malformed_json_with_a_bad_credential_is_still_401(client):
    response = client.post("/ups/webhook", data=b"{", headers={"credential": "x"})
    assert response.status_code == 401


HOSTILE_BODIES = [b"{", b"[" * 500, b'{"n": 1' + b"0" * 400 + b"}", b"\xff\xfe", b'"\\ud800"']


@pytest.mark.parametrize("body", HOSTILE_BODIES, ids=["truncated", "deep", "long-number",
                                                      "not-utf8", "surrogate"])  # fmt: skip
@pytest.mark.parametrize("credential", ["wrong", "", SANDBOX_WEBHOOK_CREDENTIAL + "x"])
def test_a_wrong_credential_is_401_whatever_the_json_body(client, jobs, body, credential):
    """The credential is checked first: a body declared as JSON is not judged (400) before."""
    headers = {**UPS, "credential": credential, "Content-Type": "application/json"}
    response = client.post("/ups/webhook", data=body, headers=headers)
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "invalid_webhook_credential"
    assert jobs() == []


def test_a_wrong_credential_is_refused_before_the_body_is_read(live):
    """Over a real socket: headers announce a megabyte of JSON and none of it is sent.
    The 401 arrives anyway, so nothing waited for (or read) the body."""
    server, _app = live
    head = (
        "POST /ups/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "User-Agent: UPSPubSubTrackingService\r\ncredential: wrong\r\n"
        "Content-Type: application/json\r\nContent-Length: 1000000\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(head.encode("ascii"))
        status_line = sock.makefile("rb").readline()  # times out if the body is awaited
    assert status_line.split()[1] == b"401", status_line


def test_every_sample_event_is_accepted(client):
    for path in sorted(FIXTURES.rglob("track_alert_*webhook_event*.json")):
        response = post(client, restamp(json.loads(path.read_text()), time.time() - 60))
        assert response.status_code == 200, path.name


def test_without_a_configured_credential_every_call_is_refused(settings):
    app = make_app(dataclasses.replace(settings, ups_webhook_credential=""))
    try:
        response = post(app.test_client(), headers=UPS | {"credential": ""})
        assert response.status_code == 401
    finally:
        close_app(app)


def test_the_webhook_is_not_rate_limited(make_settings, watched):
    app = make_app(make_settings(rate_limit_anonymous="2/minute"))
    try:
        client = app.test_client()
        bodies = [EVENT | {"localActivityTime": f"0915{n:02d}"} for n in range(5)]
        assert [post(client, body).status_code for body in bodies] == [200] * 5
    finally:
        close_app(app)


def test_a_replayed_capture_days_later_is_403_and_processes_nothing(client, watched, jobs):
    old = restamp(RECORDED, time.time() - 4 * 86400)
    response = post(client, old)
    assert response.status_code == 403
    assert response.get_json()["error"]["code"] == "webhook_event_stale"
    assert jobs() == []
