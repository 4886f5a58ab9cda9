"""The phishing link checker: official ups.com links, look-alikes with a reason, the rest."""

import re

import pytest

from backend.domain.links import check_link, reason_text, registrable_domain

REASONS = [
    "official", "not_https", "ups_as_subdomain", "lookalike_domain", "typosquat", "homograph",
    "ip_address", "shortener", "userinfo_trick", "glued_text", "encoded_host", "unclear_host",
    "not_ups", "no_link",
]  # fmt: skip
CJK = re.compile(r"[\u4e00-\u9fff]")

CASES = [
    # official: https (or no scheme) on ups.com or a subdomain
    ("https://www.ups.com/track?loc=zh_CN&tracknum=1Z999AA10123456784", "official", "official"),
    ("https://ups.com", "official", "official"),
    ("https://wwwapps.ups.com/WebTracking/track", "official", "official"),
    ("HTTPS://WWW.UPS.COM/", "official", "official"),
    ("https://www.ups.com./track", "official", "official"),
    ("请在 ups.com/tracking 查询", "official", "official"),
    ("请访问 https://www.ups.com 查询", "official", "official"),
    ("请访问https://www.ups.com/查询", "official", "official"),
    ("访问 www.ups.com。", "official", "official"),
    # not_https
    ("http://www.ups.com/track", "suspicious", "not_https"),
    ("http://ups.com", "suspicious", "not_https"),
    # ups_as_subdomain
    ("https://ups.com.evil.cn/pay", "suspicious", "ups_as_subdomain"),
    ("www.ups.com.cn-track.top", "suspicious", "ups_as_subdomain"),
    ("https://www.ups.com.secure-pay.com.cn/", "suspicious", "ups_as_subdomain"),
    # lookalike_domain
    ("https://ups-delivery.com", "suspicious", "lookalike_domain"),
    ("https://upsexpress.cn/fee", "suspicious", "lookalike_domain"),
    ("https://ups.cn-track.top", "suspicious", "lookalike_domain"),
    ("ups-cn.delivery/abc", "suspicious", "lookalike_domain"),
    ("https://myups.net/login", "suspicious", "lookalike_domain"),
    ("https://ups.com.cn", "suspicious", "lookalike_domain"),
    ("https://ups123.com", "suspicious", "lookalike_domain"),
    # typosquat: one or two edits from ups.com
    ("https://upss.com", "suspicious", "typosquat"),
    ("https://ups.co", "suspicious", "typosquat"),
    ("https://vps.com", "suspicious", "typosquat"),
    ("https://uqs.com/track", "suspicious", "typosquat"),
    ("https://usp.com", "suspicious", "typosquat"),
    ("https://www.upz.com", "suspicious", "typosquat"),
    # homograph: letters of other scripts, raw or as punycode
    ("https://ирs.com/pay", "suspicious", "homograph"),
    ("https://xn--s-otby.com", "suspicious", "homograph"),  # ирs.com
    ("https://xn--us-lmc.com", "suspicious", "homograph"),  # uрs.com, Cyrillic р
    ("https://www.xn--ps-0bc.com/track", "suspicious", "homograph"),  # υps.com, Greek υ
    # ip_address
    ("http://192.168.1.1/ups", "suspicious", "ip_address"),
    ("http://[2001:db8::1]/track", "suspicious", "ip_address"),
    ("45.33.2.1/ups", "suspicious", "ip_address"),
    ("http://3232235777/", "suspicious", "ip_address"),
    # shortener
    ("t.cn/A6xyz", "suspicious", "shortener"),
    ("https://bit.ly/3abc", "suspicious", "shortener"),
    ("https://w.url.cn/s/abc", "suspicious", "shortener"),
    ("dwz.cn/abc", "suspicious", "shortener"),
    ("https://tinyurl.com/y4ups", "suspicious", "shortener"),
    # userinfo_trick
    ("https://ups.com@evil.cn/login", "suspicious", "userinfo_trick"),
    ("https://www.ups.com:443@1.2.3.4/", "suspicious", "userinfo_trick"),
    ("ups.com@evil.cn/pay", "suspicious", "userinfo_trick"),
    ("https://evil.cn\\@ups.com/", "suspicious", "userinfo_trick"),  # browsers go to evil.cn
    ("https://ups.com＠evil.cn", "suspicious", "userinfo_trick"),
    # glued_text: a browser keeps the text after ups.com in the host (it was "official")
    ("请访问https://www.ups.com查询", "unknown", "glued_text"),
    ("请登录 www.ups.com，输入运单号", "unknown", "glued_text"),
    ("访问 www.ups.com。谢谢", "unknown", "glued_text"),
    # encoded_host: %-escapes in a host are read differently by different apps
    ("https://evil.top%2F.ups.com/", "suspicious", "encoded_host"),
    ("https://evil.top%23.ups.com/", "suspicious", "encoded_host"),
    ("https://evil.top%3F.ups.com/", "suspicious", "encoded_host"),
    ("https://www.ups.com%E3%80%82evil.top/", "suspicious", "encoded_host"),
    # unclear_host: no browser opens it
    ("https://www.ups.com\u202e.top/", "unknown", "unclear_host"),
    ("https://www.ups.com:80x/", "unknown", "unclear_host"),
    # not_ups: unrelated sites, including ones that merely contain the letters
    ("https://www.example.com", "unknown", "not_ups"),
    ("https://www.sf-express.com", "unknown", "not_ups"),
    ("https://groups.google.com", "unknown", "not_ups"),
    ("https://upstream.com", "unknown", "not_ups"),
    ("https://startups.com", "unknown", "not_ups"),
    ("https://www.usps.com", "unknown", "not_ups"),
    # no_link
    ("没有链接的短信", "unknown", "no_link"),
    ("联系 service@ups.com 咨询", "unknown", "no_link"),  # an e-mail address is no link
    ("", "unknown", "no_link"),
]


@pytest.mark.parametrize(("text", "verdict", "reason"), CASES)
def test_links_get_the_expected_verdict_and_reason(text, verdict, reason):
    result = check_link(text)
    assert (result.verdict, result.reason) == (verdict, reason)


def test_the_cases_cover_every_reason():
    assert {reason for _, _, reason in CASES} == set(REASONS)


def test_the_verdict_names_the_link_and_the_host_a_browser_would_open():
    result = check_link("【UPS】地址不详，点击 https://ups.com@evil.cn/pay 更新")
    assert (result.url, result.host) == ("https://ups.com@evil.cn/pay", "evil.cn")


def test_no_link_has_no_url_or_host():
    result = check_link("您的包裹已送达")
    assert (result.url, result.host) == (None, None)


@pytest.mark.parametrize(
    ("text", "reason", "url"),
    [
        ("【UPS】派送失败，请点击t.cn/A6xyz重新预约，或访问 https://www.ups.com", "shortener", "t.cn/A6xyz"),
        ("查询 https://www.ups.com/track 缴费 https://ups-fee.com/pay。", "lookalike_domain", "https://ups-fee.com/pay"),
        ("see https://www.ups.com and https://example.com", "not_ups", "https://example.com"),
        ("https://www.ups.com/a https://ups.com/b", "official", "https://www.ups.com/a"),
    ],
)  # fmt: skip
def test_in_a_message_the_most_alarming_link_decides(text, reason, url):
    result = check_link(text)
    assert (result.reason, result.url) == (reason, url)


@pytest.mark.parametrize(
    ("host", "registrable"),
    [
        ("ups.com.evil.cn", "evil.cn"),
        ("a.b.evil.com.cn", "evil.com.cn"),
        ("shop.example.co.uk", "example.co.uk"),
        ("www.ups.com", "ups.com"),
    ],
)
def test_registrable_domain_knows_two_level_suffixes(host, registrable):
    assert registrable_domain(host) == registrable


@pytest.mark.parametrize("reason", REASONS)
def test_every_reason_is_explained_in_chinese_and_english(reason):
    zh, en = reason_text(reason, "zh"), reason_text(reason, "en")
    assert CJK.search(zh) and not CJK.search(en)
    assert zh != reason_text("not_ups", "zh") or reason == "not_ups"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_fallback_texts_name_the_only_official_domain(lang):
    assert "ups.com" in reason_text("not_ups", lang) and "ups.com" in reason_text("no_link", lang)
    assert reason_text("no_such_reason", lang) == reason_text("not_ups", lang)
