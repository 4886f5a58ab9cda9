"""Messages written for WeChat's limits: over every status (and the pickup reminder) ×
template × language × nickname, every keyword holds a whole text written for it, never
one cut short, and every critical moment fits a template that may carry it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from backend.adapters.wechat.messages import build_data
from backend.adapters.wechat.template_values import value_ok
from backend.adapters.wechat.templates import DEFAULT_SANDBOX_TEMPLATES, parse_templates
from backend.domain.model import Eta, Shipment, TrackingEvent
from backend.domain.moments import CRITICAL, PICKUP_REMINDER, carriers
from backend.domain.notices import SEPARATOR, TEXTS, notice_for
from backend.domain.statuses import Status
from backend.domain.tracking import detect_change

NUMBER = "1ZSBXUS26630000019"
TEMPLATES = parse_templates(DEFAULT_SANDBOX_TEMPLATES)
MOMENTS = [*Status, PICKUP_REMINDER]
# No nickname, a short one, one that fills the keyword with the status, the longest allowed.
NICKNAMES = [None, "相机镜头", "给妈妈的生日礼物", "Camera lens for Dad", "长" * 20]
PLACES = ["Shanghai, CN", "Louisville, KY, US", "Llanfairpwllgwyngyll, Gwynedd, GB", ""]


def notice(moment, nickname, lang, place):
    status = Status.READY_FOR_PICKUP if moment == PICKUP_REMINDER else moment
    event = TrackingEvent("2026-11-25T09:30:00+08:00", place, "scan", status, "OT")
    eta = Eta("2026-11-26", end="12:00", rescheduled=True)
    shipment = Shipment(number=NUMBER, status=status, events=(event,), eta=eta)
    previous = Status.AT_FACILITY if status != Status.AT_FACILITY else Status.IN_TRANSIT
    change = detect_change(previous, shipment)
    if moment == PICKUP_REMINDER:
        change = replace(change, kind=PICKUP_REMINDER)
    return notice_for(change, shipment, nickname, lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("moment", MOMENTS, ids=str)
@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.id)
def test_no_field_is_ever_cut_short(template, moment, lang):
    for nickname in NICKNAMES:
        for place in PLACES:
            made = notice(moment, nickname, lang, place)
            data = build_data(template, made)
            if data is None:
                continue  # this template cannot carry it: the notifier takes another
            for keyword, value in data.items():
                text = value["value"]
                assert value_ok(keyword.rstrip("0123456789"), text), (keyword, text)
                assert not text.endswith(("…", "...")), (keyword, text)
                role = template.fields[keyword]
                if keyword.startswith("thing"):
                    assert text in made.choices(role), (keyword, text, made.choices(role))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("moment", [*CRITICAL, PICKUP_REMINDER], ids=str)
def test_every_critical_moment_fits_each_critical_template_that_may_carry_it(moment, lang):
    for template in (t for t in TEMPLATES if t.event in carriers(moment)):
        for nickname in NICKNAMES:
            for place in PLACES:
                assert build_data(template, notice(moment, nickname, lang, place)), template.id


def test_the_nickname_leads_where_the_field_can_carry_it():
    attention = next(t for t in TEMPLATES if t.event == "attention")
    data = build_data(attention, notice(Status.AWAITING_RECEIVER, "相机镜头", "zh", "Shanghai, CN"))
    assert data["thing2"]["value"] == f"相机镜头{SEPARATOR}待补资料"
    assert data["thing3"]["value"] == "请尽快补交清关资料"
    # Too long to lead: the status alone, whole.
    data = build_data(attention, notice(Status.AWAITING_RECEIVER, "长" * 20, "zh", ""))
    assert data["thing2"]["value"] == "待补资料"


def test_every_written_text_fits_a_thing_keyword_whole():
    for texts in TEXTS.values():
        for text in texts:
            assert value_ok("thing", text) and len(text) <= 20, text
