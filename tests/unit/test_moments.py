"""Which moments matter, which templates to ask for per parcel, the visible budget, and
whether an ETA has passed in the receiver's day."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from backend.domain.advice import advise, eta_passed
from backend.domain.model import Eta, Shipment, TrackingEvent
from backend.domain.moments import (
    CRITICAL,
    PICKUP_REMINDER,
    Budget,
    ahead_of,
    budget_for,
    budget_text,
    carriers,
    rank_events,
)
from backend.domain.statuses import Status

EVENTS = ["status_change", "out_for_delivery", "delivered", "attention"]
TEMPLATES = [("t-sc", "status_change"), ("t-out", "out_for_delivery"),
             ("t-del", "delivered"), ("t-att", "attention")]  # fmt: skip
NUMBER = "1ZSBXUS26630000019"


def parcel(status: Status, origin="US", destination="CN", pickup_by=None, eta=None, time=None):
    event = TrackingEvent(time or "2026-11-20T09:00:00+08:00", "Shanghai, CN", "scan", status)
    return Shipment(NUMBER, status, events=(event,), origin_country=origin,
                    destination_country=destination, pickup_by=pickup_by, eta=eta)  # fmt: skip


def test_a_parcel_headed_for_customs_asks_attention_out_for_delivery_and_delivered():
    assert rank_events(ahead_of(parcel(Status.IN_TRANSIT)), EVENTS) == [
        "attention", "delivered", "out_for_delivery",
    ]  # fmt: skip
    assert rank_events(ahead_of(None), EVENTS)[0] == "attention"  # unknown: may meet customs


def test_a_domestic_parcel_asks_the_three_critical_templates_never_status_change():
    asked = rank_events(ahead_of(parcel(Status.LABEL_CREATED, "US", "US")), EVENTS)
    assert set(asked) == {"attention", "delivered", "out_for_delivery"}


def test_at_an_access_point_only_what_can_still_happen_is_asked():
    waiting = parcel(Status.READY_FOR_PICKUP, pickup_by="2026-11-28")
    assert ahead_of(waiting) == {Status.DELIVERED, Status.RETURNED_TO_SENDER, PICKUP_REMINDER}
    assert rank_events(ahead_of(waiting), EVENTS) == ["delivered", "attention"]


def test_a_finished_parcel_asks_nothing_and_status_change_only_when_alone():
    assert rank_events(ahead_of(parcel(Status.DELIVERED)), EVENTS) == []
    assert rank_events(ahead_of(parcel(Status.IN_TRANSIT)), ["status_change"]) == ["status_change"]


def test_routine_scans_only_ever_go_out_on_status_change():
    for status in set(Status) - CRITICAL:
        assert carriers(status) == ("status_change",), status
    for moment in [*CRITICAL, PICKUP_REMINDER]:
        assert carriers(moment)[-1] == "status_change" and len(carriers(moment)) >= 2


@pytest.mark.parametrize(
    ("credits", "reserved", "text"),
    [
        ({"t-att": 1, "t-out": 1, "t-del": 1}, {}, "还会提醒：清关/异常、派送、签收"),
        ({"t-out": 2}, {}, "还会提醒：派送"),
        ({"t-att": 1}, {"t-att": ["1ZOTHER"]}, "不会再提醒"),  # kept for another parcel
        ({"t-att": 1}, {"t-att": [NUMBER]}, "还会提醒：清关/异常"),
        ({}, {}, "不会再提醒"),
    ],
)
def test_the_budget_says_what_this_parcel_will_still_be_told(credits, reserved, text):
    budget = budget_for(credits, reserved, TEMPLATES, NUMBER, ahead_of(parcel(Status.IN_TRANSIT)))
    assert budget_text(budget, "zh") == text
    assert budget.empty is (text == "不会再提醒")


def test_the_budget_in_english_and_for_a_finished_parcel():
    assert budget_text(Budget(("attention", "delivered")), "en") == (
        "Will notify: customs & problems, delivery"
    )
    done = budget_for({"t-del": 1}, {}, TEMPLATES, NUMBER, ahead_of(parcel(Status.DELIVERED)))
    assert done.empty


NOW = datetime(2026, 11, 24, 3, 0, tzinfo=UTC)  # 11:00 in Shanghai, still 11-23 in New York


def test_an_eta_day_over_in_the_receivers_zone_has_passed():
    late = parcel(Status.IN_TRANSIT, eta=Eta("2026-11-20"))
    assert eta_passed(late, NOW)
    assert "past_eta" in {a.code for a in advise(late, "zh", NOW)}
    today = parcel(Status.IN_TRANSIT, eta=Eta("2026-11-24"))
    assert not eta_passed(today, NOW)


def test_the_receivers_day_comes_from_the_latest_scan():
    new_york = "2026-11-22T09:00:00-05:00"
    assert not eta_passed(parcel(Status.IN_TRANSIT, eta=Eta("2026-11-23"), time=new_york), NOW)
    shanghai = "2026-11-22T09:00:00+08:00"
    assert eta_passed(parcel(Status.IN_TRANSIT, eta=Eta("2026-11-23"), time=shanghai), NOW)


def test_a_delivered_parcel_never_has_a_passed_eta():
    assert not eta_passed(parcel(Status.DELIVERED, eta=Eta("2026-11-20")), NOW)


def test_the_result_marks_a_passed_eta_and_advises_with_the_hotline():
    from backend.web.presenters import shipment_view

    view = shipment_view(parcel(Status.IN_TRANSIT, eta=Eta("2020-01-02")), "zh")
    assert view["eta"]["passed"] is True
    past = next(item for item in view["advice"] if item["code"] == "past_eta")
    # The status block already says "原预计 1月2日 送达，已超过": the advice says why and what next.
    assert past["hotline"] == "400-820-8555" and "过了预计日期" in past["text"]
    assert "2020-01-02" not in past["text"] and "清关" in past["text"]
    assert (
        "passed" not in shipment_view(parcel(Status.IN_TRANSIT, eta=Eta("2999-01-01")), "zh")["eta"]
    )
