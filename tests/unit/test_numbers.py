"""Finding, normalising, validating and masking UPS numbers in what people paste."""

import re

import pytest

from backend.domain.numbers import (
    NumberCheck,
    check_number,
    is_verified,
    mask_number,
    normalize,
    parse_numbers,
    reason_message,
    split_numbers,
)

# Known-valid numbers (docs/ups.md §9), legacy guide numbers whose check digit holds included.
VALID_1Z = [
    "1Z023E2X0214323462", "1Z1234567891234556", "1Z204W4R0308071865", "1Z4096YY0316914058",
    "1ZA2F8810719086435", "1Z6568YY1200043419", "1Z1388YY0316063678", "1ZISUS010330563105",
    "1Z2220060294314162", "1Z2220060291994175", "1ZCIETST0111111114", "1ZCIETST0422222228",
    "1ZCIEPIC0111111116", "1Z5629230309413682", "1ZV2391Y6821503452", "1Z62WF001333806039",
    "1ZW9852A0300287423", "1Z7AE1090309775218", "1Z4731610368485284", "1Z2599700396627831",
    "1Z2EE9401223016758", "1Z0918WV0306763470", "1Z0ER5190335923685", "1Z1202R66698804005",
    "1ZYA27550424697984", "1Z5R89390357567127", "1Z879E930346834440", "1Z410E7W0392751591",
    "1Z8V92A70367203024", "1ZXX3150YW44070023", "1Z999AA10123456784", "1Z12345E6605272234",
    "1Z648616E192760718", "1ZWX0692YP40636269",
]  # fmt: skip
# Spec placeholders, and the legacy CIE test numbers whose check digit fails (docs/ups.md §9).
INVALID_1Z = [
    "1ZABCXYZ0112346789", "1Z1234567891234551", "1Z1234567891234560", "1Z12345E8791315509",
    "1Z9991450419000046", "1Z1443YY0161231327", "1Z999AA10123456785", "1Z999AA10123456786",
    "1Z12345E0205271688", "1Z12345E0305271640", "1Z12345E0393657226", "1Z12345E1305277940",
    "1Z12345E6205277936", "1Z12345E1505270452", "1Z12345E0291980793", "1Z12345E1392654435",
    "1Z12345E6692804405", "1Z12345E0390515214", "1Z12345E6892410845", "1Z12345E1591910450",
]  # fmt: skip
WAYBILLS = [
    "K1506235620",
    "K2479825491",
    "J4603636537",
    "V0490119172",
    "V0431105627",
    "H9205817377",
]
CJK = re.compile(r"[\u4e00-\u9fff]")


def _with_last(number: str, step: int) -> str:
    return number[:-1] + str((int(number[-1]) + step) % 10)


@pytest.mark.parametrize("number", VALID_1Z)
def test_real_and_published_1z_numbers_pass_the_check_digit(number):
    assert check_number(number) == NumberCheck(number, number, True, "1z", None)


@pytest.mark.parametrize("number", INVALID_1Z)
def test_placeholders_and_legacy_test_numbers_fail_the_check_digit(number):
    result = check_number(number)
    assert (result.valid, result.kind, result.reason) == (False, "1z", "bad_check_digit")


@pytest.mark.parametrize("step", range(1, 10))
def test_only_the_worked_example_digit_4_completes_1z999aa1012345678(step):
    assert check_number(_with_last("1Z999AA10123456784", step)).reason == "bad_check_digit"


def test_a_letter_in_the_check_digit_place_is_a_bad_check_digit():
    assert check_number("1Z999AA1012345678A").reason == "bad_check_digit"


@pytest.mark.parametrize(
    "raw", ["1Z12345E020527079", "1Z12345E029198079", "1Z999AA101234567844", "1Z", "1Z999"]
)
def test_a_1z_of_any_length_but_18_is_the_wrong_length(raw):
    result = check_number(raw)
    assert (result.valid, result.kind, result.reason) == (False, "1z", "wrong_length")


@pytest.mark.parametrize("number", WAYBILLS)
def test_waybills_pass_the_same_weighted_check_over_their_nine_digits(number):
    assert check_number(number) == NumberCheck(number, number, True, "waybill", None)


@pytest.mark.parametrize("number", WAYBILLS)
def test_a_waybill_with_a_wrong_last_digit_is_rejected(number):
    result = check_number(_with_last(number, 1))
    assert (result.valid, result.kind, result.reason) == (False, "waybill", "bad_check_digit")


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("T1234567890", "waybill"),  # UPS lists T + 10 digits without a checksum
        ("123456789012", "infonotice"),
        ("990728071", "freight"),
        ("3251026119", "freight"),
        ("5548789114", "freight"),
        ("1234567", "freight"),
        ("12345678901234567890", "freight"),
        ("9102084383041101186729", "mail_innovations"),
        ("92419900000033499522966220", "mail_innovations"),
        ("801100000000000001", "mail_innovations"),
        ("1R12345678901234", "roadie"),
        ("1RABCDEFGHIJKLMNOPQRSTUVWXYZ", "roadie"),
    ],
)
def test_the_other_ups_formats_are_accepted_by_shape(raw, kind):
    result = check_number(raw)
    assert (result.valid, result.kind, result.reason) == (True, kind, None)


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "ABC",
        "123456",  # 6 digits: below the 7-character minimum
        "123456789012345678901",  # 21 digits: no UPS format
        "1" * 27,
        "9" * 35,  # beyond the 34-character limit
        "K150623562",  # a letter and 9 digits is no waybill
        "1R1234",
        "ER751105042015062",  # legacy ocean-freight test reference: letters and digits mixed
        "cgish000116630",  # legacy Mail Innovations reference number
        "1Z999AA1.0123456784",
        "单号1Z999AA10123456784",
    ],
)
def test_anything_else_is_not_a_ups_format(raw):
    result = check_number(raw)
    assert (result.valid, result.kind, result.reason) == (False, None, "not_ups_format")


@pytest.mark.parametrize(
    "raw",
    [
        "1z999aa10123456784",
        " 1Z 999 AA1 01 2345 678 4 ",
        "1Z-999AA1-01234-56784",
        "1Z–999AA1—0123456784",
        "１Ｚ９９９ＡＡ１０１２３４５６７８４",
        "1Z999AA1\u200b0123456784",
    ],
)
def test_normalize_folds_case_width_spaces_dashes_and_invisible_characters(raw):
    assert normalize(raw) == "1Z999AA10123456784"


def test_check_number_keeps_what_was_typed_next_to_the_normalised_number():
    result = check_number("1z 999 aa1 0123456784")
    assert (result.raw, result.number) == ("1z 999 aa1 0123456784", "1Z999AA10123456784")


A, B = "1Z999AA10123456784", "1ZYA27550424697984"


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        (f"{A},{B}", [A, B]),
        (f"{A} {B}", [A, B]),
        (f"{A}\n{B}", [A, B]),
        (f"{A}\t{B}", [A, B]),
        (f"{A};{B}", [A, B]),
        (f"{A}，{B}", [A, B]),
        (f"{A}、{B}", [A, B]),
        (f"{A}；{B}", [A, B]),
        (f"{A}。{B}", [A, B]),
        (f"{A}\u3000{B}", [A, B]),
        (f"{A}-{B}", [A, B]),
        (f"单号：{A.lower()}　{B}", [A, B]),
        (f"UPS tracking: {A}. Thanks!", [A]),
        ("1Z 999 AA1 012 3456 784", [A]),
        ("1z-999aa1-01234-56784", [A]),
        ("1Z999AA1 0123456784", [A]),  # the second group looks like a freight number alone
        (f"1Z 999 AA1 012 3456 784 {B}", [A, B]),
        ("K150 6235 620", ["K1506235620"]),
        ("9102 0843 8304 1101 1867 29", ["9102084383041101186729"]),
        ("990728071 3251026119", ["990728071", "3251026119"]),  # no checksum, so never joined
        ("1Z 999 AA1 012 3456 785", ["1Z999AA10123456785"]),  # a typo stays one number
        ("1Z 999 AA1 012 3456 78", ["1Z999AA1012345678"]),
        ("1Z99 K1506235620", ["1Z99", "K1506235620"]),
        ("UPS 单号 tracking number please 谢谢", []),
        (f"{A}，共 2 件", [A]),  # bits of digits shorter than 4 characters are noise
        ("", []),
    ],
)
def test_split_numbers_separates_numbers_and_joins_grouped_ones(text, numbers):
    assert [normalize(token) for token in split_numbers(text)] == numbers


def test_split_numbers_returns_the_text_as_written():
    assert split_numbers("单号：1z 999 aa1 0123456784！") == ["1z 999 aa1 0123456784"]


def test_parse_numbers_keeps_input_order_and_the_first_of_duplicates():
    checks = parse_numbers([B, f"{A.lower()} {B}", f"1Z 999 AA1 0123456784，{A}"])
    assert [(c.raw, c.number) for c in checks] == [(B, B), (A.lower(), A)]


def test_parse_numbers_reports_invalid_candidates_in_place():
    checks = parse_numbers(f"{A}\n1Z999AA10123456785\nK1506235621\n12345")
    assert [(c.number, c.valid, c.reason) for c in checks] == [
        (A, True, None),
        ("1Z999AA10123456785", False, "bad_check_digit"),
        ("K1506235621", False, "bad_check_digit"),
        ("12345", False, "not_ups_format"),
    ]


def test_a_list_item_is_split_like_text():
    assert [c.number for c in parse_numbers([f"{A},{B}"])] == [A, B]


@pytest.mark.parametrize(
    ("number", "verified"),
    [
        (A, True),
        ("K1506235620", True),
        ("T1234567890", False),  # accepted, but nothing proves it
        ("9102084383041101186729", True),  # USPS IMpb check digit
        ("9102084383041101186728", False),
        ("1R12345678901234", True),
        ("990728071", False),
        ("123456789012", False),
        ("1Z999AA10123456785", False),
    ],
)
def test_only_checksummed_or_unmistakable_numbers_are_verified(number, verified):
    assert is_verified(check_number(number)) is verified


@pytest.mark.parametrize("reason", ["wrong_length", "bad_check_digit", "not_ups_format"])
def test_every_reason_has_its_own_chinese_and_english_text(reason):
    zh, en = reason_message(reason, "zh"), reason_message(reason, "en")
    assert CJK.search(zh) and en.isascii() and not CJK.search(en)
    others = {"wrong_length", "bad_check_digit", "not_ups_format"} - {reason}
    assert zh not in {reason_message(other, "zh") for other in others}


def test_reason_texts_say_what_went_wrong():
    assert "校验" in reason_message("bad_check_digit", "zh")
    assert "check digit" in reason_message("bad_check_digit", "en-US")
    assert "18" in reason_message("wrong_length", "zh")


def test_an_unknown_reason_still_gets_a_message():
    assert reason_message("", "en") and reason_message("", "en") != reason_message("", "zh")


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("1Z999AA10123456784", "1Z99…784"),
        ("1z 999 aa1 0123456784", "1Z99…784"),
        ("K1506235620", "K150…620"),
        ("990728071", "9907…071"),
        ("1234567", "12…7"),
        ("123", "…"),
    ],
)
def test_mask_number_hides_the_middle(number, masked):
    assert mask_number(number) == masked


def test_a_text_parsed_again_gives_a_fresh_list_of_the_same_checks():
    text = "1Z999AA10123456784, 1Z999AA10123456785"
    first = parse_numbers(text)
    first.clear()  # a caller's list is its own: the remembered parse is not touched
    again = parse_numbers(text)
    assert [check.number for check in again] == ["1Z999AA10123456784", "1Z999AA10123456785"]
    assert [check.valid for check in again] == [True, False]
