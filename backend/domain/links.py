"""Phishing check: does a link, or any link in a pasted SMS, really point at ups.com?"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

from backend.domain.browser_host import label_to_unicode, parse_link

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
# Where a link may start and where its path ends: spaces, CJK, quotes, brackets, full-width
# punctuation (not "．"/"＠": browsers fold them). A host does not end there (_HOST_END).
_BREAKS = r"\s\u2018-\u201f\u2026\u2e80-\u9fff\uac00-\ud7af\uff01-\uff0d\uff0f\uff1a-\uff1f\uff3b-\uff40\uff5b-\uff65<>\"'(){}"
_BREAK, _WORD = re.compile(f"[{_BREAKS}]"), re.compile(f"[^{_BREAKS}]+")
# A browser keeps everything in a host up to "/?#\\": Chinese text and full-width punctuation
# after "ups.com" are part of the host it opens. In a message, whitespace and quotes also end
# a link (what follows them is judged as a link of its own, if it is one).
_HOST_END = re.compile(r"[/\\?#\s\"'<>\u2018-\u201f\u300c-\u300f]")
_TRAILING = ".,;:!?，。；：！？、"  # sentence punctuation after a link is not part of it
_DOTS = ".。｡．"  # UTS #46 maps them all to "."
_TO_DOT = str.maketrans("。｡．", "...")
_PATH_START = re.compile(r"[/?#\\]")
_WORD_GLUE = re.compile(r"[\d_-]+")  # "ups-cn2" -> "ups", "cn"
# Browsers drop tabs and line breaks inside a URL; beside a dot they split a host in two.
_SPLIT_HOST = re.compile(r"[\t\r\n]+(?=[.。｡．])|(?<=[.。｡．])[\t\r\n]+")
# Chinese, Japanese or Korean letters that form a whole label before a dot ("快递查询.top").
_CJK_LABEL = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]+$")
_SCHEME = re.compile(r"(?:https?|wss?|ftp|file):[/\\]*|[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_HOST = re.compile(r"(?:[\w-]+\.)+(?:[^\W\d_]{2,}|xn--[\w-]+)\.?(?::\d+)?|(?:\d+\.){3}\d+(?::\d+)?")
# ups.com with text glued to it ("ups.com，请", "ups.com。谢谢"): what follows is no label of
# ups.com's own (letters, digits, hyphen), so the browser opens another host.
_GLUED = re.compile(r"(?:[^.]+\.)*ups\.com(?=[^a-z0-9-])(?P<rest>.*)")

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
    "glued_text": "“ups.com”后面紧跟着其他文字，浏览器会把它们当作网址的一部分，打开的就不是 ups.com。请不要直接点开，需要查询时请手动输入 https://www.ups.com。",
    "encoded_host": "网址的域名部分用 % 编码藏了字符，不同的软件会把它读成不同的网站。正规网站的链接不会这样写，请不要打开。",
    "unclear_host": "这个网址的域名里有浏览器不接受的字符，无法确定它会打开哪个网站。请不要点开，需要查询时请手动输入 https://www.ups.com。",
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
    "glued_text": "Other text follows “ups.com” directly, and a browser takes it as part of the address, so the link does not open ups.com. Do not tap it; type https://www.ups.com yourself.",
    "encoded_host": "The domain of this address hides characters behind % codes, so different apps read it as different sites. Real sites never write links this way; do not open it.",
    "unclear_host": "The domain of this address contains characters browsers refuse, so there is no telling which site it opens. Do not tap it; type https://www.ups.com yourself.",
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
    """Links in a text, with or without a scheme ("ups-cn.delivery/abc"), in order.

    A link starts where the text around it breaks; its host runs on as far as a browser
    reads it (Chinese text included) and its path ends at the next break.
    """
    text = _SPLIT_HOST.sub("", text)
    urls: list[str] = []
    for word in _WORD.finditer(text):
        start = word.start() + len(word.group()) - len(word.group().lstrip(_TRAILING))
        before = max(0, word.start() - 63)  # a label has at most 63 characters
        if word.group()[0] in _DOTS and (label := _CJK_LABEL.search(text, before, word.start())):
            start = label.start()  # "快递查询.top": the label before the dot is Chinese
        token = text[start : word.end()].rstrip(_TRAILING)
        # Words inside a host that ran on are judged too: "ups.com、ups-fee.top" is read as
        # one host by a browser and as ups-fee.top by a person.
        if token and _looks_like_url(token):
            end = _link_end(text, start)
            urls.append(text[start:end].rstrip(_TRAILING))
    return urls


def _link_end(text: str, start: int) -> int:
    """Where the link starting at `start` ends: after its host, then its path if any."""
    scheme = _SCHEME.match(text, start)
    host_end = _HOST_END.search(text, scheme.end() if scheme else start)
    if host_end is None:
        return len(text)
    if text[host_end.start()] not in "/\\?#":
        return host_end.start()
    path_end = _BREAK.search(text, host_end.start())
    return path_end.start() if path_end else len(text)


def _looks_like_url(token: str) -> bool:
    token = token.translate(_TO_DOT)
    if scheme := _SCHEME.match(token):
        return len(token) > scheme.end()
    host, *path = _PATH_START.split(token, maxsplit=1)
    if "@" in host and not path:
        return False  # an e-mail address, not a link
    return bool(_HOST.fullmatch(host.rpartition("@")[2]))


def check_link(text: str, single: bool = False) -> LinkVerdict:
    """The most alarming link's verdict: suspicious > unknown > official; the first of equals.

    `single`: `text` was given as one URL. If it is one, it is read whole, as a browser's
    address bar does (tabs and line breaks dropped); otherwise it is read as a message.
    """
    link = re.sub(r"[\t\r\n]", "", text).strip("\x00- ")
    urls = [link] if single and _looks_like_url(link) else find_urls(text)
    verdicts = [_judge(url) for url in urls]
    if not verdicts:
        return LinkVerdict("unknown", "no_link")
    return min(verdicts, key=lambda v: ("suspicious", "unknown", "official").index(v.verdict))


_UNKNOWN = frozenset({"not_ups", "glued_text", "unclear_host"})


def _judge(url: str) -> LinkVerdict:
    link = parse_link(url)
    host = link.host
    official = host is not None and _OFFICIAL_HOST.fullmatch(host) is not None
    if link.userinfo and not official:
        reason = "userinfo_trick"
    elif link.percent:
        reason = "encoded_host"  # decoded differently by different apps; never in real links
    elif host is None:
        reason = "unclear_host"
    elif _is_ip(host):
        reason = "ip_address"
    elif host in SHORTENERS or registrable_domain(host) in SHORTENERS:
        reason = "shortener"
    elif official:
        # A bare "ups.com/…" goes to https in a browser; only an explicit other scheme is flagged.
        reason = "official" if link.scheme in ("https", "") else "not_https"
    else:
        reason = _glued(host) or _impersonation(host) or "not_ups"
    verdict = (
        "official" if reason == "official" else "unknown" if reason in _UNKNOWN else "suspicious"
    )
    return LinkVerdict(verdict, reason, url, host)


def _glued(host: str) -> str | None:
    """'glued_text' when text was glued to ups.com ("ups.com，请尽快", "ups.com。谢谢") and the
    host it makes ends in no ASCII top-level domain. When it does ("ups.com、evil.top",
    "ups.com。evil。top"), the impersonation checks name the trick instead."""
    match = _GLUED.fullmatch(_unicode(host))
    if match is None:
        return None
    rest = match.group("rest")
    has_tld = "." in rest and re.fullmatch(r"[a-z]{2,63}", rest.rpartition(".")[2]) is not None
    return None if has_tld else "glued_text"


def _unicode(host: str) -> str:
    return ".".join(label_to_unicode(label) for label in host.split("."))


def _is_ip(host: str) -> bool:
    """parse_link already wrote 3232235777 or 0xC0.0xA8.0.1 as a dotted address."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _impersonation(host: str) -> str | None:
    """Why `host` poses as UPS, or None when it is simply some other site."""
    decoded = _unicode(host)
    skeleton = decoded.translate(_CONFUSABLES)
    # Homograph: look-alike letters were used, and mapped back to Latin they resemble UPS.
    if skeleton != decoded and (_OFFICIAL_HOST.fullmatch(skeleton) or _ups_like(skeleton)):
        return "homograph"
    return _ups_like(host)


def _ups_like(host: str) -> str | None:
    registrable = registrable_domain(host)
    sub = host.split(".")[: -len(registrable.split("."))]
    if any(pair == ("ups", "com") for pair in zip(sub, sub[1:], strict=False)):
        return "ups_as_subdomain"
    if registrable not in NOT_TYPOSQUATS and 1 <= _distance(registrable, OFFICIAL) <= 2:
        return "typosquat"
    words = [w for label in sub + [registrable.split(".")[0]] for w in _WORD_GLUE.split(label)]
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
    if abs(len(a) - len(b)) > 2:
        return 3  # at least that many edits; the callers only ask about 1 or 2
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(
                d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]
