"""UPS's status vocabularies as tables: 3-digit statusCode, 2-letter activity code, type.

Sources, strongest first:
- UPS's statusCode list ("PROCESSING DETAILS STATUS CODE" with its category and texts) as
  pasted from developer.ups.com/api/reference/tracking/api-code in UPS-API/api-documentation
  issue #7 (ISS#7, 2023-2024; leading zeros dropped there). Rows quoted below as "ISS#7 nnn".
- Official examples (UPS Java samples, Track Alert samples) and real captures (docs/ups.md §4; tags as in docs/ups.md "Sources").
Codes real responses carry that no list explains (004, 134, 160 ...) are deliberately absent:
for them the description decides (status_codes.map_status), and they are counted and logged.
"""

from __future__ import annotations

from backend.domain.statuses import Status

S = Status

STATUS_CODES: dict[str, Status] = {
    "003": S.LABEL_CREATED,  # ISS#7 003 LABEL CREATED; JEX, Track Alert "Shipment Ready for UPS"
    "005": S.IN_TRANSIT,  # ISS#7 005 IN TRANSIT
    "007": S.CANCELLED,  # ISS#7 007 SHIPMENT VOID "Shipment Information Voided"
    "011": S.DELIVERED,  # ISS#7 011 DELIVERED
    "012": S.CLEARANCE_IN_PROGRESS,  # ISS#7 012 IN TRANSIT "Clearance in Progress"
    "013": S.EXCEPTION,  # ISS#7 013 UPDATE "Exception"; wording refines it (status_codes)
    "014": S.CLEARED,  # OMNI "released by the government agency"; other 014 texts in PAIRS
    "016": S.READY_FOR_PICKUP,  # ISS#7 016 "Held in Warehouse": at a UPS site until someone acts
    "017": S.READY_FOR_PICKUP,  # ISS#7 017 "Held for Customer Pickup"
    # ISS#7 019 UPDATE "Held for Future Delivery" / "Delivery Rescheduled": kept at a UPS
    # site for a later day; the new date arrives as an RDD.
    "019": S.AT_FACILITY,
    "021": S.OUT_FOR_DELIVERY,  # ISS#7 021 OUT FOR DELIVERY "Out for Delivery Today"
    # ISS#7 022 UPDATE "First Attempt Made" / "Delivery Attempted" ("We missed you. We'll try
    # again on the next business day."); 023 second and 024 final attempt per UPS's list.
    "022": S.DELIVERY_ATTEMPTED,
    "023": S.DELIVERY_ATTEMPTED,
    "024": S.DELIVERY_ATTEMPTED,
    "025": S.IN_TRANSIT,  # ISS#7 025 "Transferred to Local Post Office for Delivery"
    "027": S.IN_TRANSIT,  # ISS#7 027 "Delivery Address Change Requested": a request, no problem
    "028": S.IN_TRANSIT,  # ISS#7 028 "Delivery Address Changed": a completed change
    "029": S.EXCEPTION,  # ISS#7 029 "Exception: Action Required" (address information)
    "032": S.EXCEPTION,  # ISS#7 032 "Adverse Weather May Cause Delay"
    "035": S.RETURNED_TO_SENDER,  # ISS#7 035 "Returning to Sender"
    "038": S.SHIPMENT_ACCEPTED,  # ISS#7 038 "Picked Up"; OMNI "Pickup Scan "
    "040": S.READY_FOR_PICKUP,  # ISS#7 040 DELIVERED "Delivered to UPS Access Point™ Awaiting ..."
    "044": S.SHIPMENT_ACCEPTED,  # ISS#7 044 "In Transit to UPS": the sender has handed it over
    "048": S.EXCEPTION,  # ISS#7 048 DELAY "Delay"
    "051": S.EXCEPTION,  # ISS#7 051 DELAY "Delay: Emergency Situation or Severe Weather"
    "052": S.EXCEPTION,  # ISS#7 052 DELAY "Delay: Severe Weather"
    "053": S.EXCEPTION,  # ISS#7 053 DELAY "Delay: Severe Weather" (recovery)
    "054": S.IN_TRANSIT,  # ISS#7 054 "Delivery Change Requested": a request, not a problem
    "058": S.AWAITING_RECEIVER,  # ISS#7 058 DELAY "Clearance Information Required"
    # UPS's list (as cited in issue #14): 060 "Delivery Attempted", 061 attempted, adult
    # signature required, 062 attempted, funds (COD) required, 066 post office attempted.
    "060": S.DELIVERY_ATTEMPTED,
    "061": S.DELIVERY_ATTEMPTED,
    "062": S.DELIVERY_ATTEMPTED,
    "066": S.DELIVERY_ATTEMPTED,
    # ISS#7 071 "Preparing for Delivery Today": overnight sort at the delivering centre, hours
    # before OT in the Track Alert samples. Not on a vehicle yet, so promising today is early.
    "071": S.AT_FACILITY,
    "072": S.OUT_FOR_DELIVERY,  # "Loaded on Delivery Vehicle": Track Alert sample 5
    "092": S.CLEARANCE_IN_PROGRESS,  # OMNI "Customs Clearance in Progress"
}

# (statusCode, activity code) pairs that say more than the statusCode alone (OMNI, Track Alert).
PAIRS: dict[tuple[str, str], Status] = {
    ("005", "AR"): S.AT_FACILITY,  # "Arrived at Facility" inside the generic in-transit code
    ("005", "YP"): S.AT_FACILITY,  # preparing for delivery, as 071
    ("014", "BB"): S.CLEARANCE_IN_PROGRESS,  # broker has the papers, release still pending
    ("014", "DA"): S.IN_TRANSIT,  # "Your package is on the way"
}


def _each(status: Status, codes: str) -> dict[str, Status]:
    return dict.fromkeys(codes.split(), status)


# 2-letter activity `code`, used when the statusCode is absent or unknown, and then only after
# the wording: ISS#7 lists one activity code under several statusCodes (VK, OX, YO, EU, RZ).
ACTIVITY_CODES: dict[str, Status] = {
    **_each(S.LABEL_CREATED, "MP"),
    **_each(S.SHIPMENT_ACCEPTED, "PU VS LM"),
    **_each(S.IN_TRANSIT, "OR DP EE EO EP OY OZ VO VT Z2 Z4 HF LX EG VM DA 3M 75 78"),
    **_each(S.AT_FACILITY, "AR YP 7M"),
    **_each(S.CLEARANCE_IN_PROGRESS, "ER VK Z1 RZ BB"),
    **_each(S.CLEARED, "SR"),
    **_each(S.AWAITING_RECEIVER, "EU"),
    # OT/OF are type I in every capture: never let the type turn them into in_transit.
    **_each(S.OUT_FOR_DELIVERY, "OT OF OD 76"),
    # KB: delivered in a legacy-API capture; 9E: ups.com's delivered code; 3F-3H: ISS#7 011.
    **_each(S.DELIVERED, "F4 FS ZE ZF ZG ZH ZI KB 9E 3F 3G 3H"),
    **_each(S.READY_FOR_PICKUP, "VN ZQ ZP WH"),
    **_each(S.DELIVERY_ATTEMPTED, "3J 3L"),  # ISS#7 022 "First Attempt Made"
    **_each(S.EXCEPTION, "H1 H2 H3 H4 H5 EJ HA LE LF OQ 7H 7J 7V 7W 7X"),
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
