"""Pure mapping of what a Track answer says about delivery proof and money owed."""

from __future__ import annotations

import base64
import binascii
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from backend.adapters.ups import values as v
from backend.domain.model import Charge
from backend.domain.photos import MAX_PHOTO_BYTES, is_acceptable_photo

# Base64 of MAX_PHOTO_BYTES, plus line breaks a sender may add: longer text is not decoded.
_MAX_PHOTO_TEXT = MAX_PHOTO_BYTES * 4 // 3 + 4096
_DATA_URL = re.compile(r"^data:image/[a-z]+;base64,", re.IGNORECASE)
_CURRENCY = re.compile(r"^[A-Z]{3}$")


def decode_photo(value: Any) -> bytes | None:
    """A base64 JPEG (as Track and Track Alert enhanced send it) as bytes; None when blank,
    not base64, not a JPEG, or larger than we keep. Placeholders ("string") fall out here."""
    text = value.strip() if isinstance(value, str) else ""
    if not text or len(text) > _MAX_PHOTO_TEXT:
        return None
    text = "".join(_DATA_URL.sub("", text).split())
    try:
        data = base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None
    return data if is_acceptable_photo(data) else None


def photo_state(delivery: dict, kept: bool) -> str | None:
    """ "available" when we hold UPS's photo, "at_ups" when UPS says it took one we do not
    hold, else None.

    photoDispositionCode N (not viewable) and U (not stored) mean nobody can see one. A
    capture flag Y with V or no code (issue #39: Y/V and no photo string) means UPS has it;
    an unknown code with Y is read the same way: a photo exists somewhere at UPS.
    """
    if kept:
        return "available"
    photo = v.as_dict(delivery.get("deliveryPhoto"))
    captured = v.text(photo.get("photoCaptureInd")).upper() == "Y"
    disposition = v.text(photo.get("photoDispositionCode")).upper()
    if captured and disposition not in ("N", "U"):
        return "at_ups"
    return None


def package_photo(package: dict) -> bytes | None:
    """The photo bytes in a package's deliveryInformation, when UPS sent usable ones."""
    delivery = v.as_dict(package.get("deliveryInformation"))
    return decode_photo(v.as_dict(delivery.get("deliveryPhoto")).get("photo"))


def _amount(value: Any) -> str | None:
    """ "243.5" -> "243.50"; None for anything that is not a non-negative amount."""
    try:
        amount = Decimal(v.text(value))
    except InvalidOperation:
        return None
    if not amount.is_finite() or amount < 0 or amount > 10**9:
        return None
    return f"{amount.quantize(Decimal('0.01'))}"


def _paid(value: Any) -> bool:
    """A boolean per the spec; "true"/"Y" strings are read as such, anything else unpaid."""
    if isinstance(value, bool):
        return value
    return v.text(value).lower() in ("true", "y", "yes", "1")


def charges(package: dict) -> tuple[Charge, ...]:
    """paymentInformation[] as Charges; entries without a valid amount are skipped."""
    found = []
    for item in v.as_dicts(package.get("paymentInformation")):
        amount = _amount(item.get("amount"))
        currency = v.text(item.get("currency")).upper()
        if amount is None or not _CURRENCY.match(currency):
            continue
        found.append(Charge(v.text(item.get("type")), amount, currency, _paid(item.get("paid"))))
    return tuple(found)
