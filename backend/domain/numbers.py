"""UPS tracking numbers: find them in pasted text, normalise, validate and mask them."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

# Track API limits (docs/ups.md §2); shorter tokens ("共 2 件") are noise.
_MIN, _MAX, _MIN_TOKEN = 7, 34, 4
_VERIFIABLE = {11, 16, 18, 22, 26, 28}  # lengths of waybill, 1R, 1Z and USPS IMpb numbers
# Dashes people (and word processors) put inside numbers; NFKC leaves these alone.
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"), "-")
_JOINERS = re.compile(r"[ \-]+")
_ALNUM = re.compile(r"[0-9A-Z]+")
# A chunk is alphanumeric runs glued by spaces/hyphens; every other character separates numbers.
_CHUNK = re.compile(r"[0-9A-Za-z]+(?:[ \-]+[0-9A-Za-z]+)*")
_PIECE = re.compile(r"[0-9A-Za-z]+")
# What the text joined so far may still grow into (used to stop joining early).
_PREFIX = re.compile(r"1Z[0-9A-Z]{0,16}|1R[0-9A-Z]{0,26}|[AHJKTV]\d{0,10}|\d{1,26}")
_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("roadie", re.compile(r"1R(?:[0-9A-Z]{14}|[0-9A-Z]{26})")),
    ("waybill", re.compile(r"[AHJKTV]\d{10}")),
    ("mail_innovations", re.compile(r"\d{22}|\d{26}|80(?:11|16)\d{14}")),
    ("infonotice", re.compile(r"\d{12}")),
    ("freight", re.compile(r"\d{7,20}")),
)

REASONS: dict[str, tuple[str, str]] = {
    "wrong_length": (
        "位数不对：以 1Z 开头的 UPS 运单号一共 18 位，请检查是否漏输或多输了字符。",
        "Wrong length: a UPS number starting with 1Z has exactly 18 characters.",
    ),
    "bad_check_digit": (
        "校验位对不上，可能有一位抄错了，请对照面单再核对一遍。",
        "The check digit does not match; one character is probably mistyped.",
    ),
    "not_ups_format": (
        "这不像 UPS 的运单号，请确认是不是其他快递公司的运单号。",
        "This does not look like a UPS tracking number; it may belong to another carrier.",
    ),
    "invalid": (
        "运单号无效，请核对后再试。",
        "This tracking number is not valid; please check it.",
    ),
}


@dataclass(frozen=True)
class NumberCheck:
    """One candidate number and the verdict on it."""

    raw: str
    number: str
    valid: bool
    kind: str | None = None  # 1z | waybill | infonotice | freight | mail_innovations | roadie
    reason: str | None = None  # wrong_length | bad_check_digit | not_ups_format


def _fold(text: str) -> str:
    """Full-width to ASCII, odd dashes to '-', and zero-width characters (chat apps add them) out."""
    visible = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return unicodedata.normalize("NFKC", visible.translate(_DASHES))


def normalize(raw: str) -> str:
    """Upper-case ASCII without the spaces and hyphens people put inside numbers."""
    return _JOINERS.sub("", _fold(raw).strip()).upper()


def _value(char: str) -> int:
    return int(char) if char.isdigit() else (ord(char) - 3) % 10


def _ups_check(body: str) -> int:
    """The weighted sum of docs/ups.md §9 (odd positions ×1, even ×2); waybills use it too."""
    total = sum(_value(c) * (2 if i % 2 else 1) for i, c in enumerate(body))
    return (10 - total % 10) % 10


def _usps_check_ok(number: str) -> bool:
    """USPS IMpb mod 10 (weights 3,1 from the right), which Mail Innovations numbers carry."""
    body = number[-2::-1]
    total = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(body))
    return (10 - total % 10) % 10 == int(number[-1])


def is_valid_1z(number: str) -> bool:
    """An 18-character 1Z number whose last character is the right check digit."""
    shaped = len(number) == 18 and number.startswith("1Z") and _ALNUM.fullmatch(number)
    return bool(shaped) and str(_ups_check(number[2:17])) == number[-1]


def _waybill_ok(number: str) -> bool:
    return _ups_check(number[1:10]) == int(number[10])


def check_number(raw: str) -> NumberCheck:
    """Validate one candidate: 1Z and waybills by check digit, the other UPS formats by shape."""
    number = normalize(raw)
    if not _ALNUM.fullmatch(number):
        return NumberCheck(raw, number, False, None, "not_ups_format")
    if number.startswith("1Z"):
        reason = "wrong_length" if len(number) != 18 else "bad_check_digit"
        valid = is_valid_1z(number)
        return NumberCheck(raw, number, valid, "1z", None if valid else reason)
    kind = _kind(number) if _MIN <= len(number) <= _MAX else None
    if kind is None:
        return NumberCheck(raw, number, False, None, "not_ups_format")
    # UPS's site lists T + 10 digits as a trackable shape of its own, so only A/H/J/K/V are checked.
    if kind == "waybill" and number[0] != "T" and not _waybill_ok(number):
        return NumberCheck(raw, number, False, kind, "bad_check_digit")
    return NumberCheck(raw, number, True, kind)


def _kind(number: str) -> str | None:
    return next((kind for kind, shape in _SHAPES if shape.fullmatch(number)), None)


def is_verified(check: NumberCheck) -> bool:
    """Valid and self-proving: a check digit matched, or the unmistakable 1R shape.

    Digit strings without a checksum never are: product barcodes and phone numbers look alike.
    """
    if not check.valid:
        return False
    if check.kind == "waybill":
        return _waybill_ok(check.number)
    if check.kind == "mail_innovations":
        return len(check.number) in (22, 26) and _usps_check_ok(check.number)
    return check.kind in ("1z", "roadie")


def split_numbers(text: str) -> list[str]:
    """Candidate tokens of pasted text, in order (see _token_end for the joining rule)."""
    tokens: list[str] = []
    for chunk in _CHUNK.finditer(_fold(text.replace("\u3000", "\n"))):
        spans = list(_PIECE.finditer(chunk.group()))
        pieces = [span.group().upper() for span in spans]
        start = 0
        while start < len(pieces):
            end = _token_end(pieces, start)
            token = chunk.group()[spans[start].start() : spans[end - 1].end()]
            if any(c.isdigit() for c in token) and len(normalize(token)) >= _MIN_TOKEN:
                tokens.append(token)
            start = end
    return tokens


def _token_end(pieces: list[str], start: int) -> int:
    """Where the token starting at pieces[start] ends: a piece valid alone stands alone;
    else the longest join that is a checksum-verified number; else the 1Z/1R shape rule.
    Digit runs are never joined without a checksum to back the join."""
    if check_number(pieces[start]).valid:
        return start + 1
    best, joined = None, ""
    for end in range(start, len(pieces)):
        joined += pieces[end]
        if not _PREFIX.fullmatch(joined):
            break
        if end > start and len(joined) in _VERIFIABLE and is_verified(check_number(joined)):
            best = end + 1
    return best or _shape_end(pieces, start)


def _shape_end(pieces: list[str], start: int) -> int:
    """A 1Z/1R start takes pieces up to its full length; short of that, up to a valid piece."""
    full = {"1Z": (18,), "1R": (16, 28)}.get(pieces[start][:2])
    if full is None:
        return start + 1
    joined, end, whole, partial = pieces[start], start + 1, None, None
    while end < len(pieces) and _PREFIX.fullmatch(joined + pieces[end]):
        if partial is None and check_number(pieces[end]).valid:
            partial = end  # e.g. "1Z99 K1506235620": the waybill is a number of its own
        joined, end = joined + pieces[end], end + 1
        whole = end if len(joined) in full else whole
    return whole or partial or end


def parse_numbers(text_or_list: str | list[str]) -> list[NumberCheck]:
    """Checked candidates in input order; a repeat of a normalised number is dropped."""
    if isinstance(text_or_list, str):
        return list(_parse_text(text_or_list))
    return _parse(text_or_list)


# The same few texts come back all the time (a parcel's page refreshed, a shared card opened),
# and splitting them is a good part of a cached lookup's cost. NumberChecks are immutable.
@functools.lru_cache(maxsize=1024)
def _parse_text(text: str) -> tuple[NumberCheck, ...]:
    return tuple(_parse([text]))


def _parse(items: list[str]) -> list[NumberCheck]:
    seen: set[str] = set()
    checks: list[NumberCheck] = []
    for token in (token for item in items for token in split_numbers(item)):
        check = check_number(token)
        if check.number not in seen:
            seen.add(check.number)
            checks.append(check)
    return checks


def reason_message(reason: str, lang: str) -> str:
    """Why a number was rejected, for people; unknown reasons get a generic text."""
    zh, en = REASONS.get(reason, REASONS["invalid"])
    return en if lang.lower().startswith("en") else zh


def mask_number(number: str) -> str:
    """'1Z999AA10123456784' → '1Z99…784' for cards that travel beyond their owner."""
    clean = normalize(number)
    if len(clean) <= _MIN:  # 4 + 3 would show every character of a short number
        return f"{clean[:2]}…{clean[-1:]}" if len(clean) > 3 else "…"
    return f"{clean[:4]}…{clean[-3:]}"
