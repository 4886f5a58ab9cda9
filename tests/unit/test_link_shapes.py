"""The phishing check judges the host a browser opens (issue #26): checked against Node's
WHATWG `URL`, over the issue's links, a corpus of SMS phishing shapes, and every character
that might follow "ups.com"."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from backend.domain.browser_host import parse_link
from backend.domain.links import check_link, find_urls
from tests.support.browser_url import comparable, node_hostnames

CORPUS = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "links" / "sms_shapes.json").read_text("utf-8")
)["messages"]

# The links of issue #26 that were answered "official" / "可以放心打开".
ISSUE_26 = [
    ("https://www.ups.com.快递查询.top/login", "ups_as_subdomain"),
    ("https://www.ups.com。ups-track。top/login", "ups_as_subdomain"),
    ("https://www.ups.com｡ups-track｡top/login", "ups_as_subdomain"),
    ("请点击 https://www.ups.com.快递查询.top/pay 补缴关税", "ups_as_subdomain"),
    ("https://www.ups.com\t.ups-track\t.top/", "ups_as_subdomain"),
    ("https://evil.top%2F.ups.com/", "encoded_host"),
    ("https://evil.top%23.ups.com/", "encoded_host"),
    ("https://evil.top%3F.ups.com/", "encoded_host"),
]

# Links where browsers and naive parsers part ways.
TRICKY = [
    "https://www.ups.com，请尽快/", "https://www.ups.com：请", "https://ＵＰＳ．ｃｏｍ/",
    "https:ups.com", "https:\\\\evil.com\\@ups.com", "https:/\\/ups.com", "https://a,b.com/",
    "https://ups.com\u200b.evil.top/", "https://ups.com\u00ad.evil.top", "https://ups.com＠evil.cn",
    "https://www.ups.com%00.evil.top", "https://evil.top%2e.ups.com/", "https://ups.com%",
    "https://ups.com%E3%80%82evil.top/", "https://www.ups.com）", "https://www.ups.com」x",
    "https://ups.com、evil.top", "https://ups.com;x.top", "https://ups.com.", "https://ups.com..",
    "https://UPS.com:443", "https://ups.com:abc/", "https://ups.com:99999/", "https://1.2.3.999/",
    "http://3232235777/", "http://0xC0.0xA8.0.1/", "http://0300.0250.1.1/", "http://1.2.3/",
    "http://192.168.1.1./", "https://[2001:db8::1]/", "https://[::1", "https://xn--zz.com/",
    "https://xn--s-otby.com", "https://XN--US-LMC.com", "https://a..b/", "https://-ups.com-/",
    "https://a_b.ups.com/", "https://ups.com\u202ex", "https://ups.com\u200dx",
    "https://ups.com\ufffdx", "https:ups.com@evil.top", "https://user:pw@ups.com/",
    "https://ups.com#@evil.top", "https://ups.com?@evil.top", "ftp://ups.com/", "ws://ups.com",
    "https://UPS.COM.EVIL.TOP", "https://www.ups.com\n.evil.top", "https://ups.com\u3000evil.top",
    "https://www.ups.com\u201d.evil.top", "https://ιps.com", "https://uрs.com/bill",
]  # fmt: skip

# Characters that might follow "www.ups.com": ASCII, Latin-1 and beyond, general and CJK
# punctuation, invisible characters, full-width forms, a few ideographs.
FOLLOWERS = [
    chr(c)
    for block in [
        (0x21, 0x250),
        (0x2000, 0x2070),
        (0x3000, 0x3040),
        (0xFE30, 0xFE70),
        (0xFF00, 0xFFF0),
        (0x4E00, 0x4E10),
        (0x034F, 0x0350),
        (0x180E, 0x180F),
        (0xFEFF, 0xFF00),
    ]  # fmt: skip
    for c in range(*block)
]


# Whitespace, quotes (ASCII, curly, corner brackets) and angle brackets.
LINK_ENDS_IN_TEXT = re.compile(r"[\s<>\"'\u2018-\u201f\u300c-\u300f]")


def with_scheme(link: str) -> str:
    return (
        link if "://" in link or link.lower().startswith(("http:", "https:")) else "https://" + link
    )


@pytest.mark.parametrize(("text", "reason"), ISSUE_26)
@pytest.mark.parametrize("single", [True, False], ids=["url", "text"])
def test_the_links_of_issue_26_are_not_official(text, reason, single):
    verdict = check_link(text, single=single)
    assert (verdict.verdict, verdict.reason) == ("suspicious", reason)


@pytest.mark.parametrize("message", CORPUS, ids=[m["shape"] for m in CORPUS])
def test_sms_phishing_shapes_get_the_expected_verdict(message):
    assert check_link(message["text"]).verdict == message["verdict"]


def test_the_corpus_is_mostly_phishing_and_keeps_real_ups_links_official():
    verdicts = [message["verdict"] for message in CORPUS]
    assert verdicts.count("official") >= 3 and verdicts.count("suspicious") >= 15


def test_every_host_judged_is_the_host_nodes_url_opens():
    links = [text for text, _ in ISSUE_26] + TRICKY
    links += [url for message in CORPUS for url in find_urls(message["text"])]
    links = [with_scheme(link) for link in links]
    expected = [comparable(host) for host in node_hostnames(links)]
    ours = [parse_link(link).host for link in links]
    wrong = [(link, o, e) for link, o, e in zip(links, ours, expected, strict=True) if o != e]
    assert not wrong, wrong


@pytest.mark.parametrize("tail", ["evil.top/pay", "请尽快/pay"])
def test_ups_com_followed_by_a_host_character_is_never_official(tail):
    """Official only if a browser given the same characters opens www.ups.com itself. In a
    message, whitespace, quotes and angle brackets end a link; what follows is then judged on
    its own."""
    urls = [f"https://www.ups.com{c}{tail}" for c in FOLLOWERS]
    opened = [comparable(host) for host in node_hostnames(urls)]
    for c, url, host in zip(FOLLOWERS, urls, opened, strict=True):
        if check_link(url, single=True).verdict == "official":
            assert host == "www.ups.com", (url, host)
        in_text = check_link(f"请点击 {url} 补缴关税")
        if in_text.verdict == "official" and host != "www.ups.com":
            assert LINK_ENDS_IN_TEXT.fullmatch(c), url


def test_node_is_the_reference_on_this_machine():
    # The comparisons above need Node (make test installs the mini-program with it).
    assert node_hostnames(["https://www.ups.com.快递查询.top/"]) == [
        "www.ups.com.xn--66tn1pyo5aqrd.top"
    ], sys.version
