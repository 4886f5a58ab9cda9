"""The status vocabulary: the fifteen codes, their labels and explanations, and ranking rules."""

from __future__ import annotations

import re

import pytest

from backend.domain.statuses import Status, explanation, importance, is_final, label, progress

S = Status
# The status table of docs/api.md, "Statuses" (issue #27's Chinese tracker wording): code, zh, en.
TAXONOMY = [
    ("shipment_accepted", "已揽收", "Shipment Accepted"),
    ("in_transit", "运输中", "In Transit"),
    ("at_facility", "分拣中", "Arrival at UPS Facility"),
    ("clearance_in_progress", "清关中", "Clearance in Progress"),
    ("cleared", "已清关", "Cleared"),
    ("out_for_delivery", "派送中", "Out for Delivery"),
    ("delivery_attempted", "派送未成功", "Delivery Attempted"),
    ("delivered", "已签收", "Delivered"),
    ("exception", "异常", "Exception"),
    ("awaiting_receiver", "待收件人处理", "Awaiting Receiver"),
    ("label_created", "待揽收", "Label Created"),
    ("ready_for_pickup", "待取件", "Ready for Pickup"),
    ("returned_to_sender", "已退回", "Returned to Sender"),
    ("cancelled", "已取消", "Cancelled"),
    ("unknown", "状态未知", "Unknown"),
]
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_there_are_exactly_the_fifteen_codes_of_the_product_brief():
    assert [status.value for status in Status] == [code for code, _, _ in TAXONOMY]


@pytest.mark.parametrize(("code", "zh", "en"), TAXONOMY)
def test_labels_match_the_taxonomy_table(code, zh, en):
    assert label(Status(code), "zh") == zh
    assert label(Status(code), "en") == en


@pytest.mark.parametrize("lang", ["zh", "", "fr", "zh-CN"])
def test_any_language_but_en_gets_chinese(lang):
    assert label(S.DELIVERED, lang) == "已签收"
    assert CJK.search(explanation(S.DELIVERED, lang))


@pytest.mark.parametrize("status", list(Status))
def test_every_status_has_a_short_explanation_in_each_language(status):
    zh, en = explanation(status, "zh"), explanation(status, "en")
    assert CJK.search(zh) and not CJK.search(en)
    assert 1 <= len(re.findall(r"[。！？]", zh)) <= 2
    assert 1 <= len(re.findall(r"[.!?](\s|$)", en)) <= 2
    assert len(en) <= 200


def test_explanations_differ_between_statuses():
    for lang in ("zh", "en"):
        texts = [explanation(status, lang) for status in Status]
        assert len(set(texts)) == len(texts)


def test_a_plain_string_code_is_accepted_where_a_status_is_expected():
    assert label("cleared", "en") == "Cleared"  # type: ignore[arg-type]


def test_only_delivered_returned_and_cancelled_are_final():
    finals = {status for status in Status if is_final(status)}
    assert finals == {S.DELIVERED, S.RETURNED_TO_SENDER, S.CANCELLED}


def test_importance_follows_the_documented_order():
    tiers = [
        [S.DELIVERED],
        [S.OUT_FOR_DELIVERY],
        [S.DELIVERY_ATTEMPTED],
        [S.EXCEPTION],
        [S.READY_FOR_PICKUP],
        [S.CLEARANCE_IN_PROGRESS, S.AWAITING_RECEIVER],
        [S.CLEARED],
        [S.RETURNED_TO_SENDER, S.CANCELLED],
        [S.IN_TRANSIT, S.AT_FACILITY, S.SHIPMENT_ACCEPTED],
        [S.LABEL_CREATED],
        [S.UNKNOWN],
    ]
    assert sorted(s for tier in tiers for s in tier) == sorted(Status)
    values = [{importance(status) for status in tier} for tier in tiers]
    assert all(len(tier) == 1 for tier in values)  # ties inside a tier
    flat = [tier.pop() for tier in values]
    assert flat == sorted(flat, reverse=True) and len(set(flat)) == len(flat)


def test_progress_grows_along_a_normal_journey_and_ends_full():
    journey = [
        S.LABEL_CREATED,
        S.SHIPMENT_ACCEPTED,
        S.IN_TRANSIT,
        S.CLEARANCE_IN_PROGRESS,
        S.CLEARED,
        S.OUT_FOR_DELIVERY,
        S.DELIVERED,
    ]
    values = [progress(status) for status in journey]
    assert values == sorted(values) and len(set(values)) == len(values)
    assert progress(S.DELIVERED) == 1.0
    assert all(0.0 <= progress(status) <= 1.0 for status in Status)


def test_progress_does_not_jitter_between_transit_scans_and_is_empty_for_a_lost_cause():
    assert progress(S.IN_TRANSIT) == progress(S.AT_FACILITY)
    assert progress(S.RETURNED_TO_SENDER) == progress(S.CANCELLED) == 0.0
