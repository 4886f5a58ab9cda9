"""UPS tracking numbers inside a scanned barcode payload (Code 128, MaxiCode, PDF417, QR URLs)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote_plus, urlsplit

from backend.domain.numbers import check_number, is_valid_1z, is_verified, normalize, split_numbers

RS, GS, EOT = "\x1e", "\x1d", "\x04"
# Scanners and apps that cannot show control characters print them as text instead.
_ALIASES = (
    (GS, re.compile(r"<GS>|\[GS\]|\\x1d|\\u001d|\u241d", re.IGNORECASE)),
    (RS, re.compile(r"<RS>|\[RS\]|\\x1e|\\u001e|\u241e", re.IGNORECASE)),
    (EOT, re.compile(r"<EOT>|\[EOT\]|\\x04|\\u0004|\u2404", re.IGNORECASE)),
)
_FIELD_BREAK = re.compile(r"[\x1d\x1e\x04]")
_URL = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+$", re.IGNORECASE)
_EMBEDDED_1Z = re.compile(r"(?=(1Z[0-9A-Z]{16}))")  # lookahead: overlapping candidates
_FRAGMENT = re.compile(r"1Z[0-9A-Z]{8}")
_SHIPPER = re.compile(r"[0-9A-Z]{6}")
_SERVICE_CLASS = re.compile(r"\d{3}")


def numbers_in_scan(payload: str) -> list[str]:
    """Verified UPS numbers in a scanned payload, in order of appearance, each once.

    Only self-proving numbers count (a matching check digit, or the 1R shape): a product
    EAN/UPC, a postal-code barcode or a stray QR code must not turn into a parcel.
    """
    fields = _FIELD_BREAK.split(_restore_controls(payload or ""))
    found: list[str] = []
    for index, field in enumerate(fields):
        for number in (*_field_numbers(field), *_maxicode_number(fields, index)):
            if number not in found:
                found.append(number)
    return found


def _restore_controls(payload: str) -> str:
    text = payload
    for char, alias in _ALIASES:
        text = alias.sub(char, text)
    # Some keyboard-wedge scanners type every control character of a structured message as "^".
    return text.replace("^", GS) if "[)>" in text else text


def _field_numbers(field: str) -> list[str]:
    text = field.strip()
    if _URL.match(text):
        # Only the path, query and fragment can hold a number; the host never does.
        parts = urlsplit(text if "://" in text else "//" + text)
        text = unquote_plus(f"{parts.path} {parts.query} {parts.fragment}")
    numbers = [n for token in split_numbers(text) for n in _verified(normalize(token))]
    # Fields glued to their neighbours ("96" header, escape text) hide a 1Z inside a longer run.
    return numbers or [n for n in _EMBEDDED_1Z.findall(normalize(text)) if is_valid_1z(n)]


def _verified(number: str) -> Iterator[str]:
    """The number itself, or a USPS IMpb behind a GS1 "420" + ZIP routing prefix."""
    variants = [number]
    if number.isdigit() and number.startswith("420") and len(number) > 26:
        variants += [number[8:], number[12:]]  # "420" + 5- or 9-digit ZIP glued on (FNC1 lost)
    yield from (v for v in variants if is_verified(check_number(v)))


def _maxicode_number(fields: list[str], index: int) -> list[str]:
    """Rebuild the 1Z that a UPS MaxiCode splits up: [service class, 1Z + last 8, UPSN, shipper].

    The full number is 1Z + shipper account + the service class's last two digits + the last
    8 characters; it is kept only when its check digit confirms the reconstruction.
    """
    fragment = normalize(fields[index])
    if not _FRAGMENT.fullmatch(fragment) or index == 0 or index + 1 >= len(fields):
        return []
    carrier = normalize(fields[index + 1])
    following = normalize(fields[index + 2]) if index + 2 < len(fields) else ""
    shipper = carrier[4:] or following  # the GS after "UPSN" is optional
    service = normalize(fields[index - 1])
    if not (carrier.startswith("UPSN") and _SHIPPER.fullmatch(shipper)):
        return []
    if not _SERVICE_CLASS.fullmatch(service):
        return []
    number = f"1Z{shipper}{service[-2:]}{fragment[2:]}"
    return [number] if is_valid_1z(number) else []
