"""Phishing check: does a link, or any link in a pasted SMS, really point at ups.com?"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

OFFICIAL = "ups.com"
_OFFICIAL_HOST = re.compile(r"(?:[^.]+\.)*ups\.com")  # ups.com and its subdomains
SHORTENERS = frozenset(
    "t.cn url.cn dwz.cn suo.im m6z.cn sohu.gg bit.ly tinyurl.com is.gd v.gd goo.gl t.co ow.ly "
    "buff.ly rebrand.ly cutt.ly rb.gy s.id t.ly tiny.cc shorturl.at bit.do reurl.cc 0rz.tw".split()
)
# Public suffixes with two labels, so that "evil.com.cn" is one registrable domain.
TWO_LEVEL_SUFFIXES = frozenset(
    "com.cn net.cn org.cn gov.cn edu.cn ac.cn co.uk org.uk ac.uk gov.uk com.hk net.hk org.hk "
    "com.tw org.tw com.mo com.sg com.my com.au net.au co.jp ne.jp or.jp co.kr co.nz".split()
)
NOT_TYPOSQUATS = frozenset({"usps.com"})  # real services one or two letters away from ups.com
# Words phishers glue to "ups" (upsexpress, ups-delivery, myups, upscn).
_BAIT = frozenset(
    "express delivery track tracking trace parcel package post ship shipping service support help "
    "pay payment fee fees customs tax china cn hk us usa global intl online web app my go kuaidi "
    "wuliu kd wl info center home official secure login verify update cs kf".split()
)
# Letters of other scripts that pass for Latin ones (a small slice of Unicode's confusables).
_CONFUSABLES = str.maketrans("аеорсухіјѕԁԛԝиսօυνορεαϲ", "aeopcyxijsdqwuuouvopeac")
# URLs end at spaces, CJK, quotes, brackets, full-width punctuation (not "．"/"＠": browsers fold).
_BREAK = re.compile(
    r"[\s\u2018-\u201f\u2026\u2e80-\u9fff\uac00-\ud7af\uff01-\uff0d\uff0f\uff1a-\uff1f\uff3b-\uff40\uff5b-\uff65<>\"'(){}]+"
)
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_HOST = re.compile(r"(?:[\w-]+\.)+(?:[^\W\d_]{2,}|xn--[\w-]+)\.?(?::\d+)?|(?:\d+\.){3}\d+(?::\d+)?")
_NUMERIC_HOST = re.compile(r"(?:0x[0-9a-f]+|\d+)(?:\.(?:0x[0-9a-f]+|\d+)){0,3}")

ZH = {
    "official": "这是 UPS 官方网站 ups.com 的加密链接，可以放心打开。",
    "not_https": "域名确实是 ups.com，但链接没有加密（不是 https），请手动输入 https://www.ups.com 访问。",
    "ups_as_subdomain": "“ups.com”只是网址开头的伪装，真正的网站是后面的另一个域名，极可能是钓鱼网站。",
    "lookalike_domain": "域名里有 ups 字样，但并不是 ups.com，这是仿冒网站的常见手法。",
    "typosquat": "域名和 ups.com 只差一两个字母，是故意拼错来骗人的仿冒网站。",
    "homograph": "域名用了外形像英文字母的其他文字（例如西里尔字母）来冒充 ups.com。",
    "ip_address": "链接直接指向一串 IP 地址而不是域名，正规快递公司不会这样发链接。",
    "shortener": "这是短网址，看不出最终会跳到哪里。请不要点开，直接在 ups.com 或本小程序里查询。",
    "userinfo_trick": "网址用 @ 符号把真正的网站藏在后面，@ 前面的 ups.com 只是幌子。",
    "not_ups": "这个链接不是 UPS 的网站。UPS 唯一的官方域名是 ups.com，在其他网站请谨慎填写个人信息。",
    "no_link": "没有找到链接。记住：UPS 唯一的官方域名是 ups.com。",
}
EN = {
    "official": "This is an encrypted link on ups.com, UPS's official site.",
    "not_https": "The domain is ups.com, but the link is not encrypted (no https); type https://www.ups.com yourself.",
    "ups_as_subdomain": "“ups.com” is only a disguise at the front; the real site is the domain after it, very likely phishing.",
    "lookalike_domain": "The domain contains “ups” but is not ups.com, a common trick of imitation sites.",
    "typosquat": "The domain is one or two letters away from ups.com, a deliberate misspelling to fool you.",
    "homograph": "The domain uses look-alike letters from other alphabets (such as Cyrillic) to pose as ups.com.",
    "ip_address": "The link points at a bare IP address instead of a domain; real carriers do not send such links.",
    "shortener": "This short link hides where it leads. Do not open it; track on ups.com or in this mini-program.",
    "userinfo_trick": "The address hides the real site behind an @ sign; whatever comes before the @ is only a decoy.",
    "not_ups": "This link is not a UPS site. UPS's only official domain is ups.com; be careful with personal details elsewhere.",
    "no_link": "No link was found. Remember: UPS's only official domain is ups.com.",
}


@dataclass(frozen=True)
class LinkVerdict:
    """The verdict on one link; `reason` is a key of ZH and EN."""

    verdict: str  # official | suspicious | unknown
    reason: str
    url: str | None = None
    host: str | None = None


def reason_text(reason: str, lang: str) -> str:
    """The reason for people, in Chinese or English."""
    texts = EN if lang.lower().startswith("en") else ZH
    return texts.get(reason, texts["not_ups"])


def find_urls(text: str) -> list[str]:
    """Links in a text, with or without a scheme ("ups-cn.delivery/abc"), in order."""
    tokens = (t.strip(".,;:!?") for t in _BREAK.split(text))
    return [token for token in tokens if token and _looks_like_url(token)]


def _looks_like_url(token: str) -> bool:
    if scheme := _SCHEME.match(token):
        return len(token) > scheme.end()
    host, *path = re.split(r"[/?#\\]", token, maxsplit=1)
    if "@" in host and not path:
        return False  # an e-mail address, not a link
    return bool(_HOST.fullmatch(host.rpartition("@")[2]))


def check_link(text: str) -> LinkVerdict:
    """The most alarming link's verdict: suspicious > unknown > official; the first of equals."""
    verdicts = [_judge(url) for url in find_urls(text)]
    if not verdicts:
        return LinkVerdict("unknown", "no_link")
    return min(verdicts, key=lambda v: ("suspicious", "unknown", "official").index(v.verdict))


def _judge(url: str) -> LinkVerdict:
    scheme, host, userinfo = _parse(url)
    if userinfo and not _OFFICIAL_HOST.fullmatch(host):
        reason = "userinfo_trick"
    elif _is_ip(host):
        reason = "ip_address"
    elif host in SHORTENERS or registrable_domain(host) in SHORTENERS:
        reason = "shortener"
    elif _OFFICIAL_HOST.fullmatch(host):
        # A bare "ups.com/…" goes to https in a browser; only an explicit other scheme is flagged.
        reason = "official" if scheme in ("https", "") else "not_https"
    else:
        reason = _impersonation(host) or "not_ups"
    verdict = {"official": "official", "not_ups": "unknown"}.get(reason, "suspicious")
    return LinkVerdict(verdict, reason, url, host or None)


def _parse(url: str) -> tuple[str, str, bool]:
    """Scheme, host and userinfo presence as a browser sees them (full-width folded, \\ as /)."""
    folded = unicodedata.normalize("NFKC", url)
    prefix = "" if _SCHEME.match(folded) else "//"
    try:
        parts = urlsplit(prefix + folded.replace("\\", "/"))
        literal = urlsplit(prefix + folded)  # as a person reads it: "evil.cn\\@ups.com"
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return "", "", False
    _, at, hostport = parts.netloc.rpartition("@")
    hostport = unquote(hostport)
    host = hostport[1 : hostport.find("]")] if hostport.startswith("[") else hostport.split(":")[0]
    return parts.scheme.lower(), host.lower().rstrip("."), bool(at) or "@" in literal.netloc


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        # Browsers also accept 3232235777 or 0xC0.0xA8.0.1 as IPv4 addresses.
        return _NUMERIC_HOST.fullmatch(host) is not None
    return True


def _impersonation(host: str) -> str | None:
    """Why `host` poses as UPS, or None when it is simply some other site."""
    decoded = ".".join(_decode_label(label) for label in host.split("."))
    skeleton = decoded.translate(_CONFUSABLES)
    # Homograph: look-alike letters were used, and mapped back to Latin they resemble UPS.
    if skeleton != decoded and (_OFFICIAL_HOST.fullmatch(skeleton) or _ups_like(skeleton)):
        return "homograph"
    return _ups_like(host)


def _decode_label(label: str) -> str:
    try:
        return label[4:].encode("ascii").decode("punycode") if label.startswith("xn--") else label
    except UnicodeError:
        return label


def _ups_like(host: str) -> str | None:
    registrable = registrable_domain(host)
    sub = host.split(".")[: -len(registrable.split("."))]
    if any(pair == ("ups", "com") for pair in zip(sub, sub[1:], strict=False)):
        return "ups_as_subdomain"
    if registrable not in NOT_TYPOSQUATS and 1 <= _distance(registrable, OFFICIAL) <= 2:
        return "typosquat"
    words = [w for label in sub + [registrable.split(".")[0]] for w in re.split(r"[\d_-]+", label)]
    return "lookalike_domain" if any(_baits_ups(word) for word in words) else None


def _baits_ups(word: str) -> bool:
    """'ups', 'upsexpress', 'myups' yes; 'groups', 'upstream', 'startups' no."""
    if word.startswith("ups"):
        return word == "ups" or any(word[3:].startswith(bait) for bait in _BAIT if len(bait) > 1)
    return word.endswith("ups") and word[:-3] in _BAIT


def registrable_domain(host: str) -> str:
    """The part of `host` someone registered: evil.cn for ups.com.evil.cn."""
    labels = host.split(".")
    size = 3 if ".".join(labels[-2:]) in TWO_LEVEL_SUFFIXES else 2
    return ".".join(labels[-size:])


def _distance(a: str, b: str) -> int:
    """Edit distance where swapping two neighbours counts once (usp.com is 1 from ups.com)."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(
                d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]
