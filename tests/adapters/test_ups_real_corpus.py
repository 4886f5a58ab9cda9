"""Real UPS Track responses (tests/fixtures/ups/real, provenance in its README) replayed over
HTTP through the production UpsClient and asserted field by field where the data says something.
"""

from __future__ import annotations

import json

import pytest

from backend.adapters.http import make_session
from backend.adapters.snapshot_cache import RedisSnapshotCache
from backend.adapters.ups import errors
from backend.adapters.ups.client import UpsClient
from backend.adapters.ups.status_codes import unknown_codes
from backend.domain.model import Dimensions, Eta, Weight
from backend.domain.statuses import Status
from backend.services.lookup import LookupService
from backend.web.presenters import shipment_view
from tests.support.ups_replay import REAL, start_replay

S = Status

# (file, inquiry number, HTTP status UPS answered with)
SUCCESSES = {
    "karrio": ("karrio_1ZR760R60332160282_delivered_2021-10-21.json", "1ZR760R60332160282"),
    "photo": ("code_index_1Z81WV380316886897_delivered_2024-02-02.json", "1Z81WV380316886897"),
    "eod": ("code_index_1Z00160W0391111222_rescheduled_eod_2025-12-11.json", "1Z00160W0391111222"),
    "vk134": ("code_index_1ZWE58136821755160_VK_134_rescheduled_window_2024-01-31.json", "1ZWE58136821755160"),
    "demo": ("code_index_1ZYA27550424697984_label_created_demo_2025-08.json", "1ZYA27550424697984"),
    "customs": ("omniship_1Z1202R66698804005_customs_2024-03-20.json", "1Z1202R66698804005"),
    "jex": ("ups_java_sample_delivered.json", "<Tracking Number>"),
}  # fmt: skip
NOT_FOUND = [
    ("issue102_TW0001_not_found.json", "1Z5629230309413682"),
    ("issue166_TW0001_overlong_number.json", "1Z5629230309413682xxxx"),
    ("issue198_TW0001_masked_number.json", "1Z*************"),
    ("karrio_TW0001_not_found.json", "1Z12345E6205277936"),
    ("omniship_TW0001_not_found.json", "1Z9912350341235622"),
]
# UPS did not say which 4xx carries TV1002 (docs/ups.md §3); both seen in third-party tests.
REJECTED = [("issue12_TV1002_invalid_inquiry_number.json", 400), ("karrio_TV1002_invalid_inquiry_number.json", 404)]  # fmt: skip


@pytest.fixture
def replay():
    server, app = start_replay()
    yield server, app
    server.stop()


@pytest.fixture
def client(replay, redis_client):
    built = UpsClient(
        make_session(retries=2, backoff=0.05), redis_client, replay[0].url, "id", "secret"
    )
    yield built
    built.close()


def _track(replay, client, key):
    fixture, number = SUCCESSES[key]
    replay[1].record(number, fixture)
    return client.track(number, "en")


def test_the_corpus_has_at_least_fifteen_responses_each_with_provenance():
    files = sorted(path.name for path in REAL.glob("*.json"))
    readme = (REAL / "README.md").read_text("utf-8")
    assert len(files) >= 15
    for name in files:
        assert f"`{name}`" in readme, f"{name} has no provenance line"


def test_a_delivered_ground_parcel_from_2021(replay, client):
    shipment = _track(replay, client, "karrio")
    assert (shipment.status, shipment.status_description) == (S.DELIVERED, "Delivered")
    assert [event.status for event in shipment.events] == [
        S.DELIVERED, S.OUT_FOR_DELIVERY, S.AT_FACILITY, S.AT_FACILITY, S.IN_TRANSIT,
        S.AT_FACILITY, S.IN_TRANSIT, S.AT_FACILITY, S.IN_TRANSIT, S.IN_TRANSIT,
        S.SHIPMENT_ACCEPTED, S.LABEL_CREATED,
    ]  # fmt: skip
    newest = shipment.events[0]
    assert (newest.time, newest.location, newest.ups_code) == (
        "2021-10-21T14:33:16",
        "ADRIAN, MI, US",
        "FS",
    )
    assert shipment.events[-1].location == "US"  # city, state and postal code sent as ""
    assert shipment.delivered_at == "2021-10-21T14:33:16"  # no gmt fields in 2021: no offset
    assert shipment.eta is None
    assert replay[1].token_calls == 1 and replay[1].track_calls == ["1ZR760R60332160282"]


def test_a_delivered_parcel_with_a_delivery_photo(replay, client):
    shipment = _track(replay, client, "photo")
    assert shipment.status is S.DELIVERED
    assert shipment.delivered_at == "2024-02-02T12:04:35-08:00"  # the DEL scan lends its offset
    by_code = {event.ups_code: event for event in shipment.events}
    assert by_code["FS"].description == "DELIVERED"  # UPS's trailing space trimmed
    assert by_code["OF"].status is S.OUT_FOR_DELIVERY  # 072 "Loaded on Delivery Vehicle "
    assert by_code["YP"].status is S.AT_FACILITY  # 071 "Processing at UPS Facility"
    assert by_code["OC"].status is S.IN_TRANSIT  # "We have your package", code unknown to us
    assert len(shipment.events) == 10
    assert shipment.events[0].time == "2024-02-02T12:04:35-08:00"
    assert (shipment.weight, shipment.service) == (Weight("13.00", "LBS"), "UPS Ground")
    assert shipment.dimensions == Dimensions("21.50", "18.00", "15.00", "IN")
    assert (shipment.origin_country, shipment.destination_country) == ("US", "US")
    assert (shipment.delivery_location, shipment.received_by) == ("Delivery Photo", None)
    assert shipment.package_count == 1


def test_scans_keep_ups_order_where_their_times_disagree(replay, client):
    """UPS documents activity[0] as the most recent. This real response lists three scans
    of 2024-01-31 as 17:31:57, 17:15:00 and 17:34:05 (the label, manifest data stamped
    after the pickup scan, listed oldest): the API shows them as UPS does, label last."""
    shipment = _track(replay, client, "photo")
    payload = json.loads((REAL / SUCCESSES["photo"][0]).read_text())
    activities = payload["trackResponse"]["shipment"][0]["package"][0]["activity"]
    assert [e.ups_code for e in shipment.events] == [a["status"]["code"] for a in activities]
    assert [(e.time, e.ups_code) for e in shipment.events[-3:]] == [
        ("2024-01-31T17:31:57-08:00", "OC"),
        ("2024-01-31T17:15:00-08:00", "DP"),
        ("2024-01-31T17:34:05-08:00", "MP"),
    ]
    view = shipment_view(shipment, "zh")
    assert [e["time"] for e in view["events"][-3:]] == [e.time for e in shipment.events[-3:]]
    assert shipment.status is S.DELIVERED and view["events"][0]["time"].startswith("2024-02-02")


def test_a_rescheduled_end_of_day_and_an_unlisted_status_code(replay, client):
    shipment = _track(replay, client, "eod")
    assert shipment.eta == Eta("2025-12-16", None, None, "end_of_day", rescheduled=True)
    assert shipment.status is S.AT_FACILITY
    unlisted = shipment.events[2]
    assert (unlisted.ups_status_code, unlisted.ups_code) == ("160", "OR")
    # OR alone reads "origin scan"; UPS's own words for this scan say it arrived.
    assert unlisted.status is S.AT_FACILITY
    assert unknown_codes()[("160", "OR", "I")] >= 1
    assert shipment.events[0].time == "2025-12-11T03:41:00-06:00"


def test_cleared_customs_with_an_unlisted_code_reads_as_cleared(replay, client):
    shipment = _track(replay, client, "vk134")
    customs = next(event for event in shipment.events if event.ups_code == "VK")
    assert (customs.ups_status_code, customs.status) == ("134", S.CLEARED)
    assert customs.location == ""  # an address with nothing in it
    assert shipment.eta == Eta("2024-01-31", "12:45", "16:45", "window", rescheduled=True)
    assert shipment.status is S.OUT_FOR_DELIVERY  # 021 on the newest scan; currentStatus agrees
    delays = [event.status for event in shipment.events if event.ups_status_code in ("048", "032")]
    assert delays == [S.EXCEPTION, S.EXCEPTION]
    assert (shipment.origin_country, shipment.destination_country) == ("US", "CA")
    assert shipment.weight == Weight("49.20", "LBS") and shipment.service == "UPS® Standard"
    assert len(shipment.events) == 19


def test_the_chinese_reader_sees_cleared_and_places_in_chinese(replay, client):
    shipment = _track(replay, client, "vk134")
    view = shipment_view(shipment, "zh")
    labels = [event["status"]["label"] for event in view["events"]]
    assert labels[2] == "已清关" and "清关中" not in labels
    assert view["events"][0]["location"] == "加拿大 艾伯塔省 卡尔加里"
    assert view["eta"]["rescheduled"] is True and view["eta"]["kind"] == "window"


def test_an_author_edited_demo_still_maps(replay, client):
    shipment = _track(replay, client, "demo")
    assert [event.status for event in shipment.events] == [
        S.IN_TRANSIT,
        S.IN_TRANSIT,
        S.LABEL_CREATED,
    ]
    assert shipment.eta is None  # deliveryDate: []
    assert (shipment.origin_country, shipment.destination_country) == ("CO", "US")
    assert shipment.events[1].location == "CUCUTA, CO"


def test_an_international_customs_hold(replay, client):
    shipment = _track(replay, client, "customs")
    assert (shipment.status, shipment.status_description) == (
        S.CLEARANCE_IN_PROGRESS,
        "Customs Clearance in Progress",
    )
    assert len(shipment.events) == 17
    assert shipment.events[0].location == ""  # only a slic
    assert shipment.events[0].time == "2024-03-20T19:08:38+08:00"
    assert (shipment.weight, shipment.service) == (Weight("17.00", "KGS"), "UPS Express®")
    assert (shipment.origin_country, shipment.destination_country) == ("BE", "AU")
    released = [e for e in shipment.events if "released by the government agency" in e.description]
    pending = [e for e in shipment.events if "pending release" in e.description]
    assert released and all(event.status is S.CLEARED for event in released)
    assert pending and all(event.status is S.CLEARANCE_IN_PROGRESS for event in pending)


def test_ups_own_delivered_sample(replay, client):
    shipment = _track(replay, client, "jex")
    assert (shipment.status, shipment.delivered_at) == (S.DELIVERED, "2022-01-26T16:30:00")
    assert [event.location for event in shipment.events] == ["PARAMUS, NJ, US", "US"]


@pytest.mark.parametrize(("fixture", "number"), NOT_FOUND)
def test_not_found_answers_are_http_200_warnings(replay, client, fixture, number):
    replay[1].record(number, fixture)
    with pytest.raises(errors.TrackingNotFoundError) as caught:
        client.track(number, "zh")
    assert caught.value.ups_code == "TW0001"
    assert replay[1].track_calls == [number]


@pytest.mark.parametrize(("fixture", "status"), REJECTED)
def test_rejected_numbers_are_invalid_and_remembered(replay, client, redis_client, fixture, status):
    number = "1Z12345E020527079"  # the legacy guide's 17-character "invalid" example
    replay[1].record(number, fixture, status)
    with pytest.raises(errors.InvalidNumberError):
        client.track(number, "zh")
    lookups = LookupService(client, RedisSnapshotCache(redis_client), concurrency=1)
    answers = [lookups.lookup_one(number, "zh") for _ in range(3)]
    assert {(a.error, a.reason) for a in answers} == {("invalid_number", "rejected_by_ups")}
    assert len(replay[1].track_calls) == 2  # the direct call and the first lookup only


def test_an_invalid_access_license_is_an_auth_error_after_one_fresh_token(replay, client):
    replay[1].record("1Z12345E6205277936", "karrio_250003_invalid_access_license.json", 401)
    with pytest.raises(errors.UpsAuthError) as caught:
        client.track("1Z12345E6205277936", "en")
    assert caught.value.ups_code == "250003"
    assert (replay[1].token_calls, len(replay[1].track_calls)) == (2, 2)


def test_the_gateway_rate_limit_body_is_a_rate_limit(replay, client):
    replay[1].record("1Z5629230309413682", "issue123_10429_too_many_requests.json", 429)
    with pytest.raises(errors.UpstreamRateLimitedError) as caught:
        client.track("1Z5629230309413682", "en")
    assert (caught.value.ups_code, caught.value.http_status) == ("10429", 429)
    assert len(replay[1].track_calls) == 3  # the first try and two retries


def test_every_success_round_trips_through_the_snapshot_format(replay, client):
    from backend.domain.model import shipment_from_dict, shipment_to_dict

    for key in SUCCESSES:
        shipment = _track(replay, client, key)
        assert shipment_from_dict(shipment_to_dict(shipment)) == shipment
