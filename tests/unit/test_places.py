"""Places in the reader's language: CLDR countries, Chinese city names, tidy title case."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from backend.domain.delivery_terms import delivery_term
from backend.domain.places import city_name, country_name, localize_location, tidy


@pytest.mark.parametrize(
    ("stored", "zh", "en"),
    [
        ("Shanghai, CN", "中国 上海", "Shanghai, China"),  # issue #14's examples
        ("Cologne, DE", "德国 科隆", "Cologne, Germany"),
        ("NEWARK, CA, US", "美国 加利福尼亚州 纽瓦克", "Newark, CA, United States"),
        ("LOUISVILLE, KY, US", "美国 肯塔基州 路易斯维尔", "Louisville, KY, United States"),
        ("Hong Kong, HK", "中国香港", "Hong Kong"),
        ("CHEK LAP KOK, HK", "中国香港 赤鱲角", "Chek Lap Kok, Hong Kong"),
        ("XI'AN, CN", "中国 西安", "Xi'an, China"),
        ("URUMQI, CN", "中国 乌鲁木齐", "Urumqi, China"),
        ("MISSISSAUGA, ON, CA", "加拿大 安大略省 密西沙加", "Mississauga, ON, Canada"),
        ("WINSTON-SALEM, NC, US", "美国 北卡罗来纳州 Winston-Salem", "Winston-Salem, NC, United States"),
        ("O'FALLON, MO, US", "美国 密苏里州 O'Fallon", "O'Fallon, MO, United States"),
        ("BE", "比利时", "Belgium"),
        ("Wayne, NJ", "NJ Wayne", "Wayne, NJ"),  # "NJ" is no country: kept as a region
        ("", "", ""),
    ],
)  # fmt: skip
def test_stored_locations_read_in_each_language(stored, zh, en):
    assert localize_location(stored, "zh") == zh
    assert localize_location(stored, "en") == en


def test_every_chinese_city_key_is_plain_pinyin_and_maps_to_chinese():
    table = json.loads(
        resources.files("backend.domain").joinpath("data", "cities_cn.json").read_text("utf-8")
    )
    assert len(table) >= 330  # every prefecture-level city plus municipalities and aliases
    for key, name in table.items():
        assert key.isascii() and key.isalpha() and key.islower(), key
        assert all("\u4e00" <= char <= "\u9fff" for char in name), name
    for spelled, expected in [("SHIJIAZHUANG", "石家庄"), ("Luohe", "漯河"), ("BENGBU", "蚌埠")]:
        assert city_name(spelled, "CN", "zh") == expected


def test_a_world_city_name_is_not_used_for_a_chinese_place_and_vice_versa():
    assert city_name("Richmond", "US", "zh") == "里士满"
    assert city_name("SUZHOU", "CN", "zh") == "苏州"
    assert city_name("SUZHOU", "US", "zh") == "Suzhou"  # not a Chinese place: only tidied


def test_countries_come_from_cldr_with_short_forms_for_the_sars():
    assert (country_name("JP", "zh"), country_name("JP", "en")) == ("日本", "Japan")
    assert country_name("MO", "zh") == "中国澳门"
    assert country_name("Belgium", "zh") == "Belgium"  # a name, not a code: left alone


@pytest.mark.parametrize(
    ("raw", "tidied"),
    [("SAULT SAINTE MARIE", "Sault Sainte Marie"), ("ROISSY CHARLES DE GAULLE", "Roissy Charles de Gaulle"),
     ("Mixed Case Kept", "Mixed Case Kept"), ("  NEW   YORK ", "New York"), ("STL", "STL")],
)  # fmt: skip
def test_tidy_title_case(raw, tidied):
    assert tidy(raw) == tidied


@pytest.mark.parametrize(
    ("raw", "zh", "en"),
    [("FRONT DESK", "前台", "Front Desk"), ("Front Door", "前门", "Front Door"),
     ("mailroom", "收发室", "Mailroom"), ("RECEPTION", "接待处", "Reception"),
     ("DRIVER RELEASE", "无接触投递（司机代签）", "Driver Release"),
     ("Delivery Photo", "已拍照留存", "Delivery Photo"),
     ("JOHN SMITH", "JOHN SMITH", "JOHN SMITH"), ("王小明", "王小明", "王小明")],
)  # fmt: skip
def test_drop_off_spots_read_in_chinese_and_names_pass_through(raw, zh, en):
    assert delivery_term(raw, "zh") == zh
    assert delivery_term(raw, "en") == en
    assert delivery_term(None, "zh") is None


def test_the_api_result_shows_places_drop_off_spots_and_a_rescheduled_eta():
    from backend.domain.model import Eta, Shipment, TrackingEvent
    from backend.domain.statuses import Status
    from backend.web.presenters import shipment_view

    scan = TrackingEvent("2026-11-24T08:15:00+08:00", "SHANGHAI, CN", "Departed", Status.IN_TRANSIT)
    parcel = Shipment(
        "1Z999AA10123456784",
        Status.IN_TRANSIT,
        events=(scan,),
        eta=Eta("2026-11-26", "09:00", "12:00", "window", rescheduled=True),
        received_by="FRONT DESK",
        delivery_location="Front Door",
    )
    zh, en = shipment_view(parcel, "zh"), shipment_view(parcel, "en")
    assert zh["events"][0]["location"] == "中国 上海"
    assert en["events"][0]["location"] == "Shanghai, China"
    assert (zh["received_by"], zh["delivery_location"]) == ("前台", "前门")
    assert (en["received_by"], en["delivery_location"]) == ("Front Desk", "Front Door")
    zh["eta"].pop("passed", None)  # depends on today (issue #28): tested in test_moments.py
    assert zh["eta"] == {
        "date": "2026-11-26", "start": "09:00", "end": "12:00", "kind": "window", "rescheduled": True,
    }  # fmt: skip


def test_the_territory_table_is_cldrs_as_the_pinned_babel_has_it():
    from scripts.cldr_territories import territories

    stored = json.loads(
        resources.files("backend.domain").joinpath("data", "territories.json").read_text("utf-8")
    )
    assert stored == territories()
    assert stored["zh"]["DE"] == "德国" and stored["en"]["DE"] == "Germany"
