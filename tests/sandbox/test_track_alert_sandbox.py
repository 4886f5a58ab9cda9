"""The UPS sandbox's Track Alert: subscription wire format and events pushed on advance."""

from __future__ import annotations

import re
import time
import uuid

import pytest
import requests
from rq import Queue

from backend.adapters import redis_conn
from backend.adapters.refresh_queue import QUEUE_NAME
from backend.adapters.ups.webhook_mapping import parse_webhook
from backend.sandbox.ups.journeys import BY_KEY, SCENARIOS
from backend.sandbox.ups.timeline import initial_times
from backend.sandbox.ups.track_alert_push import event_body
from tests.support.numbers import make_1z
from tests.support.stores import settings_of, stores

PATH = "/api/track/v2/subscription/standard/package"
PARCEL = BY_KEY["domestic_delivered"]


@pytest.fixture
def bearer(ups_sandbox) -> str:
    return ups_sandbox.token().json()["access_token"]


def subscribe(ups_sandbox, bearer: str, body: object, **headers: str) -> requests.Response:
    sent = {"transId": uuid.uuid4().hex, "transactionSrc": "tests"} | headers
    sent["Authorization"] = f"Bearer {bearer}"
    return requests.post(ups_sandbox.url(PATH), json=body, headers=sent, timeout=5)


def standard(numbers: list[str]) -> dict:
    return {"locale": "en_US", "countryCode": "US", "trackingNumberList": numbers}


def subscriptions(ups_sandbox) -> dict:
    return requests.get(ups_sandbox.url("/track-alert/subscriptions"), timeout=5).json()


def test_valid_numbers_are_subscribed_for_14_days(ups_sandbox, bearer):
    good = make_1z("SBXTA1", 1)
    response = subscribe(ups_sandbox, bearer, standard([good, "1Z1234567$8"]))
    assert response.status_code == 200
    assert response.json() == {
        "validTrackingNumbers": [good],
        "invalidTrackingNumbers": ["1Z1234567$8"],
    }
    (entry,) = subscriptions(ups_sandbox)["subscriptions"]
    expires = time.mktime(time.strptime(entry["expires_at"][:19], "%Y-%m-%dT%H:%M:%S"))
    assert entry["number"] == good and abs(expires - time.time() - 14 * 86400) < 86400


def test_complete_success_omits_the_invalid_list(ups_sandbox, bearer):
    body = subscribe(ups_sandbox, bearer, standard([make_1z("SBXTA1", 2)])).json()
    assert set(body) == {"validTrackingNumbers"}


def test_missing_locale_is_vss300_with_the_invalid_numbers(ups_sandbox, bearer):
    response = subscribe(ups_sandbox, bearer, {"trackingNumberList": ["1Z1234567$8"]})
    assert response.status_code == 400
    body = response.json()
    assert body["invalidTrackingNumbers"] == ["1Z1234567$8"]
    assert body["response"]["errors"][0]["code"] == "VSS300"
    assert subscriptions(ups_sandbox)["subscriptions"] == []


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (standard([make_1z("SBXTA1", n) for n in range(101)]), "VSS220"),
        (standard(["1ZNOPE"]), "VSS210"),
        (standard([]), "VSS200"),
        ({"locale": "zh_CN", "trackingNumberList": [make_1z("SBXTA1", 3)]}, "VSS310"),
        (standard([make_1z("SBXTA1", 3)]) | {"countryCode": "usa"}, "VSS400"),
        ("not an object", "VSS110"),
    ],
)
def test_documented_refusals(ups_sandbox, bearer, body, code):
    response = subscribe(ups_sandbox, bearer, body)
    assert response.status_code == 400
    assert response.json()["response"]["errors"][0]["code"] == code


def test_headers_and_token_are_checked(ups_sandbox, bearer):
    missing = subscribe(ups_sandbox, bearer, standard([]), transId="")
    assert missing.json()["response"]["errors"][0]["code"] == "VSS002"
    unauthorized = subscribe(ups_sandbox, "nope", standard([make_1z("SBXTA1", 4)]))
    assert unauthorized.status_code == 401


def test_every_scripted_scan_pushes_a_v2_body_our_mapping_reads():
    for scenario in SCENARIOS:
        for count in range(1, len(scenario.steps) + 1):
            times = initial_times(scenario, count, time.time())
            body = event_body(scenario, times, time.time())
            _assert_all_strings(body)
            status = body["activityStatus"]
            assert re.fullmatch(r"\d{3}", status["descriptionCode"])
            assert re.fullmatch(r"[+-]\d\d\.\d\d", body["gmtOffset"])
            pushed = parse_webhook(body)
            step = scenario.steps[count - 1]
            assert pushed.number == scenario.number
            assert pushed.event.status is step.event.status, (scenario.key, count)
            assert pushed.event.time.endswith(body["gmtOffset"].replace(".", ":"))


def _assert_all_strings(value: object) -> None:
    if isinstance(value, dict):
        for item in value.values():
            _assert_all_strings(item)
    else:
        assert isinstance(value, str), value


def _refresh_jobs(app) -> list:
    url = settings_of(app).redis_url
    return Queue(QUEUE_NAME, connection=redis_conn.connect(url, decode=False)).jobs


def _wait(condition, timeout: float = 3.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_advancing_a_subscribed_parcel_pushes_its_scan_to_the_webhook(live, ups_sandbox, bearer):
    _, app = live
    stores(app).watches.watch("o-tester", PARCEL.number, None)
    ups_sandbox.reset(PARCEL.number, step=8)
    subscribe(ups_sandbox, bearer, standard([PARCEL.number]))
    ups_sandbox.advance(PARCEL.number)
    assert _wait(lambda: len(_refresh_jobs(app)) == 1)
    job = _refresh_jobs(app)[0]
    assert job.func_name == "backend.worker.jobs.refresh_number" and job.args[0] == PARCEL.number
    assert job.args[1]["status"] == "out_for_delivery"  # the pushed scan rides with the job
    assert subscriptions(ups_sandbox)["stats"]["webhook_ok"] == 1


def test_unsubscribed_or_finished_parcels_push_nothing(live, ups_sandbox, bearer):
    _, app = live
    ups_sandbox.reset(PARCEL.number, step=len(PARCEL.steps) - 1)
    ups_sandbox.advance(PARCEL.number)  # not subscribed
    subscribe(ups_sandbox, bearer, standard([PARCEL.number]))
    ups_sandbox.advance(PARCEL.number)  # the journey is already over
    time.sleep(0.5)
    assert subscriptions(ups_sandbox)["stats"] == {"subscribe_calls": 1}
