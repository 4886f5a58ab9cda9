"""Finding, normalising and validating UPS numbers in what people paste."""

import pytest

from backend.domain.numbers import check_number, mask_number, parse_numbers, reason_message

VALID_1Z = [
    "1Z999AA10123456784", "1Z023E2X0214323462", "1ZCIETST0111111114", "1ZCIETST0422222228",
    "1Z5629230309413682", "1ZYA27550424697984", "1Z1202R66698804005", "1ZXX3150YW44070023",
]  # fmt: skip
INVALID_1Z = [
    "1ZABCXYZ0112346789",
    "1Z1234567891234551",
    "1Z999AA10123456785",
    "1Z12345E0205271688",
]


@pytest.mark.parametrize("number", VALID_1Z)
def test_real_1z_numbers_pass_the_check_digit(number):
    assert check_number(number).valid


@pytest.mark.parametrize("number", INVALID_1Z)
def test_placeholders_fail_the_check_digit(number):
    result = check_number(number)
    assert (result.valid, result.reason) == (False, "bad_check_digit")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [("1Z999AA1012345678", "wrong_length"), ("1Z999AA101234567844", "wrong_length"),
     ("ABC", "not_ups_format"), ("1234", "not_ups_format"), ("hello-world-x", "not_ups_format")],
)  # fmt: skip
def test_rejections_say_why(raw, reason):
    assert check_number(raw).reason == reason


@pytest.mark.parametrize(
    ("raw", "kind"),
    [("K1506235620", "waybill"), ("V0490119172", "waybill"), ("T1234567890", "infonotice"),
     ("123456789012", "infonotice"), ("990728071", "freight"), ("9102084383041101186729", "mail_innovations"),
     ("1R12345678901234", "roadie")],
)  # fmt: skip
def test_other_ups_formats_are_accepted(raw, kind):
    result = check_number(raw)
    assert result.valid and result.kind == kind


def test_waybills_are_checked_too():
    assert check_number("K1506235621").reason == "bad_check_digit"


@pytest.mark.parametrize(
    "text",
    [
        "1Z999AA10123456784,1ZYA27550424697984",
        "1Z999AA10123456784 1ZYA27550424697984",
        "1Z999AA10123456784\n1ZYA27550424697984",
        "1Z999AA10123456784，1ZYA27550424697984",
        "1Z999AA10123456784、1ZYA27550424697984",
        "1Z999AA10123456784；1ZYA27550424697984",
        "单号：1Z999AA10123456784　1zya27550424697984",
    ],
)
def test_separators_of_every_kind_split_numbers(text):
    assert [c.number for c in parse_numbers(text)] == ["1Z999AA10123456784", "1ZYA27550424697984"]


@pytest.mark.parametrize(
    "text",
    ["1Z 999 AA1 012 3456 784", "1z-999aa1-01234-56784", "１Ｚ９９９ＡＡ１０１２３４５６７８４"],
)
def test_spaces_hyphens_case_and_full_width_inside_a_number_are_tolerated(text):
    assert [c.number for c in parse_numbers(text)] == ["1Z999AA10123456784"]


def test_order_is_kept_and_duplicates_dropped_across_list_items():
    checks = parse_numbers(["1ZYA27550424697984", "1z999aa10123456784 1ZYA27550424697984"])
    assert [c.number for c in checks] == ["1ZYA27550424697984", "1Z999AA10123456784"]


def test_words_without_digits_are_ignored():
    assert parse_numbers("UPS tracking please 谢谢") == []


def test_reason_messages_exist_in_both_languages():
    assert "校验" in reason_message("bad_check_digit", "zh")
    assert "check digit" in reason_message("bad_check_digit", "en")


def test_mask_keeps_the_ends():
    assert mask_number("1Z999AA10123456784") == "1Z99…784"
