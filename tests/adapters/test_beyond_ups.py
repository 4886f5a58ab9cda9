"""Issue #22's UPS calls against the UPS sandbox over real HTTP, through the production
UpsClient: delivery photos, the shipment endpoint, Time in Transit, Track Alert enhanced, and
products UPS refuses to the app."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
import requests

from backend.adapters import redis_conn, redis_keys
from backend.adapters.delivery_proofs import RedisDeliveryProofs
from backend.adapters.http import make_session
from backend.adapters.ups import pieces as pieces_module
from backend.adapters.ups.pieces import PieceReader
from backend.adapters.ups.track_alert import UpsTrackAlertClient
from backend.adapters.ups.track_extras import TrackExtrasReader
from backend.adapters.ups.transit import UpsTransitTimes, parse_options
from backend.domain.model import Place
from backend.domain.transit import TransitQuery
from backend.sandbox.ups.journeys import BY_KEY
from backend.sandbox.ups.journeys.beyond import PIECE_ALTERNATE, PIECES
from backend.sandbox.ups.render import doorstep_photo
from tests.support.stores import settings_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ups"


@pytest.fixture
def blobs(redis_url):
    client = redis_conn.connect(redis_url, decode=False)
    yield client
    client.close()


@pytest.fixture
def proofs(blobs) -> RedisDeliveryProofs:
    return RedisDeliveryProofs(blobs)


@pytest.fixture
def extras(ups, proofs) -> TrackExtrasReader:
    reader = TrackExtrasReader(PieceReader(ups), proofs)
    ups.extras = reader
    return reader


def refuse(ups_sandbox, *products: str) -> None:
    response = ups_sandbox.post("/products", {"refuse": list(products)})
    assert response.status_code == 200, response.text


def at_step(ups_sandbox, key: str, step: int | None = None) -> str:
    scenario = BY_KEY[key]
    ups_sandbox.reset(scenario.number, step or len(scenario.steps))
    return scenario.number


def test_a_residential_delivery_keeps_upss_photo_for_the_watchers(ups, extras, proofs, ups_sandbox):
    number = at_step(ups_sandbox, "delivered_photo")
    shipment = ups.track(number, "en")
    assert shipment.photo == "available"
    assert shipment.delivery_location == "Front Door"
    assert proofs.photo(number) == (Path("backend/sandbox/ups/doorstep.jpg")).read_bytes()


@pytest.mark.parametrize(
    ("key", "photo"),
    [
        ("delivered_photo_at_ups", "at_ups"),  # issue #39: Y/V, no photo string
        ("delivered_photo_not_viewable", None),
        ("delivered_photo_not_stored", None),
        ("delivered_signed", None),
    ],
)
def test_photo_variants_read_as_the_receiver_should_understand_them(
    ups, extras, proofs, ups_sandbox, key, photo
):
    number = at_step(ups_sandbox, key)
    shipment = ups.track(number, "en")
    assert shipment.photo == photo
    assert proofs.photo(number) is None
    if key == "delivered_signed":
        assert shipment.received_by == "WANG" and shipment.delivery_location == "Reception"


def test_a_photo_pushed_earlier_marks_the_track_answer_available(ups, extras, proofs, ups_sandbox):
    number = at_step(ups_sandbox, "delivered_photo_at_ups")
    proofs.save_photo(number, Path("backend/sandbox/ups/doorstep.jpg").read_bytes())
    proofs.save_signer(number, "JOHN")
    shipment = ups.track(number, "zh")
    assert shipment.photo == "available" and shipment.received_by == "JOHN"


def test_a_three_piece_shipment_is_read_page_by_page(ups, extras, ups_sandbox, monkeypatch):
    monkeypatch.setattr(pieces_module, "PAGE_SIZE", 2)  # 3 pieces: two pages
    ups_sandbox.reset(PIECES[0], 5)  # delivered
    ups_sandbox.reset(PIECES[1], 4)  # out for delivery
    ups_sandbox.reset(PIECES[2], 3)  # missed the sort
    before = ups_sandbox.stats()["track_calls_by_number"].get(PIECES[0], 0)
    shipment = ups.track(PIECES[0], "zh")
    assert shipment.package_count == 3
    assert shipment.pieces.numbers == PIECES
    assert shipment.pieces.statuses == ("delivered", "out_for_delivery", "at_facility")
    assert shipment.pieces.delivered == 1
    # The details call, then two pages of the shipment endpoint.
    assert ups_sandbox.stats()["track_calls_by_number"][PIECES[0]] - before == 3


def test_an_alternate_number_is_the_same_parcel(ups, extras, ups_sandbox):
    ups_sandbox.reset(PIECES[0], 4)
    shipment = ups.track(PIECE_ALTERNATE, "en")
    assert shipment.number == PIECE_ALTERNATE
    assert shipment.pieces.numbers == PIECES  # the 1Z parcel it stands for


def test_a_refused_shipment_endpoint_steps_aside_with_one_log_line(
    ups, extras, ups_sandbox, caplog
):
    refuse(ups_sandbox, "shipment_details")
    ups_sandbox.reset(PIECES[0], 4)
    with caplog.at_level(logging.WARNING):
        first = ups.track(PIECES[0], "en")
        second = ups.track(PIECES[0], "en")
    assert first.pieces is None and second.pieces is None  # today's behaviour
    assert first.package_count == 3
    refusals = [r for r in caplog.records if "refused the shipment endpoint" in r.getMessage()]
    assert len(refusals) == 1  # and the endpoint is not asked again for a while


def query(city: str = "Shanghai", ship_date: str | None = None) -> TransitQuery:
    from datetime import date

    day = ship_date or date.today().isoformat()
    return TransitQuery(Place("SEATTLE", "WA", "US"), Place(city, "", "CN"), day, 1.2, "saver")


def test_time_in_transit_answers_with_services_and_is_cached(ups, redis_client, ups_sandbox):
    transit = UpsTransitTimes(ups, redis_client)
    options = transit.options(query())
    assert {o.service for o in options} >= {"express", "saver", "expedited"}
    saver = next(o for o in options if o.service == "saver")
    assert saver.business_days == 4 and saver.customs_delay_days == 1
    assert ups_sandbox.stats()["transit_calls"] == 1
    assert transit.options(query()) == options
    assert ups_sandbox.stats()["transit_calls"] == 1  # from the cache: no second UPS call


def test_an_ambiguous_city_gets_206_and_the_first_candidate_is_asked(
    ups, redis_client, ups_sandbox
):
    transit = UpsTransitTimes(ups, redis_client)
    options = transit.options(query("Chaoyang"))
    assert options and all(o.delivery_date for o in options)
    assert ups_sandbox.stats()["transit_calls"] == 2  # the 206, then the candidate


def test_a_refused_time_in_transit_gives_no_options_and_a_log_line(
    ups, redis_client, ups_sandbox, caplog
):
    refuse(ups_sandbox, "time_in_transit")
    transit = UpsTransitTimes(ups, redis_client)
    with caplog.at_level(logging.WARNING):
        assert transit.options(query()) == []
        assert transit.options(query()) == []
    # A 401, one fresh token, the second 401; then not asked again while refused.
    assert ups_sandbox.stats()["transit_calls"] == 2
    assert sum("refused Time in Transit" in r.getMessage() for r in caplog.records) == 1
    # Tracking itself still works on the same token.
    assert ups.track(BY_KEY["eta_estimate"].number, "en").number


def test_the_unpadded_ship_time_of_issue_62_does_not_disturb_the_reading():
    body = json.loads(
        (FIXTURES / "observed/time_in_transit_200_unpadded_shipTime_issue62.json").read_text()
    )
    [option] = parse_options(body)
    assert (option.service, option.delivery_date, option.business_days) == (
        "express", "2024-05-04", 2,
    )  # fmt: skip


@pytest.fixture
def alerts(live, ups):
    session = make_session(timeout=(2.0, 3.0), backoff=0.01)
    base = settings_of(live[1]).ups_base_url
    yield lambda kind="enhanced": UpsTrackAlertClient(session, ups.tokens, base, alert_type=kind)
    session.close()


def subscriptions(ups_sandbox) -> dict[str, str]:
    body = requests.get(ups_sandbox.url("/track-alert/subscriptions"), timeout=5).json()
    return {item["number"]: item["type"] for item in body["subscriptions"]}


def test_an_enhanced_subscription_asks_for_delivery_exception_and_progress(alerts, ups_sandbox):
    number = BY_KEY["delivered_photo"].number
    assert alerts("enhanced").subscribe_batch([number]).valid == [number]
    assert subscriptions(ups_sandbox)[number] == "enhanced:DXI"


def test_standard_stays_standard(alerts, ups_sandbox):
    number = BY_KEY["delivered_signed"].number
    alerts("standard").subscribe_batch([number])
    assert subscriptions(ups_sandbox)[number] == "standard"


def test_a_refused_enhanced_subscription_falls_back_to_standard(alerts, ups_sandbox, caplog):
    refuse(ups_sandbox, "track_alert_enhanced")
    client = alerts("enhanced")
    number = BY_KEY["delivered_photo"].number
    with caplog.at_level(logging.WARNING):
        assert client.subscribe_batch([number]).valid == [number]
    assert subscriptions(ups_sandbox)[number] == "standard"
    assert client.current_type() == "standard"  # for the next hour, no enhanced attempt
    assert any("refused Track Alert enhanced" in r.getMessage() for r in caplog.records)


def test_the_sandbox_pushes_the_photo_and_signer_only_to_enhanced_subscribers():
    from backend.sandbox.ups.track_alert_push import enhanced_fields, wanted

    scenario = BY_KEY["delivered_photo"]
    assert enhanced_fields(scenario, True)["deliveryPhoto"] == doorstep_photo()
    assert enhanced_fields(scenario, False) == {"receivedBy": "", "deliveryPhoto": ""}
    assert wanted("enhanced:DXI", "D") and not wanted("enhanced:DXI", "M")
    assert wanted("enhanced:DXI", "P") and wanted("enhanced:DXI", "RS")  # in progress
    assert not wanted("enhanced:DXI", "MV") and wanted("standard", "M")


def test_photos_are_bounded_and_expire(proofs, blobs):
    number = "1ZSBXBY10350000018"
    assert not proofs.save_photo(number, b"\x89PNG not a jpeg" * 10)
    assert proofs.save_photo(number, Path("backend/sandbox/ups/doorstep.jpg").read_bytes())
    ttl = blobs.ttl(redis_keys.delivery_photo(number))
    assert 13 * 86400 < ttl <= 14 * 86400
