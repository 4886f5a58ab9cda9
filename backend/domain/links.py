"""Phishing check: does a link (or every link in an SMS) point at ups.com or a look-alike?"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

OFFICIAL = "ups.com"
# Hosts whose only job is to hide where a link goes.
SHORTENERS = {
    "t.cn", "bit.ly", "tinyurl.com", "url.cn", "dwz.cn", "suo.im", "is.gd", "goo.gl", "t.co",
    "ow.ly", "rebrand.ly", "cutt.ly", "s.id", "v.gd", "u.nu", "w.url.cn", "sohu.gg", "m6z.cn",
}  # fmt: skip
# Second-level suffixes under which the registrable domain has three labels.
TWO_LEVEL_SUFFIXES = {
    "com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn", "ac.cn", "co.uk", "org.uk", "com.hk",
    "com.tw", "com.au", "co.jp", "co.kr", "com.sg", "com.my",
}  # fmt: skip
_URL = re.compile(
    r"(?:https?://[^\s<>\"'，。、）)]+)|(?:\b(?:[a-z0-9\u00a1-\uffff-]+\.)+[a-z\u00a1-\uffff-]{2,}(?::\d+)?(?:/[^\s<>\"'，。、）)]*)?)",
    re.IGNORECASE,
)

REASONS: dict[str, tuple[str, str]] = {
    "official": ("这是 UPS 官方网站 ups.com 的安全链接。", "This is a secure link on UPS's official site, ups.com."),
    "not_https": ("域名是 ups.com，但没有使用加密的 https，请改用 https 访问。", "The domain is ups.com but the link is not encrypted (no https); use https instead."),
    "ups_as_subdomain": ("ups.com 只是这个网址的前缀，真正的网站是另一个域名，很可能是钓鱼。", "ups.com is only a prefix here; the real site is another domain, very likely phishing."),
    "lookalike_domain": ("域名里带有 ups，但不是 ups.com，很可能是仿冒网站。", "The domain contains 'ups' but is not ups.com; it is probably an imitation."),
    "typosquat": ("域名和 ups.com 只差一两个字母，是常见的仿冒手法。", "The domain differs from ups.com by a letter or two, a common impersonation trick."),
    "homograph": ("域名使用了与英文字母相似的特殊字符，伪装成 ups.com。", "The domain uses look-alike characters to pose as ups.com."),
    "ip_address": ("链接直接指向 IP 地址，正规快递公司不会这样发链接。", "The link points at a bare IP address; real carriers never send links like that."),
    "shortener": ("这是短链接，看不出真实去向，请不要点击，直接在 ups.com 查询。", "This is a short link that hides where it goes; do not open it, track on ups.com instead."),
    "userinfo_trick": ("网址用 @ 把真实网站藏在后面，这是典型的钓鱼手法。", "The address hides the real site after an @ sign, a classic phishing trick."),
    "not_ups": ("这个链接不是 UPS 的网站。UPS 唯一的官方域名是 ups.com。", "This link is not a UPS site. UPS's only official domain is ups.com."),
    "no_link": ("没有找到链接。UPS 唯一的官方域名是 ups.com。", "No link found. UPS's only official domain is ups.com."),
}  # fmt: skip

_SEVERITY = ["userinfo_trick", "homograph", "ups_as_subdomain", "lookalike_domain", "typosquat",
             "ip_address", "shortener", "not_https"]  # fmt: skip


@dataclass(frozen=True)
class LinkVerdict:
    verdict: str  # official | suspicious | unknown
    reason: str
    url: str | None = None
    host: str | None = None


def reason_text(reason: str, lang: str) -> str:
    zh, en = REASONS[reason]
    return en if lang == "en" else zh


def find_urls(text: str) -> list[str]:
    return [m.group(0).rstrip(".,;!?") for m in _URL.finditer(unicodedata.normalize("NFC", text))]


def check_link(text: str) -> LinkVerdict:
    """The verdict on the most dangerous link in `text` (a URL or a whole message)."""
    verdicts = [_check_url(url) for url in find_urls(text)]
    if not verdicts:
        return LinkVerdict("unknown", "no_link")
    suspicious = [v for v in verdicts if v.verdict == "suspicious"]
    if suspicious:
        return min(suspicious, key=lambda v: _SEVERITY.index(v.reason))
    return next((v for v in verdicts if v.verdict == "official"), verdicts[0])


def _check_url(url: str) -> LinkVerdict:
    parts = urlsplit(url if "://" in url else "http://" + url)
    host = (parts.hostname or "").rstrip(".").lower()
    scheme_given = "://" in url

    def verdict(kind: str, reason: str) -> LinkVerdict:
        return LinkVerdict(kind, reason, url, host)

    if "@" in parts.netloc:
        return verdict("suspicious", "userinfo_trick")
    if _is_ip(host):
        return verdict("suspicious", "ip_address")
    if host.startswith("xn--") or ".xn--" in host or not host.isascii():
        return verdict("suspicious", "homograph")
    if host in SHORTENERS:
        return verdict("suspicious", "shortener")
    if host == OFFICIAL or host.endswith("." + OFFICIAL):
        # A bare "ups.com/..." in a message opens over https (ups.com enforces HSTS).
        if scheme_given and parts.scheme != "https":
            return verdict("suspicious", "not_https")
        return verdict("official", "official")
    return _lookalike(host, verdict)


def _lookalike(host: str, verdict) -> LinkVerdict:
    if host.startswith(OFFICIAL + ".") or f".{OFFICIAL}." in host:
        return verdict("suspicious", "ups_as_subdomain")
    registrable = registrable_domain(host)
    name = registrable.split(".")[0]
    if "ups" in name or "ups" in host.removesuffix(registrable).split("."):
        return verdict("suspicious", "lookalike_domain")
    if 0 < _distance(registrable, OFFICIAL) <= 2 or _distance(name, "ups") == 1:
        return verdict("suspicious", "typosquat")
    return verdict("unknown", "not_ups")


def registrable_domain(host: str) -> str:
    labels = host.split(".")
    size = 3 if ".".join(labels[-2:]) in TWO_LEVEL_SUFFIXES else 2
    return ".".join(labels[-size:])


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def _distance(a: str, b: str) -> int:
    """Levenshtein distance, small strings only."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]
