"""Template configuration parsing and the keyword value limits (pure)."""

from __future__ import annotations

import json

import pytest

from backend.adapters.wechat.template_values import value_ok
from backend.adapters.wechat.templates import (
    DEFAULT_SANDBOX_TEMPLATES,
    TemplateConfigError,
    configured_templates,
    keyword_type,
    parse_templates,
)

EXAMPLE = (
    '[{"id":"TPL_STATUS","event":"status_change","title":"物流状态更新","fields":'
    '{"character_string1":"number","phrase2":"status","time3":"time","thing4":"advice"}}]'
)


def test_the_documented_example_parses():
    (template,) = parse_templates(EXAMPLE)
    assert (template.id, template.event, template.title) == (
        "TPL_STATUS",
        "status_change",
        "物流状态更新",
    )
    assert template.fields["phrase2"] == "status"
    assert template.keyword_type("character_string1") == "character_string"


def test_empty_config_means_the_built_in_set_in_sandbox_mode_only():
    assert [t.id for t in configured_templates("", sandbox=True)] == [
        item["id"] for item in DEFAULT_SANDBOX_TEMPLATES
    ]
    assert configured_templates("  ", sandbox=False) == []
    assert [t.id for t in configured_templates(EXAMPLE, sandbox=True)] == ["TPL_STATUS"]


def test_every_default_template_serves_a_distinct_event():
    events = [t.event for t in parse_templates(DEFAULT_SANDBOX_TEMPLATES)]
    assert sorted(events) == sorted(set(events))


@pytest.mark.parametrize(
    "raw",
    [
        "not json",
        '{"id": "x"}',
        "[1]",
        '[{"id": "", "event": "delivered", "fields": {"thing1": "number"}}]',
        '[{"id": "A", "event": "lunch", "fields": {"thing1": "number"}}]',
        '[{"id": "A", "event": "delivered", "fields": {}}]',
        '[{"id": "A", "event": "delivered", "fields": {"thing": "number"}}]',
        '[{"id": "A", "event": "delivered", "fields": {"widget1": "number"}}]',
        '[{"id": "A", "event": "delivered", "fields": {"thing1": "colour"}}]',
        json.dumps([json.loads(EXAMPLE)[0]] * 2),
    ],
)
def test_bad_configurations_are_explained(raw):
    with pytest.raises(TemplateConfigError):
        parse_templates(raw)


def test_keyword_types_come_from_the_prefix():
    assert keyword_type("phone_number12") == "phone_number"
    assert keyword_type("thing4") == "thing"
    assert keyword_type("thing") == "" and keyword_type("foo1") == ""


@pytest.mark.parametrize(
    ("kind", "value", "ok"),
    [
        ("thing", "派送中：上海浦东分拨中心", True),
        ("thing", "x" * 21, False),
        ("thing", "两行\n文字", False),
        ("character_string", "1Z999AA10123456784", True),
        ("character_string", "单号1Z", False),
        ("phrase", "派送中", True),
        ("phrase", "派送未成功了", False),
        ("phrase", "OK", False),
        ("time", "15:01", True),
        ("time", "2019年10月1日 15:01", True),
        ("time", "2026-11-24 08:00~2026-11-24 12:00", True),
        ("time", "2026-11-24", False),
        ("date", "2019年10月1日", True),
        ("date", "2018.01.01", True),
        ("date", "soon", False),
        ("number", "12.50", True),
        ("number", "1" * 33, False),
        ("letter", "abc", True),
        ("letter", "ab1", False),
        ("symbol", "#", True),
        ("amount", "¥100.00", True),
        ("amount", "100元", False),  # "1个币种符号+10位以内纯数字": the symbol is required
        ("phone_number", "400-820-8555", True),
        ("car_number", "粤B12345", True),
        ("name", "张三", True),
        ("name", "John Smith", True),
        ("name", "张三3", False),
        ("enum", "已发货", False),  # only the template's keywordEnumValueList values
        ("widget", "x", False),
        ("thing", None, False),
    ],
)
def test_keyword_values_follow_wechat_limits(kind, value, ok):
    assert value_ok(kind, value) is ok
