"""UPS tracking numbers: find them in pasted text, normalise and validate them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Strong separators: a number never spans them (full-width punctuation included).
_SEPARATORS = re.compile(r"[,;，、；：:。\n\r\t|/]+")
_JOINERS = re.compile(r"[\s\-–—]+")
_ALNUM = re.compile(r"^[A-Z0-9]+$")
_MIN, _MAX = 7, 34

REASONS: dict[str, tuple[str, str]] = {
    "wrong_length": (
        "单号长度不对：以 1Z 开头的 UPS 单号应为 18 位。",
        "Wrong length: UPS numbers starting with 1Z have 18 characters.",
    ),
    "bad_check_digit": (
        "最后一位校验码对不上，可能抄错了某一位，请核对单号。",
        "The check digit does not match; a character was probably mistyped.",
    ),
    "not_ups_format": (
        "这看起来不是 UPS 的跟踪号格式。",
        "This does not look like a UPS tracking number.",
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


def normalize(raw: str) -> str:
    """Upper case ASCII without spaces or hyphens (full-width characters folded)."""
    folded = unicodedata.normalize("NFKC", raw)
    return _JOINERS.sub("", folded).upper()


def _value(char: str) -> int:
    return int(char) if char.isdigit() else (ord(char) - 3) % 10


def _mod10(body: str) -> int:
    """The weighted sum of ups-api.md §7.2: odd positions ×1, even positions ×2."""
    total = sum(_value(c) * (2 if i % 2 else 1) for i, c in enumerate(body))
    return (10 - total % 10) % 10


def is_valid_1z(number: str) -> bool:
    return (
        len(number) == 18
        and number.startswith("1Z")
        and _ALNUM.match(number) is not None
        and number[-1].isdigit()
        and _mod10(number[2:17]) == int(number[-1])
    )


def check_number(raw: str) -> NumberCheck:
    """Validate one candidate: 1Z and waybills by check digit, other UPS formats by shape."""
    number = normalize(raw)
    if number.startswith("1Z"):
        if len(number) != 18 or not _ALNUM.match(number):
            return NumberCheck(raw, number, False, "1z", "wrong_length")
        if not is_valid_1z(number):
            return NumberCheck(raw, number, False, "1z", "bad_check_digit")
        return NumberCheck(raw, number, True, "1z")
    kind = _other_kind(number)
    if kind == "waybill" and _mod10(number[1:10]) != int(number[10]):
        return NumberCheck(raw, number, False, kind, "bad_check_digit")
    if kind is None:
        return NumberCheck(raw, number, False, None, "not_ups_format")
    return NumberCheck(raw, number, True, kind)


def _other_kind(number: str) -> str | None:
    if not _MIN <= len(number) <= _MAX or not _ALNUM.match(number):
        return None
    if re.fullmatch(r"1R[0-9A-Z]{14}|1R[0-9A-Z]{26}", number):
        return "roadie"
    if re.fullmatch(r"[AHJKV]\d{10}", number):
        return "waybill"
    if re.fullmatch(r"T\d{10}", number):
        return "infonotice"
    if re.fullmatch(r"\d{22}|\d{26}|(?:8011|8016)\d{14}", number):
        return "mail_innovations"
    if re.fullmatch(r"\d{12}", number):
        return "infonotice"
    if re.fullmatch(r"\d{7,11}", number):
        return "freight"
    return None


def split_numbers(text: str) -> list[str]:
    """Candidate tokens of pasted text; pieces split by spaces are joined when they form a 1Z."""
    tokens: list[str] = []
    for chunk in _SEPARATORS.split(unicodedata.normalize("NFKC", text)):
        tokens.extend(_chunk_tokens(chunk))
    return tokens


def _chunk_tokens(chunk: str) -> list[str]:
    pieces = [p for p in _JOINERS.split(chunk.strip()) if p]
    tokens, i = [], 0
    while i < len(pieces):
        joined, end = _longest_valid_join(pieces, i)
        if joined:
            tokens.append(joined)
            i = end
            continue
        if any(ch.isdigit() for ch in pieces[i]):
            tokens.append(pieces[i])
        i += 1
    return tokens


def _longest_valid_join(pieces: list[str], start: int) -> tuple[str | None, int]:
    """Join pieces from `start` while the result could still be a number; keep the valid one."""
    first = check_number(pieces[start])
    if first.valid and first.kind == "1z":  # a whole 1Z never absorbs its neighbour
        return None, start
    best: tuple[str | None, int] = (None, start)
    joined = ""
    for end in range(start, min(len(pieces), start + 10)):
        joined += pieces[end].upper()
        if len(joined) > _MAX:
            break
        if end > start and check_number(joined).valid:
            best = (joined, end + 1)
    return best


def parse_numbers(text_or_list: str | list[str]) -> list[NumberCheck]:
    """Checked candidates in input order, duplicates (after normalising) dropped."""
    items = [text_or_list] if isinstance(text_or_list, str) else text_or_list
    seen: set[str] = set()
    checks: list[NumberCheck] = []
    for item in items:
        for token in split_numbers(item):
            check = check_number(token)
            if check.number and check.number not in seen:
                seen.add(check.number)
                checks.append(check)
    return checks


def reason_message(reason: str, lang: str) -> str:
    """Why a number was rejected, for people."""
    zh, en = REASONS.get(reason, REASONS["not_ups_format"])
    return en if lang == "en" else zh


def mask_number(number: str) -> str:
    """'1Z999AA10123456784' → '1Z99…784' for cards that travel."""
    return number if len(number) <= 8 else f"{number[:4]}…{number[-3:]}"
