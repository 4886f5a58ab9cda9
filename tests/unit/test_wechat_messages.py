"""The WeChat side of a notice: keyword data fitted to each type, and errcodes read as
the domain's transient or permanent failures."""

from __future__ import annotations

import pytest

from backend.adapters.wechat.errors import error_for
from backend.adapters.wechat.messages import build_data
from backend.adapters.wechat.template_values import value_ok
from backend.adapters.wechat.templates import DEFAULT_SANDBOX_TEMPLATES, parse_templates
from backend.domain.errors import (
    LoginCodeInvalid,
    MessengerUnavailable,
    QuotaExhausted,
    RecipientWithoutCredit,
    SendRejected,
)
from backend.domain.model import Shipment, TrackingEvent
from backend.domain.notices import notice_for
from backend.domain.statuses import Status
from backend.domain.tracking import detect_change

NUMBER = "1Z999AA10123456784"


def notice(status: Status):
    event = TrackingEvent("2026-11-25T09:30:00+08:00", "Shanghai, CN", "scan", status, "OT")
    shipment = Shipment(number=NUMBER, status=status, events=(event,))
    previous = Status.IN_TRANSIT if status != Status.IN_TRANSIT else Status.AT_FACILITY
    return notice_for(detect_change(previous, shipment), shipment, "妈妈")


@pytest.mark.parametrize("template", parse_templates(DEFAULT_SANDBOX_TEMPLATES), ids=lambda t: t.id)
@pytest.mark.parametrize("status", list(Status))
def test_message_data_always_fits_the_keyword_limits(template, status):
    data = build_data(template, notice(status))
    assert set(data) == set(template.fields)
    for keyword, value in data.items():
        kind = keyword.rstrip("0123456789")
        assert value_ok(kind, value["value"]), (keyword, value)


def test_a_phrase_keyword_gets_the_short_status_phrase_and_a_thing_the_label():
    templates = parse_templates(DEFAULT_SANDBOX_TEMPLATES)
    phrase, thing = templates[0], templates[3]
    assert build_data(phrase, notice(Status.DELIVERED))["phrase2"]["value"] == "已签收"
    # The nickname leads the status where the keyword can carry both.
    assert build_data(thing, notice(Status.EXCEPTION))["thing2"]["value"] == "妈妈 · 异常"


@pytest.mark.parametrize(
    ("errcode", "kind", "transient"),
    [
        (43101, RecipientWithoutCredit, False),
        (47003, SendRejected, False),
        (40037, SendRejected, False),
        (41030, SendRejected, False),
        (40003, SendRejected, False),
        (45009, QuotaExhausted, True),
        (45011, QuotaExhausted, True),
        (-1, MessengerUnavailable, True),
        (40001, MessengerUnavailable, True),
        (42001, MessengerUnavailable, True),
        (40029, LoginCodeInvalid, False),
    ],
)
def test_errcodes_are_read_as_vendor_neutral_failures(errcode, kind, transient):
    error = error_for(errcode, "from WeChat")
    assert isinstance(error, kind) and error.transient is transient
    assert error.detail == str(errcode)


def test_an_unknown_errcode_is_a_permanent_failure():
    error = error_for(99999, "new")
    assert error.transient is False and error.detail == "99999"


def _eta_date_template():
    return parse_templates(
        [{"id": "tpl-eta-date", "event": "out_for_delivery", "title": "派送提醒",
          "fields": {"character_string1": "number", "date2": "eta", "thing3": "location"}}]
    )[0]  # fmt: skip


def test_a_date_keyword_without_an_eta_makes_the_template_unfit():
    from backend.adapters.wechat.messages import SubscribeMessenger

    template = _eta_date_template()
    assert build_data(template, notice(Status.OUT_FOR_DELIVERY)) is None  # never "-" (47003)
    assert SubscribeMessenger(client=None).fits(template, notice(Status.OUT_FOR_DELIVERY)) is False


def test_with_an_eta_the_date_keyword_gets_a_wechat_date():
    from dataclasses import replace

    from backend.domain.model import Eta

    event = TrackingEvent("2026-11-25T09:30:00+08:00", "", "scan", Status.OUT_FOR_DELIVERY, "OT")
    shipment = Shipment(NUMBER, Status.OUT_FOR_DELIVERY, events=(event,),
                        eta=Eta("2026-11-26", rescheduled=True))  # fmt: skip
    made = notice_for(detect_change(Status.IN_TRANSIT, shipment), shipment, None)
    data = build_data(_eta_date_template(), made)
    assert data["date2"]["value"] == "2026年11月26日"
    assert data["thing3"]["value"] == "暂无位置信息"  # said in words, a valid thing
    assert made.text("eta") == "已改期 2026-11-26"
    assert replace(made, lang="en").text("location") == "Location not given"


def test_an_event_time_that_is_no_time_is_never_sent_as_now():
    from dataclasses import replace

    template = parse_templates(DEFAULT_SANDBOX_TEMPLATES)[0]  # has time3
    broken = replace(notice(Status.EXCEPTION), time="not a time")
    assert build_data(template, broken) is None


def test_40037_is_a_template_invalid_failure():
    from backend.domain.errors import TemplateInvalid

    assert isinstance(error_for(40037, "invalid template_id"), TemplateInvalid)
