"""The receiver's view of a shared parcel: wording of ETA and title, and nothing personal."""

from __future__ import annotations

from datetime import date

from backend.domain.model import Eta, Place, Shipment, TrackingEvent
from backend.domain.share_view import (
    card_for,
    day_text,
    eta_phrase,
    local_today,
    public_view,
    share_title,
    short_time,
)
from backend.domain.statuses import Status

TODAY = date(2026, 11, 24)
SCAN = TrackingEvent(
    "2026-11-24T08:15:00-05:00",
    "Chicago, IL, US",
    "Out For Delivery Today",
    Status.OUT_FOR_DELIVERY,
)
PARCEL = Shipment(
    number="1Z999AA10123456784",
    status=Status.OUT_FOR_DELIVERY,
    events=(SCAN,),
    eta=Eta("2026-11-24"),
    received_by="JANE DOE",
    origin_address=Place("Shenzhen", "GD", "CN"),
    destination_address=Place("Chicago", "IL", "US"),
    delivery_location="Front Door",
    service="UPS Worldwide Express",
    weight=None,
)


def test_day_text_in_both_languages():
    assert day_text(TODAY, TODAY, "zh") == "今天"
    assert day_text(date(2026, 11, 25), TODAY, "zh") == "明天"
    assert day_text(date(2026, 11, 26), TODAY, "zh") == "11月26日"
    assert day_text(TODAY, TODAY, "en") == "today"
    assert day_text(date(2026, 11, 25), TODAY, "en") == "tomorrow"
    assert day_text(date(2026, 12, 3), TODAY, "en") == "Dec 3"


def test_eta_phrases():
    window = Shipment("1Z", eta=Eta("2026-11-25", "10:30", "11:30", "window"))
    deadline = Shipment("1Z", eta=Eta("2026-11-24", None, "12:00", "commit"))
    assert eta_phrase(PARCEL, "zh", TODAY) == "预计今天送达"
    assert eta_phrase(window, "zh", TODAY) == "预计明天 10:30–11:30 送达"
    assert eta_phrase(window, "en", TODAY) == "Expected tomorrow 10:30–11:30"
    assert eta_phrase(deadline, "zh", TODAY) == "预计今天 12:00 前送达"
    assert eta_phrase(deadline, "en", TODAY) == "Expected today by 12:00"
    delivered = Shipment("1Z", delivered_at="2026-11-20T14:05:00+08:00")
    assert eta_phrase(delivered, "zh", TODAY) == "11月20日已签收"
    assert eta_phrase(delivered, "en", TODAY) == "Delivered Nov 20"
    assert eta_phrase(Shipment("1Z", eta=Eta("not a date")), "zh", TODAY) == ""


def test_a_rescheduled_window_says_so():
    moved = Shipment("1Z", eta=Eta("2026-11-25", "10:30", "11:30", "window", rescheduled=True))
    assert eta_phrase(moved, "zh", TODAY) == "已改期，预计明天 10:30–11:30 送达"
    assert eta_phrase(moved, "en", TODAY) == "Rescheduled: Expected tomorrow 10:30–11:30"
    view = public_view(moved, 0.0, "zh", TODAY)
    assert view["eta"]["rescheduled"] is True and view["eta"]["kind"] == "window"


def test_title_masks_the_number_and_adds_the_nickname_only_when_given():
    assert share_title(PARCEL, "zh", TODAY) == "1Z99…784 派送中 · 预计今天送达"
    assert share_title(PARCEL, "en", TODAY) == "1Z99…784 Out for Delivery · Expected today"
    assert (
        share_title(PARCEL, "zh", TODAY, "妈妈的药") == "妈妈的药 · 1Z99…784 派送中 · 预计今天送达"
    )


def test_today_is_judged_where_the_parcel_is():
    # 2026-11-24 03:00 UTC is still the 23rd in Chicago (UTC-5) but the 24th in China.
    now = 1795489200.0
    assert local_today(PARCEL, now) == date(2026, 11, 23)
    assert local_today(Shipment("1Z"), now) == date(2026, 11, 24)


def test_short_time():
    assert short_time("2026-11-24T08:15:00-05:00", "zh") == "11月24日 08:15"
    assert short_time("2026-11-24T08:15:00-05:00", "en") == "Nov 24, 08:15"
    assert short_time("2026-11-24", "zh") == "11月24日"
    assert short_time("", "en") == ""


def test_public_view_is_an_allow_list():
    view = public_view(PARCEL, 1795489200.0, "zh", TODAY)
    assert set(view) == {
        "number_masked", "status", "progress", "eta", "eta_text", "delivered_at", "events",
        "as_of",
    }  # fmt: skip
    text = str(view)
    for personal in ("JANE DOE", "Shenzhen", "深圳", "Front Door", "前门", "1Z999AA10123456784"):
        assert personal not in text
    assert (
        view["events"][0]["location"] == "美国 伊利诺伊州 芝加哥"
    )  # places in the reader's language
    assert view["as_of"] == "2026-11-24T03:00:00+00:00"
    assert public_view(PARCEL, 0.0, "zh", TODAY, "妈妈的药")["nickname"] == "妈妈的药"


def test_card_is_built_from_the_view_only():
    view = public_view(PARCEL, 0.0, "en", TODAY, "gift")
    card = card_for(view, "en")
    assert (card.number, card.status_label, card.eta_line) == (
        "1Z99…784",
        "Out for Delivery",
        "Expected today",
    )
    assert (card.last_place, card.last_time, card.nickname) == (
        "Chicago, IL, United States",
        "Nov 24, 08:15",
        "gift",
    )
    moved = card_for(public_view(PARCEL, 0.0, "en", date(2026, 11, 23)), "en")
    assert moved.cache_key() != card.cache_key()
    assert card.cache_key().startswith("out_for_delivery:")
