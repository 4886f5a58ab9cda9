"""UPS tracking numbers inside a scanned barcode payload (Code 128, MaxiCode, PDF417, URLs)."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote, urlsplit

from backend.domain.numbers import check_number, normalize

# ANSI MH10.8.3 structured messages: "[)>" RS "01" GS "96" ... fields by GS, records by RS.
# Scanners sometimes print the control characters as text instead.
_CONTROL_TEXT = re.compile(r"<RS>|<GS>|<EOT>|\\x1[de]|\\x04|\^|\x1d|\x1e|\x04", re.IGNORECASE)
_ONE_Z = re.compile(r"1Z[0-9A-Z]{16}")
_WHOLE = re.compile(r"^[0-9A-Z]{7,34}$")
# Retail product codes (EAN-13, UPC-A, EAN-8) look like UPS numeric formats; never take them.
_RETAIL = re.compile(r"^\d{8}$|^\d{12,13}$")
_URL_KEYS = (
    "tracknum",
    "trackingnumber",
    "inquirynumber",
    "inquirynumber1",
    "tracking",
    "number",
    "n",
)


def numbers_in_scan(payload: str) -> list[str]:
    """Valid UPS numbers found in `payload`, in order, without duplicates."""
    text = (payload or "").strip()
    if not text:
        return []
    if re.match(r"^[a-z][a-z0-9+.-]*://", text, re.IGNORECASE):
        candidates = _from_url(text)
    else:
        candidates = _from_fields(text)
    found: list[str] = []
    for candidate in candidates:
        number = normalize(candidate)
        if number not in found and _acceptable(number):
            found.append(number)
    return found


def _acceptable(number: str) -> bool:
    check = check_number(number)
    if not check.valid:
        return False
    # Plain digit strings are only trusted when they are long structured UPS numbers; a bare
    # 12/13-digit code is almost always a product barcode.
    return check.kind != "freight" and not _RETAIL.match(number)


def _from_url(url: str) -> list[str]:
    parts = urlsplit(url)
    params = parse_qsl(parts.query, keep_blank_values=False)
    named = [v for k, v in params if k.lower() in _URL_KEYS]
    words = re.split(r"[/,;=&\s]+", unquote(parts.path + "?" + parts.query))
    return [*named, *[w for w in words if w.upper().startswith("1Z")]]


def _from_fields(text: str) -> list[str]:
    """Each field (or the whole text) yields its embedded 1Z numbers, else itself."""
    fields = [f for f in _CONTROL_TEXT.split(text) if f.strip()]
    found: list[str] = []
    for field in fields:
        squeezed = re.sub(r"[\s-]+", "", field).upper()
        found.extend(_ONE_Z.findall(squeezed) or ([squeezed] if _WHOLE.match(squeezed) else []))
    return found
