"""UPS numbers inside scanned barcode payloads."""

import pytest

from backend.domain.scan import numbers_in_scan

N1, N2 = "1Z999AA10123456784", "1ZYA27550424697984"


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (N1, [N1]),
        ("1z 999 aa1 0123 4567 84", [N1]),
        (f"[)>\x1e01\x1d96841706672\x1d840\x1d003\x1d{N1}\x1dUPSN\x1d12345E\x1d089\x1e\x04", [N1]),
        (f"[)><RS>01<GS>96{N1}<GS>UPSN<GS>{N2}<RS><EOT>", [N1, N2]),
        (f"[)>^01^96{N1}^UPSN^^", [N1]),
        (f"https://www.ups.com/track?loc=zh_CN&tracknum={N1}", [N1]),
        (f"https://wwwapps.ups.com/WebTracking/track?InquiryNumber1={N2}", [N2]),
        (f"https://example.com/t/{N1}/details", [N1]),
        ("K1506235620", ["K1506235620"]),
        (f"{N1} {N1}", [N1]),
    ],
)
def test_ups_numbers_are_found(payload, expected):
    assert numbers_in_scan(payload) == expected


@pytest.mark.parametrize(
    "payload",
    [
        "6901234567892",  # EAN-13 on a product
        "012345678905",  # UPC-A
        "96012345",  # EAN-8
        "https://weixin.qq.com/r/abcdef",
        "420100019",  # postal-code barcode (USPS routing)
        "1Z999AA10123456785",  # wrong check digit
        "",
        "hello world",
    ],
)
def test_other_barcodes_give_nothing(payload):
    assert numbers_in_scan(payload) == []
