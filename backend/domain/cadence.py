"""How long a parcel's snapshot stays fresh, by status: short near delivery, long once done."""

from __future__ import annotations

from backend.domain.statuses import Status

MINUTE = 60
HOUR = 60 * MINUTE

# A lookup within this window is answered from the cache without calling UPS.
FRESH_FOR: dict[Status, int] = {
    Status.OUT_FOR_DELIVERY: 5 * MINUTE,
    Status.DELIVERY_ATTEMPTED: 15 * MINUTE,
    Status.EXCEPTION: 15 * MINUTE,
    Status.AWAITING_RECEIVER: 15 * MINUTE,
    Status.READY_FOR_PICKUP: 30 * MINUTE,
    Status.CLEARANCE_IN_PROGRESS: 30 * MINUTE,
    Status.CLEARED: 30 * MINUTE,
    Status.AT_FACILITY: HOUR,
    Status.IN_TRANSIT: HOUR,
    Status.SHIPMENT_ACCEPTED: HOUR,
    Status.LABEL_CREATED: 2 * HOUR,
    Status.UNKNOWN: 30 * MINUTE,
    Status.DELIVERED: 24 * HOUR,
    Status.RETURNED_TO_SENDER: 24 * HOUR,
    Status.CANCELLED: 24 * HOUR,
}

# Kept this long after fetching so it can still be served, marked stale, when UPS is down.
KEEP_FOR_SECONDS = 30 * 24 * HOUR
# "Not found" is remembered briefly so repeated lookups of a wrong number do not cost UPS calls.
NOT_FOUND_FOR_SECONDS = 10 * MINUTE
# After a failed refresh, concurrent lookups reuse the failure instead of all retrying.
FAILURE_FOR_SECONDS = 10


def fresh_for(status: Status) -> int:
    """Seconds a snapshot in `status` is fresh enough to answer without calling UPS."""
    return FRESH_FOR.get(status, 30 * MINUTE)
