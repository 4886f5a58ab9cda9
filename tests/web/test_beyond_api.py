"""Issue #22 over the HTTP API with the UPS sandbox: delivery proof and the photo endpoint,
our ETA estimate, charges and the payment check, pieces, and products UPS refuses."""

from __future__ import annotations

from pathlib import Path

import requests

from backend.sandbox.ups.journeys import BY_KEY
from backend.sandbox.ups.journeys.beyond import PIECE_ALTERNATE, PIECES
from tests.support.wechat import login

JPEG = (Path(__file__).resolve().parents[2] / "backend/sandbox/ups/doorstep.jpg").read_bytes()


def call(live, method, path, token=None, **kwargs):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.request(method, live[0].url + path, headers=headers, timeout=30, **kwargs)


def result(live, number: str, lang: str = "zh") -> dict:
    response = call(live, "GET", f"/api/v1/track?numbers={number}&lang={lang}")
    assert response.status_code == 200, response.text
    return response.json()["results"][0]


def delivered(ups_sandbox, key: str) -> str:
    scenario = BY_KEY[key]
    ups_sandbox.reset(scenario.number, len(scenario.steps))
    return scenario.number


def test_a_delivered_parcel_says_where_who_and_whether_there_is_a_photo(live, ups_sandbox):
    photo = result(live, delivered(ups_sandbox, "delivered_photo"), "en")
    assert photo["delivery"]["photo"] == "available"
    assert photo["delivery"]["location"] == "Front Door"
    assert photo["delivery"]["not_received"]["hotline"] == "400-820-8555"
    at_ups = result(live, delivered(ups_sandbox, "delivered_photo_at_ups"))
    assert at_ups["delivery"]["photo"] == "at_ups"
    assert (
        at_ups["delivery"]["photo_note"] == "UPS 拍了签收照片，可在 UPS 官网或 UPS My Choice 查看"
    )
    assert at_ups["delivery"]["photo_link"].startswith("https://www.ups.com/track?loc=zh_CN")
    signed = result(live, delivered(ups_sandbox, "delivered_signed"))
    assert signed["delivery"]["received_by"] == "WANG" and signed["delivery"]["photo"] is None
    assert signed["delivery"]["location"] == "前台"
    for key in ("delivered_photo_not_viewable", "delivered_photo_not_stored"):
        assert result(live, delivered(ups_sandbox, key))["delivery"]["photo"] is None


def test_the_photo_goes_to_the_parcels_watchers_and_nobody_else(live, ups_sandbox):
    number = delivered(ups_sandbox, "delivered_photo")
    alice, bob = login(live[0].url, "photo-alice"), login(live[0].url, "photo-bob")
    assert call(live, "PUT", f"/api/v1/parcels/{number}", alice, json={}).status_code == 200
    mine = call(live, "GET", f"/api/v1/parcels/{number}/delivery-photo", alice)
    assert mine.status_code == 200 and mine.content == JPEG
    assert mine.headers["Content-Type"] == "image/jpeg"
    assert "no-store" in mine.headers["Cache-Control"]
    theirs = call(live, "GET", f"/api/v1/parcels/{number}/delivery-photo?lang=en", bob)
    assert theirs.status_code == 404
    assert theirs.json()["error"]["code"] == "photo_not_found"
    assert call(live, "GET", f"/api/v1/parcels/{number}/delivery-photo").status_code == 401
    bad = call(live, "GET", "/api/v1/parcels/not-a-number/delivery-photo", alice)
    assert bad.status_code == 404 and bad.json()["error"]["code"] == "photo_not_found"


def test_a_share_never_carries_the_photo_or_the_proof(live, ups_sandbox):
    number = delivered(ups_sandbox, "delivered_photo")
    token = login(live[0].url, "sharer")
    call(live, "PUT", f"/api/v1/parcels/{number}", token, json={})
    share = call(live, "POST", f"/api/v1/parcels/{number}/share", token, json={}).json()
    public = call(live, "GET", f"/api/v1/shares/{share['share_id']}")
    page = call(live, "GET", f"/s/{share['share_id']}")
    assert public.status_code == 200 and page.status_code == 200
    for text in (public.text, page.text):
        assert "delivery-photo" not in text and "available" not in text
        assert "photo" not in text.lower() and "照片" not in text


def test_without_a_ups_date_the_result_carries_our_estimate(live, ups_sandbox):
    number = BY_KEY["eta_estimate"].number
    found = result(live, number)
    assert found["eta"] is None
    estimate = found["eta_estimate"]
    assert estimate["basis"] == "ups_time_in_transit"
    assert estimate["earliest"] <= estimate["latest"]
    assert 0 < estimate["confidence"] <= 1
    # A parcel with UPS's own date gets none.
    assert result(live, BY_KEY["domestic_delivered"].number)["eta_estimate"] is None


def test_a_refused_time_in_transit_degrades_to_no_estimate(live, ups_sandbox):
    ups_sandbox.post("/products", {"refuse": ["time_in_transit"]})
    found = result(live, BY_KEY["eta_estimate"].number)
    assert found["ok"] is True and found["eta_estimate"] is None


def test_unpaid_charges_come_with_advice_and_the_payment_check(live, ups_sandbox):
    number = BY_KEY["charges_due"].number
    found = result(live, number)
    assert found["charges"] == [
        {"type": "ICOD/COD", "amount": "243.50", "currency": "CNY", "paid": False}
    ]
    codes = [item["code"] for item in found["advice"]]
    assert "charges_unpaid" in codes and "customs_steps" in codes
    steps = next(item for item in found["advice"] if item["code"] == "customs_steps")["steps"]
    assert len(steps) >= 3

    token = login(live[0].url, "payer")
    call(live, "PUT", f"/api/v1/parcels/{number}", token, json={})
    sms = f"【UPS】包裹{number}待缴关税，请点击 https://ups-cn-pay.top/pay 支付"
    checked = call(live, "POST", "/api/v1/links/check", token, json={"text": sms}).json()
    assert checked["verdict"] == "suspicious"
    payment = checked["payment"]
    assert payment["asks_for_payment"] and "不是 ups.com" in payment["text"]
    [parcel] = payment["parcels"]
    assert parcel["watched"] and parcel["charges_pending"][0]["amount"] == "243.50"
    plain = call(live, "POST", "/api/v1/links/check", json={"url": "https://www.ups.com/track"})
    assert plain.json()["payment"] is None


def test_a_multi_piece_shipment_lists_its_pieces(live, ups_sandbox):
    ups_sandbox.reset(PIECES[0], 5)
    ups_sandbox.reset(PIECES[1], 5)
    ups_sandbox.reset(PIECES[2], 3)
    found = result(live, PIECES[0])
    assert found["pieces"]["count"] == 3 and found["pieces"]["delivered"] == 2
    assert found["pieces"]["numbers"] == list(PIECES)
    items = found["pieces"]["items"]
    assert [item["status"]["code"] for item in items] == ["delivered", "delivered", "at_facility"]
    assert all(item["status"]["label"] for item in items)  # in the reader's language
    same = result(live, PIECE_ALTERNATE)
    assert same["ok"] and same["pieces"]["numbers"] == list(PIECES)
