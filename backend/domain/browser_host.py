"""The host a browser opens for a link, by the WHATWG URL rules (what Chrome, Safari, Firefox
and Node's `URL` implement), reduced to what the phishing check judges.

A browser drops tabs and newlines anywhere in a URL, treats "\\" as "/" in http(s) links,
splits userinfo at the last "@", percent-decodes the host, and maps it with UTS #46 (the
`idna` package: "。", "｡" and "．" become ".", full-width letters fold, invisible characters
vanish) before Punycode. Judging any other reading of the host judges a site nobody visits.
tests/unit/test_browser_host.py compares every answer with Node's `URL`.
"""

from __future__ import annotations

import functools
import ipaddress
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote

import idna

SPECIAL_SCHEMES = frozenset({"http", "https", "ws", "wss", "ftp", "file"})
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
# A host may not contain these once mapped (WHATWG "forbidden domain code points").
_FORBIDDEN = re.compile(r"[\x00-\x20#/:<>?@\[\\\]^|%\x7f]")
_JOINERS = re.compile("[\u200c\u200d]")
# DNS names are at most 253 characters; a longer host resolves nowhere. Refusing it before
# the mapping (a Python loop per character) keeps a message of many run-on hosts cheap.
MAX_HOST_CHARS = 253


@dataclass(frozen=True)
class BrowserLink:
    """What a browser makes of a link's start.

    host: lowercase ASCII (Punycode) without a trailing dot; None when a browser refuses the
    host, so the link opens nothing predictable. userinfo: credentials precede an "@", hiding
    the real host behind a decoy. percent: the host was written with %-escapes.
    """

    scheme: str  # "" when the link has none (browsers then assume http or https)
    host: str | None
    userinfo: bool
    percent: bool


def parse_link(link: str) -> BrowserLink:
    """Scheme, host and decoys of `link` as a browser reads them; `link` may lack a scheme."""
    link = _TAB_OR_NEWLINE.sub("", link).strip("\x00- ")
    scheme, rest = "", link
    if (match := _SCHEME.match(link)) and match.group(1).lower() in SPECIAL_SCHEMES:
        scheme, rest = match.group(1).lower(), link[match.end() :]
    elif match and link[match.end() : match.end() + 2] == "//":
        scheme, rest = match.group(1).lower(), link[match.end() :]
        # Other schemes: only "//" starts an authority, and "\\" is an ordinary character.
        return _from_authority(scheme, rest[2:], re.compile(r"[/?#]"))
    return _from_authority(scheme, rest.lstrip("/\\"), re.compile(r"[/\\?#]"))


def _from_authority(scheme: str, rest: str, ends: re.Pattern[str]) -> BrowserLink:
    authority = rest[: m.start()] if (m := ends.search(rest)) else rest
    # People read "\\" as part of the name, so "evil.cn\\@ups.com" looks like credentials too.
    literal = rest[: m.start()] if (m := re.search(r"[/?#]", rest)) else rest
    userinfo, at, hostport = authority.rpartition("@")
    decoy = bool(at) or "@" in literal or "＠" in hostport
    raw, port = _split_port(hostport)
    host = _host(raw) if re.fullmatch(r"[0-9]*", port) and int(port or 0) < 65536 else None
    return BrowserLink(scheme, host, decoy, "%" in raw)


def _split_port(hostport: str) -> tuple[str, str]:
    """Host and port: split at the first ":" outside an IPv6 literal's brackets."""
    if hostport.startswith("[") and (end := hostport.find("]")) >= 0:
        host, rest = hostport[: end + 1], hostport[end + 1 :]
        return (host, rest[1:]) if rest.startswith(":") or not rest else (hostport, "x")
    host, _, port = hostport.partition(":")
    return host, port


def _host(raw: str) -> str | None:
    if raw.startswith("["):
        try:
            return str(ipaddress.IPv6Address(raw[1:-1])) if raw.endswith("]") else None
        except ValueError:
            return None
    if not raw or len(raw) > MAX_HOST_CHARS:
        return None
    ascii_host = domain_to_ascii(unquote(raw, errors="replace"))
    if ascii_host is None:
        return None
    if _ends_in_a_number(ascii_host):
        return _ipv4(ascii_host)
    return ascii_host[:-1] if ascii_host.endswith(".") else ascii_host


def _ends_in_a_number(host: str) -> bool:
    labels = host.split(".")
    last = labels[-2] if labels[-1] == "" and len(labels) > 1 else labels[-1]
    return last.isdigit() or bool(re.fullmatch(r"0[xX][0-9A-Fa-f]*", last))


def _ipv4(host: str) -> str | None:
    """Browsers read 3232235777, 0xC0.0xA8.0.1 and 192.168.1.1 alike; None if invalid."""
    parts = host.split(".")
    if parts[-1] == "" and len(parts) > 1:
        parts.pop()
    if len(parts) > 4:
        return None
    parsed = [_ipv4_number(part) for part in parts]
    numbers = [n for n in parsed if n is not None]
    if len(numbers) < len(parsed) or any(n > 255 for n in numbers[:-1]):
        return None
    *head, last = numbers
    if last >= 256 ** (5 - len(numbers)):
        return None
    value = last + sum(n << (8 * (3 - i)) for i, n in enumerate(head))
    return str(ipaddress.IPv4Address(value))


def _ipv4_number(part: str) -> int | None:
    text, base = part, 10
    if text[:2].lower() == "0x":
        text, base = text[2:], 16
    elif len(text) > 1 and text.startswith("0"):
        text, base = text[1:], 8
    if not text:
        return 0
    try:
        return int(text, base) if text.isascii() and text.isalnum() else None
    except ValueError:
        return None


class _Uts46Table(dict[int, str]):
    """Code point -> its UTS #46 mapping, for str.translate, filled as characters appear.

    idna.uts46_remap maps character by character, then normalizes to NFC; doing the same
    through translate runs in C once a character is known. A character UTS #46 disallows
    maps to NUL, which no host may contain. At most 10,000 entries are kept.
    """

    def __missing__(self, code_point: int) -> str:
        try:
            value = idna.uts46_remap(chr(code_point), std3_rules=False, transitional=False)
        except idna.IDNAError:
            value = "\x00"
        if len(self) < 10_000:
            self[code_point] = value
        return value


_UTS46 = _Uts46Table()


def domain_to_ascii(domain: str) -> str | None:
    """UTS #46 ToASCII as browsers run it (non-transitional, no STD3 rules); None on failure."""
    mapped = unicodedata.normalize("NFC", domain.translate(_UTS46))
    if "\x00" in mapped:
        return None
    labels = []
    for label in mapped.split("."):
        if label.isascii():
            if label.lower().startswith("xn--") and not _valid_punycode(label):
                return None
            labels.append(label)
        elif _JOINERS.search(label):
            return None  # browsers allow joiners only in contexts a link never needs
        else:
            labels.append(_to_punycode(label))
    ascii_host = ".".join(labels)
    return None if _FORBIDDEN.search(ascii_host) else ascii_host


# Punycode is a pure-Python codec, slow on long labels. A message with many hosts that run
# on into each other repeats the same labels, so they are converted once (tests/bench/links.py).
@functools.lru_cache(maxsize=4096)
def _to_punycode(label: str) -> str:
    return "xn--" + label.encode("punycode").decode("ascii")


@functools.lru_cache(maxsize=4096)
def label_to_unicode(label: str) -> str:
    """'xn--66tn1pyo5aqrd' -> '快递查询'; other labels, and broken Punycode, unchanged."""
    if not label.lower().startswith("xn--"):
        return label
    try:
        return label[4:].encode("ascii").decode("punycode")
    except UnicodeError:
        return label


def _valid_punycode(label: str) -> bool:
    decoded = label_to_unicode(label)
    if not decoded or decoded.isascii():
        return False
    try:  # what the label stands for must itself be a valid, already mapped label
        return idna.uts46_remap(decoded, std3_rules=False, transitional=False) == decoded
    except idna.IDNAError:
        return False
