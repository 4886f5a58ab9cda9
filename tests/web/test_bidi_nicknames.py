"""Bidi controls never reach a nickname or a share title (issue #26 item 11): U+202E and its
kin are invisible and reorder the text around them ("包裹gnp.exe" shown as "包裹exe.png")."""

from __future__ import annotations

from datetime import date

import pytest
import requests

from backend.domain.bidi import BIDI_CONTROLS
from backend.domain.model import Shipment
from backend.domain.share_view import share_title
from backend.domain.statuses import Status
from tests.support.shares import Sharer, scenario_number
from tests.support.wechat import serve_app

CONTROLS = [
    "\u202e",
    "\u202d",
    "\u202a",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u200f",
    "\u061c",
]


@pytest.mark.parametrize("control", CONTROLS)
def test_a_nickname_loses_its_bidi_controls_and_so_does_the_share_title(make_settings, control):
    with serve_app(make_settings) as (server, _app):
        number = scenario_number(server.url, "out_for_delivery")
        sharer = Sharer(server.url, "bidi")
        sharer.watch(number, nickname=f"妈妈的{control}gnp.exe")
        listed = requests.get(f"{server.url}/api/v1/parcels", headers=sharer.headers, timeout=30)
        assert listed.json()["parcels"][0]["nickname"] == "妈妈的gnp.exe"
        created = sharer.share(number, include_nickname=True).json()
        assert not BIDI_CONTROLS.search(created["title"]) and created["title"].startswith("妈妈的")
        shared = requests.get(f"{server.url}/api/v1/shares/{created['share_id']}", timeout=30)
        assert shared.json()["nickname"] == "妈妈的gnp.exe"


def test_a_nickname_stored_before_the_cleaning_is_cleaned_in_the_title():
    shipment = Shipment(number="1Z999AA10123456784", status=Status.OUT_FOR_DELIVERY)
    title = share_title(shipment, "zh", date(2026, 12, 6), "药\u202e盒")
    assert title.startswith("药盒 · ") and not BIDI_CONTROLS.search(title)
