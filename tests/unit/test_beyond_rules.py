"""Pure rules of issue #22: ETA estimates, a multi-piece shipment's status, delivery proof,
charges, customs steps and payment answers."""

from __future__ import annotations

from datetime import date

import pytest

from backend.domain import customs_steps, payments
from backend.domain import eta_estimates as rules
from backend.domain.advice import advise
from backend.domain.delivery_proof import delivery_view
from backend.domain.model import Charge, Eta, Pieces, Place, Shipment, TrackingEvent
from backend.domain.pieces import whole_status
from backend.domain.statuses import Status
from backend.domain.transit import TransitOption

N = "1Z999AA10123456784"
PICKUP = TrackingEvent(
    "2026-11-30T18:00:00-08:00", "Seattle, WA, US", "Pickup Scan", Status.SHIPMENT_ACCEPTED
)
LABEL = TrackingEvent("2026-11-29T10:00:00-08:00", "US", "Label", Status.LABEL_CREATED)
ARRIVED = TrackingEvent("2026-12-02T08:00:00+08:00", "Shanghai, CN", "Arrived", Status.AT_FACILITY)  # fmt: skip


def moving(**fields) -> Shipment:
    base = {
        "number": N, "status": Status.AT_FACILITY, "events": (ARRIVED, PICKUP, LABEL),
        "service": "UPS Worldwide Saver®", "origin_address": Place("SEATTLE", "WA", "US"),
        "destination_address": Place("Shanghai", "", "CN"),
    }  # fmt: skip
    return Shipment(**(base | fields))


def test_service_kinds_read_english_and_chinese_names():
    assert rules.service_kind("UPS Worldwide Saver®") == "saver"
    assert rules.service_kind("UPS 全球速快®") == "express_saver"  # China's name for Saver
    assert rules.service_kind("UPS Worldwide Express") == "express"
    assert rules.service_kind("UPS 全球特快") == "express"
    assert rules.service_kind("UPS Ground") == "ground"
    assert rules.service_kind(None) == ""


def test_the_lane_is_origin_country_to_destination_city_and_service():
    assert rules.lane_of(moving()) == "US>CN:SHANGHAI|saver"
    assert rules.lane_of(moving(destination_address=None)) is None


def test_the_ship_date_is_the_first_scan_after_the_label():
    assert rules.ship_date(moving()) == date(2026, 11, 30)
    assert rules.ship_date(moving(events=(LABEL,))) is None


def test_an_estimate_is_needed_only_without_a_carrier_date():
    assert rules.needs_estimate(moving())
    assert not rules.needs_estimate(moving(eta=Eta("2026-12-04")))
    assert not rules.needs_estimate(moving(status=Status.DELIVERED))
    assert not rules.needs_estimate(moving(status=Status.LABEL_CREATED))


def test_lane_history_wins_once_it_has_enough_samples():
    shipped, today = date(2026, 11, 30), date(2026, 12, 1)
    assert rules.from_history([5] * (rules.MIN_LANE_SAMPLES - 1), shipped, today) is None
    samples = [4, 5, 5, 5, 6, 6, 6, 7, 7, 12]
    estimate = rules.from_history(samples, shipped, today)
    assert estimate.basis == "lane_history" and estimate.samples == 10
    assert (estimate.earliest, estimate.latest) == ("2026-12-05", "2026-12-08")  # p10..p90
    assert estimate.confidence == 0.8  # 8 of 10 past parcels fell inside


def test_a_range_already_behind_us_is_not_offered():
    assert rules.from_history([3] * 10, date(2026, 11, 1), date(2026, 12, 1)) is None
    late = TransitOption("saver", "2026-11-20")
    assert rules.from_quote(late, True, date(2026, 12, 1)) is None


def test_a_quote_becomes_a_range_with_customs_slack():
    option = TransitOption("saver", "2026-12-03", 4, customs_delay_days=1)
    estimate = rules.from_quote(option, True, date(2026, 12, 1))
    assert (estimate.earliest, estimate.latest) == ("2026-12-03", "2026-12-06")
    assert estimate.basis == "ups_time_in_transit"
    domestic = rules.from_quote(TransitOption("ground", "2026-12-03"), False, date(2026, 12, 3))
    assert (domestic.earliest, domestic.latest) == ("2026-12-03", "2026-12-04")


def test_the_parcels_own_service_is_picked_else_the_slowest():
    options = [TransitOption("express", "2026-12-02"), TransitOption("saver", "2026-12-03"),
               TransitOption("expedited", "2026-12-05")]  # fmt: skip
    assert rules.pick_option(options, "saver").delivery_date == "2026-12-03"
    assert rules.pick_option(options, "").delivery_date == "2026-12-05"
    assert rules.pick_option([], "saver") is None


def pieces(*statuses: str, count: int | None = None) -> Pieces:
    numbers = tuple(f"1ZPIECE{index:011d}" for index in range(len(statuses)))
    return Pieces(count or len(statuses), numbers, statuses)


@pytest.mark.parametrize(
    ("own", "statuses", "expected"),
    [
        (Status.DELIVERED, ("delivered", "delivered", "out_for_delivery"), Status.OUT_FOR_DELIVERY),
        (Status.DELIVERED, ("delivered", "delivered", "delivered"), Status.DELIVERED),
        (
            Status.OUT_FOR_DELIVERY,
            ("out_for_delivery", "exception", "in_transit"),
            Status.EXCEPTION,
        ),
        (Status.DELIVERED, ("delivered", "delivery_attempted"), Status.DELIVERY_ATTEMPTED),
        (Status.IN_TRANSIT, ("in_transit", "delivered"), Status.IN_TRANSIT),
    ],
)
def test_a_multi_piece_shipment_is_delivered_with_its_last_piece(own, statuses, expected):
    assert whole_status(moving(status=own, pieces=pieces(*statuses))) is expected


def test_pieces_ups_did_not_list_keep_the_parcels_own_status():
    shipment = moving(status=Status.DELIVERED, pieces=pieces("delivered", "delivered", count=3))
    assert whole_status(shipment) is Status.DELIVERED  # cannot tell; today's behaviour
    assert whole_status(moving(status=Status.DELIVERED)) is Status.DELIVERED


def test_delivery_view_says_where_who_and_the_honest_photo_text():
    shipment = moving(status=Status.DELIVERED, delivery_location="Front Door", photo="at_ups",
                      received_by="ZHANG")  # fmt: skip
    view = delivery_view(shipment, "zh")
    assert view["location"] == "前门" and view["received_by"] == "ZHANG"
    assert view["photo_note"] == "UPS 拍了签收照片，可在 UPS 官网或 UPS My Choice 查看"
    assert view["photo_link"] == f"https://www.ups.com/track?loc=zh_CN&tracknum={N}"
    steps = {step["code"]: step["text"] for step in view["not_received"]["steps"]}
    assert view["not_received"]["title"] == "已签收但没收到？"
    assert "前门" in steps["check_around"] and "邻居" in steps["check_around"]
    assert "ZHANG" in steps["signer"] and "400-820-8555" in steps["call"]
    assert "发件人" in steps["investigation"]
    assert delivery_view(moving(), "zh") is None  # not delivered: nothing to prove


def test_an_available_photo_is_pointed_at_not_described_as_at_ups():
    view = delivery_view(moving(status=Status.DELIVERED, photo="available"), "en")
    assert view["photo"] == "available" and "photo_note" not in view
    assert any(step["code"] == "photo" for step in view["not_received"]["steps"])


def test_unpaid_charges_get_advice_on_what_and_where_to_pay():
    owed = moving(charges=(Charge("ICOD/COD", "243.50", "CNY", False),
                           Charge("DUTY", "10.00", "CNY", True)))  # fmt: skip
    found = [a for a in advise(owed, "zh") if a.code == "charges_unpaid"]
    assert len(found) == 1 and found[0].hotline
    assert "243.50 CNY" in found[0].text and "货到付款" in found[0].text
    assert "ups.com" in found[0].text and "诈骗" in found[0].text
    unknown = moving(charges=(Charge("", "99.00", "CNY", False),), origin_country="US",
                     destination_country="CN")  # fmt: skip
    text = next(a.text for a in advise(unknown, "en") if a.code == "charges_unpaid")
    assert "duties and import taxes" in text and "phishing" in text


def test_customs_steps_for_a_receiver_in_china():
    waiting = moving(status=Status.AWAITING_RECEIVER, destination_country="CN")
    item = next(a for a in advise(waiting, "zh") if a.code == "customs_steps")
    assert item.text == "海关要资料：请按步骤办理"
    assert any("身份证" in step for step in item.steps)
    assert any("ups.com" in step or "运单号" in step for step in item.steps)
    abroad = moving(status=Status.AWAITING_RECEIVER, destination_country="US")
    assert not customs_steps.applies(abroad)
    assert customs_steps.steps(Status.CLEARED, "en")[0].startswith("Customs released")


def test_payment_words_and_numbers_in_a_text():
    text = f"【UPS】您的包裹 {N} 需补缴关税 36 元，请点击 http://ups-cn-pay.top 支付"
    assert payments.asks_for_payment(text)
    assert payments.numbers_named(text) == [N]
    assert not payments.asks_for_payment("您的包裹已到达上海")


def test_a_payment_answer_tells_owed_from_not_owed():
    nothing = payments.parcel_answer(N, moving(), "zh")
    assert "没有待付费用" in nothing and "诈骗" in nothing
    owed = moving(charges=(Charge("ICOD/COD", "243.50", "CNY", False),))
    assert "243.50 CNY" in payments.parcel_answer(N, owed, "zh")
    assert "400-820-8555" in payments.parcel_answer(N, None, "zh")
    assert "not ups.com" in payments.summary(False, True, "en")
