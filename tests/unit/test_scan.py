"""UPS numbers inside scanned barcode payloads (wx.scanCode results)."""

import pytest

from backend.domain.scan import numbers_in_scan

# Valid numbers (docs/ups.md §9).
N1, N2, N3 = "1Z999AA10123456784", "1ZYA27550424697984", "1Z5R89390357567127"
RS, GS, EOT = "\x1e", "\x1d", "\x04"
MI = "9102084383041101186729"  # Mail Innovations test number (docs/ups.md §9) (valid USPS check digit)


def _maxicode(sep_rs: str = RS, sep_gs: str = GS, eot: str = EOT, carrier: str = "") -> str:
    """A MaxiCode message for N3 built as UPS labels lay it out: the primary message (postal
    code, country, service class) then 1Z + the last 8 characters, UPSN and the shipper."""
    carrier = carrier or f"UPSN{sep_gs}5R8939"
    fields = ["01", "96841706672", "840", "003", "1Z57567127", carrier, "089", "", "1/1", "5"]
    return f"[)>{sep_rs}{sep_gs.join(fields)}{sep_gs}Y{sep_gs}1 MAIN ST{sep_rs}07&%Q*x{sep_rs}{eot}"


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (N1, [N1]),
        (f"  {N1}\n", [N1]),
        ("1z 999 aa1 0123 4567 84", [N1]),
        ("1Z-999AA1-01234-56784", [N1]),
        (f"{N1} {N1.lower()}", [N1]),
        (f"{N2}，{N1}", [N2, N1]),
        ("K1506235620", ["K1506235620"]),
        ("1R12345678901234", ["1R12345678901234"]),
        (MI, [MI]),
        (f"42090210{MI}", [MI]),  # GS1 "420" + ZIP, then the USPS IMpb; the FNC1 was lost
        (f"420902101234{MI}", [MI]),  # the same with a ZIP+4
        (f"42090210{GS}{MI}", [MI]),
        (f"单号：{N1}", [N1]),
    ],
)
def test_code_128_and_plain_text_give_their_numbers(payload, expected):
    assert numbers_in_scan(payload) == expected


@pytest.mark.parametrize(
    "payload",
    [
        _maxicode(),
        _maxicode(carrier="UPSN5R8939"),  # the GS after UPSN is optional
        _maxicode("<RS>", "<GS>", "<EOT>"),
        _maxicode("\\x1e", "\\x1d", "\\x04"),
        _maxicode("^", "^", ""),
        _maxicode("\u241e", "\u241d", "\u2404"),
        f"[)>{RS}01{GS}96841706672{GS}840{GS}003{GS}{N3}{GS}UPSN{GS}5R8939{RS}{EOT}",  # PDF417
        f"[)>{RS}01{GS}96{N3}{GS}UPSN{GS}5R8939{RS}{EOT}",  # header glued to the number
    ],
)
def test_structured_label_messages_give_the_full_1z(payload):
    assert numbers_in_scan(payload) == [N3]


def test_a_maxicode_reconstruction_that_fails_the_check_digit_is_dropped():
    payload = _maxicode().replace("5R8939", "5R8938")
    assert numbers_in_scan(payload) == []


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (f"https://www.ups.com/track?tracknum={N1}&loc=zh_CN", [N1]),
        (f"https://www.ups.com/track?loc=zh_CN&tracknum={N1}%0A{N2}", [N1, N2]),
        (f"https://wwwapps.ups.com/WebTracking/track?InquiryNumber1={N2}&InquiryNumber2={N1}", [N2, N1]),
        (f"https://www.ups.com/track?tracknum={N1}+{N2}", [N1, N2]),
        (f"www.ups.com/track?tracknum={N1.lower()}", [N1]),
        (f"https://example.cn/t/{N1}/details#top", [N1]),
    ],
)  # fmt: skip
def test_urls_give_the_numbers_in_their_path_query_and_fragment(payload, expected):
    assert numbers_in_scan(payload) == expected


@pytest.mark.parametrize(
    "payload",
    [
        "6901234567892",  # EAN-13 on a product
        "036000291452",  # UPC-A
        "96385074",  # EAN-8
        "42010001",  # GS1 routing barcode: "420" + ZIP
        "420841706672",  # "420" + ZIP+4
        "https://weixin.qq.com/r/abcdEFGH123",
        "https://example.com/?id=123456789012&page=2",
        "https://k1506235620.example.com/",  # a host is never a number
        "1Z999AA10123456785",  # wrong check digit
        "K1506235621",
        "T1234567890",  # nothing proves it is a UPS number
        "990728071",
        "hello world",
        "",
        f"[)>{RS}01{GS}96841706672{GS}840{GS}003{GS}{RS}{EOT}",  # no tracking field at all
    ],
)
def test_other_barcodes_give_nothing(payload):
    assert numbers_in_scan(payload) == []
