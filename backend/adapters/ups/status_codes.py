"""UPS status triples to our Status.

A known 3-digit statusCode decides (its wording may sharpen it). Without one, UPS's own
wording of the event decides before the 2-letter activity code, which UPS reuses across
statusCodes: "Your package has cleared customs and is on the way" with code VK and the
unlisted statusCode 134 is cleared, not clearance in progress. The type comes last.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import Counter

from backend.adapters.ups.status_tables import ACTIVITY_CODES, PAIRS, STATUS_CODES, TYPES
from backend.domain.statuses import Status

log = logging.getLogger(__name__)

S = Status

# Kept importable from here: other modules and tests name the tables through this module.
__all__ = ["ACTIVITY_CODES", "PAIRS", "STATUS_CODES", "TYPES", "map_status", "unknown_codes"]

# Attempts have statusCodes (022-024, 060-062, 066), but legacy captures and Track Alert report
# them as type X exceptions whose text mentions the attempt, so the wording also decides.
_ATTEMPT_WORDS = (
    r"delivery attempt|attempted (to )?deliver|(second|third|final|2nd|3rd) (delivery )?attempt"
    r"|not available for delivery|(business|location) was closed"
    # zh_CN wording: UPS translates descriptions, and an attempt has no code of its own.
    r"|派送未成功|未能派送|未能投递|尝试派送|再次派送|无人签收|收件人不在"
)

# "will be returned ... if not collected" is a warning, not a return (and return is final).
_RETURN_WORDS = (
    r"(?<!be )returned to (the )?(sender|shipper)|returning to (the )?(sender|shipper)"
    r"|正在退回|已退回(发件人|寄件人)"
)

# "cleared customs", "released by the customs agency"; not "pending release" nor "not cleared".
_CLEARED_WORDS = r"(?<!not )\b(released|cleared)\b|清关完成|已清关|海关放行|已放行"

# Wording, first match wins; consulted when no known statusCode speaks. Most patterns are
# English; the attempt, return and customs ones also know UPS's Chinese wording.
WORDS: list[tuple[re.Pattern[str], Status]] = [
    (re.compile(pattern, re.IGNORECASE), status)
    for pattern, status in [
        (_ATTEMPT_WORDS, S.DELIVERY_ATTEMPTED),
        (r"picked up by (the )?(receiver|customer|consignee)", S.DELIVERED),
        (r"access point|held for (customer )?pick ?up|ready for pick ?up", S.READY_FOR_PICKUP),
        (r"^(package )?delivered\b", S.DELIVERED),
        (r"out for delivery|on (the|a) delivery vehicle|driver is arriving", S.OUT_FOR_DELIVERY),
        (_RETURN_WORDS, S.RETURNED_TO_SENDER),
        (r"\bvoid(ed)?\b|cancel", S.CANCELLED),
        (r"address information|(incorrect|incomplete) address", S.EXCEPTION),
        (r"clearance information|information required", S.AWAITING_RECEIVER),
        (_CLEARED_WORDS, S.CLEARED),
        (r"customs|clearance|clearing agency|government agency|清关|海关", S.CLEARANCE_IN_PROGRESS),
        (r"created a label|label created|ready for ups|billing information", S.LABEL_CREATED),
        (r"pickup scan|picked up|drop.?off", S.SHIPMENT_ACCEPTED),
        (r"arrived at|arrival scan|destination scan|preparing for delivery", S.AT_FACILITY),
        (r"departed|on the way|in transit|origin scan|we have your package", S.IN_TRANSIT),
        (r"exception|delay|damage|incorrect|incomplete", S.EXCEPTION),
    ]
]

_ATTEMPT = re.compile(_ATTEMPT_WORDS, re.IGNORECASE)
_RETURN = re.compile(_RETURN_WORDS, re.IGNORECASE)
_SENDER_ONLY = re.compile(r"\b(sender|shipper)\b", re.IGNORECASE)
_RECEIVER = re.compile(r"\b(receiver|recipient|consignee|you)\b", re.IGNORECASE)

_CLEARED = re.compile(_CLEARED_WORDS, re.IGNORECASE)

_unknown: Counter[tuple[str, str, str]] = Counter()
_unknown_lock = threading.Lock()


def _clean(value: object) -> str:
    return value.strip().upper() if isinstance(value, str) else ""


def _refine(found: Status, description: str) -> Status:
    """Sharpen broad results with the description's wording."""
    if found is S.EXCEPTION and _ATTEMPT.search(description):
        return S.DELIVERY_ATTEMPTED
    if found is S.EXCEPTION and _RETURN.search(description):
        return S.RETURNED_TO_SENDER
    # 058 with "UPS contacted the sender" (OMNI): the receiver has nothing to do.
    if found is S.AWAITING_RECEIVER and _SENDER_ONLY.search(description):
        if not _RECEIVER.search(description):
            return S.CLEARANCE_IN_PROGRESS
    # A customs code whose own text says the parcel is through: the text is the later truth.
    if found is S.CLEARANCE_IN_PROGRESS and _CLEARED.search(description):
        return S.CLEARED
    return found


def _from_words(description: str) -> Status | None:
    return next((status for pattern, status in WORDS if pattern.search(description)), None)


def _note_unknown(status_code: str, code: str, type_: str, chosen: Status) -> None:
    """Count every sighting; log the first of each distinct triple (operators grep for it)."""
    key = (status_code, code, type_)
    with _unknown_lock:
        _unknown[key] += 1
        first = _unknown[key] == 1
    if first:
        log.warning(
            "unmapped UPS status statusCode=%r code=%r type=%r; using %s", *key, chosen.value
        )


def unknown_codes() -> dict[tuple[str, str, str], int]:
    """How often each unmapped (statusCode, code, type) was seen by this process."""
    with _unknown_lock:
        return dict(_unknown)


def _is_unmapped(status_code: str, code: str, type_: str) -> bool:
    """True when the most authoritative code UPS gave is missing from our tables."""
    if status_code:
        return status_code not in STATUS_CODES
    if code:
        return code not in ACTIVITY_CODES
    return bool(type_) and type_ not in TYPES


def map_status(status_code: str, code: str, type_: str, description: str = "") -> Status:
    """Our Status for one UPS status triple; unknown triples are counted and logged, never raised."""
    status_code, code, type_ = _clean(status_code), _clean(code), _clean(type_)
    text = description.strip() if isinstance(description, str) else ""
    if status_code.isdigit():
        status_code = status_code.zfill(3)  # ISS#7 drops leading zeros
    if not status_code and code.isdigit() and len(code) == 3:
        status_code, code = code, ""  # currentStatus puts the 3-digit code in `code`
    by_code = PAIRS.get((status_code, code)) or STATUS_CODES.get(status_code)
    found = by_code or _from_words(text) or ACTIVITY_CODES.get(code) or TYPES.get(type_, S.UNKNOWN)
    found = _refine(found, text)
    if _is_unmapped(status_code, code, type_):
        _note_unknown(status_code, code, type_, found)
    return found
