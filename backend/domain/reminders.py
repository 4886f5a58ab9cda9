"""The day-before reminder for a parcel waiting at an Access Point: UPS gives the last day
to collect it (pickupByDate); the day before, in China time, its watchers are reminded."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta, timezone

from backend.domain.model import Shipment, latest_event
from backend.domain.moments import PICKUP_REMINDER
from backend.domain.statuses import Status
from backend.domain.tracking import StatusChange

CHINA = timezone(timedelta(hours=8))


def reminder_day(shipment: Shipment) -> date | None:
    """The China-time day on which to remind: the day before the last pickup day."""
    if shipment.status is not Status.READY_FOR_PICKUP or not shipment.pickup_by:
        return None
    try:
        return date.fromisoformat(shipment.pickup_by[:10]) - timedelta(days=1)
    except ValueError:
        return None


def pickup_reminder(shipment: Shipment, now: float) -> StatusChange | None:
    """The reminder due today (China time), as a change with a stable id, or None."""
    day = reminder_day(shipment)
    if day is None or datetime.fromtimestamp(now, CHINA).date() != day:
        return None
    event = latest_event(shipment)
    key = f"{shipment.number}|{PICKUP_REMINDER}|{shipment.pickup_by}"
    return StatusChange(
        number=shipment.number,
        previous=Status.READY_FOR_PICKUP,
        current=Status.READY_FOR_PICKUP,
        event_time=event.time if event else "",
        description=event.description if event else "",
        location=event.location if event else "",
        change_id=hashlib.sha256(key.encode()).hexdigest()[:16],
        kind=PICKUP_REMINDER,
    )
