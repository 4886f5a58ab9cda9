"""The phishing link checker: official, suspicious look-alikes with reasons, unknown."""

import pytest

from backend.domain.links import check_link, reason_text


@pytest.mark.parametrize(
    ("text", "verdict", "reason"),
    [
        ("https://www.ups.com/track?loc=zh_CN", "official", "official"),
        ("https://ups.com", "official", "official"),
        ("https://wwwapps.ups.com/WebTracking", "official", "official"),
        ("请在 ups.com/tracking 查询", "official", "official"),
        ("http://www.ups.com/track", "suspicious", "not_https"),
        ("https://ups.com.evil.cn/pay", "suspicious", "ups_as_subdomain"),
        ("www.ups.com.cn-track.top", "suspicious", "ups_as_subdomain"),
        ("https://ups-delivery.com", "suspicious", "lookalike_domain"),
        ("https://upsexpress.cn/fee", "suspicious", "lookalike_domain"),
        ("https://ups.cn-track.top", "suspicious", "lookalike_domain"),
        ("https://ups.co", "suspicious", "lookalike_domain"),
        ("https://vps.com", "suspicious", "typosquat"),
        ("https://uqs.com/track", "suspicious", "typosquat"),
        ("https://xn--ps-ctb.com", "suspicious", "homograph"),
        ("https://ирs.com", "suspicious", "homograph"),
        ("http://192.168.1.1/ups", "suspicious", "ip_address"),
        ("http://[2001:db8::1]/track", "suspicious", "ip_address"),
        ("t.cn/A6xyz", "suspicious", "shortener"),
        ("https://bit.ly/3abc", "suspicious", "shortener"),
        ("https://ups.com@evil.cn/login", "suspicious", "userinfo_trick"),
        ("https://www.example.com", "unknown", "not_ups"),
        ("https://www.sf-express.com", "unknown", "not_ups"),
        ("没有链接的短信", "unknown", "no_link"),
        ("【UPS】派送失败，请点击 t.cn/A6xyz 重新预约，或访问 https://www.ups.com", "suspicious", "shortener"),
        ("Your parcel: https://www.ups.com/track and https://ups-fee.com/pay", "suspicious", "lookalike_domain"),
    ],
)
def test_verdicts(text, verdict, reason):
    result = check_link(text)
    assert (result.verdict, result.reason) == (verdict, reason)


def test_the_verdict_names_the_link_and_host():
    result = check_link("点击 https://ups.com.evil.cn/pay 缴费")
    assert result.url == "https://ups.com.evil.cn/pay" and result.host == "ups.com.evil.cn"


def test_reasons_are_written_in_both_languages():
    assert "ups.com" in reason_text("not_ups", "zh") and "ups.com" in reason_text("not_ups", "en")
