"""UPS status codes to our Status: 3-digit statusCode first, then activity code, then type."""

from __future__ import annotations

import logging
import re
import threading

from backend.domain.statuses import Status

log = logging.getLogger(__name__)

S = Status

# 3-digit `statusCode` (ups-api.md §4.2; mostly the unofficial ISS#7 table, so a strong hint).
STATUS_CODES: dict[str, Status] = {
    "003": S.LABEL_CREATED,  # shipper created a label, UPS does not have the parcel
    "005": S.IN_TRANSIT,
    "007": S.CANCELLED,  # shipment information voided
    "011": S.DELIVERED,
    "012": S.CLEARANCE_IN_PROGRESS,
    "013": S.EXCEPTION,  # generic "Exception / Update"; wording may refine it (see _refine)
    "014": S.CLEARED,  # "released by the government agency"; other 014 texts are in PAIRS
    "016": S.READY_FOR_PICKUP,  # "Held in Warehouse": at a UPS site until someone acts
    "017": S.READY_FOR_PICKUP,  # held for customer pickup
    "021": S.OUT_FOR_DELIVERY,
    "025": S.IN_TRANSIT,  # handed to the local post office, which delivers
    "028": S.IN_TRANSIT,  # delivery address changed: a completed change, not a problem
    "029": S.EXCEPTION,  # action required: address information missing or wrong
    "032": S.EXCEPTION,  # adverse weather may delay
    "035": S.RETURNED_TO_SENDER,  # returning to sender: the receiver will not get it
    "038": S.SHIPMENT_ACCEPTED,  # picked up
    "040": S.READY_FOR_PICKUP,  # delivered to a UPS Access Point, waiting for the receiver
    "044": S.SHIPMENT_ACCEPTED,  # on its way to UPS: the sender has handed it over
    "048": S.EXCEPTION,  # delay
    "058": S.AWAITING_RECEIVER,  # clearance information required
    # 071 "Preparing for Delivery": overnight sort at the delivering centre, hours before OT
    # in the Track Alert samples. Not on a vehicle yet, so promising delivery today is early.
    "071": S.AT_FACILITY,
    "072": S.OUT_FOR_DELIVERY,  # "Loaded on Delivery Vehicle / Driver Arriving Soon": on the truck
    "092": S.CLEARANCE_IN_PROGRESS,  # at the clearing agency awaiting final release
}

# (statusCode, activity code) pairs that say more than the statusCode alone; seen in the
# OMNI capture and the Track Alert samples.
PAIRS: dict[tuple[str, str], Status] = {
    ("005", "AR"): S.AT_FACILITY,  # "Arrived at Facility" inside the generic in-transit code
    ("005", "YP"): S.AT_FACILITY,  # preparing for delivery, as 071
    ("014", "BB"): S.CLEARANCE_IN_PROGRESS,  # broker has the papers, release still pending
    ("014", "DA"): S.IN_TRANSIT,  # "Your package is on the way"
}


def _each(status: Status, codes: str) -> dict[str, Status]:
    return dict.fromkeys(codes.split(), status)


# 2-letter activity `code`, used when the statusCode is absent or unknown. Codes listed
# under several statusCodes in ISS#7 (OX, YO, EU in 013) are left out or given their
# newest row's meaning; RZ/BB (customs, both directions) get the cautious "in progress".
ACTIVITY_CODES: dict[str, Status] = {
    **_each(S.LABEL_CREATED, "MP"),
    **_each(S.SHIPMENT_ACCEPTED, "PU VS LM"),
    **_each(S.IN_TRANSIT, "OR DP EE EO EP OY OZ VO VT Z2 Z4 HF LX EG VM DA"),
    **_each(S.AT_FACILITY, "AR YP"),
    **_each(S.CLEARANCE_IN_PROGRESS, "ER VK Z1 RZ BB"),
    **_each(S.CLEARED, "SR"),
    **_each(S.AWAITING_RECEIVER, "EU"),
    # OT/OF are type I in every capture: never let the type turn them into in_transit.
    **_each(S.OUT_FOR_DELIVERY, "OT OF OD"),
    # KB: delivered in a legacy-API capture; 9E: ups.com's delivered code.
    **_each(S.DELIVERED, "F4 FS ZE ZF ZG ZH ZI KB 9E"),
    **_each(S.READY_FOR_PICKUP, "VN ZQ ZP WH"),
    **_each(S.EXCEPTION, "H1 H2 H3 H4 H5 EJ HA LE LF OQ"),
    **_each(S.RETURNED_TO_SENDER, "H8 RS"),
    **_each(S.CANCELLED, "VP MV"),
}

# One-letter (sometimes two) `type`, the coarsest signal: used last. I also covers out for
# delivery, which the codes above catch first.
TYPES: dict[str, Status] = {
    "D": S.DELIVERED,
    "I": S.IN_TRANSIT,
    "M": S.LABEL_CREATED,
    "MV": S.CANCELLED,
    "X": S.EXCEPTION,
    "U": S.IN_TRANSIT,  # updated delivery date or time: still on its way
    "P": S.SHIPMENT_ACCEPTED,
    "RS": S.RETURNED_TO_SENDER,
    "O": S.OUT_FOR_DELIVERY,
    "DO": S.IN_TRANSIT,  # freight: at the origin terminal, not with the receiver
    "DD": S.AT_FACILITY,  # freight: at the destination terminal
    "W": S.AT_FACILITY,  # freight warehousing
    "NA": S.UNKNOWN,
}

# No statusCode is known to mean "delivery attempted": legacy captures report attempts as
# type X exceptions whose text mentions the attempt, so the wording decides.
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

# Wording, first match wins; only consulted when the codes say nothing usable. Most
# patterns are English; the attempt and return ones also know UPS's Chinese wording.
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
        (r"\breleased\b|\bcleared\b", S.CLEARED),
        (r"customs|clearance|clearing agency|government agency", S.CLEARANCE_IN_PROGRESS),
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

_warned: set[tuple[str, str, str]] = set()
_warned_lock = threading.Lock()


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
    return found


def _from_words(description: str) -> Status | None:
    return next((status for pattern, status in WORDS if pattern.search(description)), None)


def _warn_once(status_code: str, code: str, type_: str, chosen: Status) -> None:
    key = (status_code, code, type_)
    with _warned_lock:
        if key in _warned:
            return
        _warned.add(key)
    log.warning("unmapped UPS status statusCode=%r code=%r type=%r; using %s", *key, chosen.value)


def _is_unmapped(status_code: str, code: str, type_: str) -> bool:
    """True when the most authoritative code UPS gave is missing from our tables."""
    if status_code:
        return status_code not in STATUS_CODES
    if code:
        return code not in ACTIVITY_CODES
    return bool(type_) and type_ not in TYPES


def map_status(status_code: str, code: str, type_: str, description: str = "") -> Status:
    """Our Status for one UPS status triple; unknown triples are logged once, never raised."""
    status_code, code, type_ = _clean(status_code), _clean(code), _clean(type_)
    text = description.strip() if isinstance(description, str) else ""
    if status_code.isdigit():
        status_code = status_code.zfill(3)  # ISS#7 drops leading zeros
    if not status_code and code.isdigit() and len(code) == 3:
        status_code, code = code, ""  # currentStatus puts the 3-digit code in `code`
    found = (
        PAIRS.get((status_code, code))
        or STATUS_CODES.get(status_code)
        or ACTIVITY_CODES.get(code)
        or _from_words(text)
        or TYPES.get(type_, S.UNKNOWN)
    )
    found = _refine(found, text)
    if _is_unmapped(status_code, code, type_):
        _warn_once(status_code, code, type_, found)
    return found
