"""Pure rules for watched parcels: what counts as a change, and when to look again."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, replace
from typing import Any

from backend.domain.cadence import HOUR, MINUTE
from backend.domain.model import Shipment, TrackingEvent, event_moment, latest_event
from backend.domain.statuses import Status, importance, is_final

DAY = 24 * HOUR

# A change into a status at least this important is worth a credit even when it is the
# user's last one; lesser moves (another hub scan) only use spare credits.
NOTABLE_IMPORTANCE = 30
# Keep looking for a while after a final status: UPS sometimes corrects a delivery scan.
FINAL_GRACE_SECONDS = 6 * HOUR
# Stop polling parcels that have been silent this long.
SILENT_STOP_SECONDS = 30 * DAY
MIN_DELAY_SECONDS = 1.0
MAX_BACKOFF_SECONDS = 6 * HOUR
# Track Alert pushes every scan; polling is then only a safety net, this much slower.
SUBSCRIBED_SLOWDOWN = 6

_DELAY: dict[Status, int] = {
    Status.OUT_FOR_DELIVERY: 15 * MINUTE,
    Status.DELIVERY_ATTEMPTED: 30 * MINUTE,
    Status.EXCEPTION: 30 * MINUTE,
    Status.AWAITING_RECEIVER: 30 * MINUTE,
    Status.CLEARANCE_IN_PROGRESS: 30 * MINUTE,
    Status.CLEARED: HOUR,
    Status.READY_FOR_PICKUP: 2 * HOUR,
    Status.AT_FACILITY: 2 * HOUR,
    Status.IN_TRANSIT: 2 * HOUR,
    Status.SHIPMENT_ACCEPTED: 2 * HOUR,
    Status.LABEL_CREATED: 6 * HOUR,
    Status.UNKNOWN: 2 * HOUR,
}
# Crossing an ocean: a parcel quiet for a day will not change within the hour.
_QUIET_DELAY = 4 * HOUR


@dataclass(frozen=True)
class StatusChange:
    """A parcel moved into a new status; `change_id` is stable across retries and workers."""

    number: str
    previous: Status | None
    current: Status
    event_time: str
    description: str
    location: str
    change_id: str
    kind: str = ""  # "" for a status change; "pickup_reminder" for the day-before reminder

    @property
    def moment(self) -> Status | str:
        """What the watcher is told of: the new status, or a reminder's kind."""
        return self.kind or self.current

    @property
    def notable(self) -> bool:
        return importance(self.current) >= NOTABLE_IMPORTANCE


@dataclass(frozen=True)
class TrackingState:
    """What polling remembers of one watched number between refreshes."""

    status: Status | None = None  # the last status seen; None before the first lookup
    failures: int = 0  # failed refreshes in a row
    final_at: float | None = None  # when the parcel first reached a final status
    pending: tuple[StatusChange, ...] = ()  # detected, not yet announced to every watcher

    def with_change(self, change: StatusChange | None) -> tuple[StatusChange, ...]:
        """The changes to announce once `change` is recorded too, oldest first."""
        known = {item.change_id for item in self.pending}
        added = (change,) if change and change.change_id not in known else ()
        return tuple(sorted(self.pending + added, key=lambda item: item.event_time))


def change_id(shipment: Shipment) -> str:
    """Same parcel, status and latest scan -> same id, whichever worker computes it."""
    event = latest_event(shipment)
    key = "|".join(
        (
            shipment.number,
            shipment.status.value,
            event.time if event else "",
            event.ups_code if event else "",
        )
    )
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def with_pushed_event(known: Shipment | None, number: str, event: TrackingEvent) -> Shipment:
    """What we know plus a scan UPS pushed (Track Alert) that the Track API did not give us.

    Two sources meet here, so this is the one place where scan times decide an order: the
    pushed scan goes in front of the first known scan that is not newer than it, and the
    Track API's history keeps its own order (UPS's, even where its times disagree). A scan
    newer than all we know becomes the latest and sets the status; an older one only joins
    the history (the status never goes backwards); a scan we already have changes nothing.
    """
    if known is not None and any(
        e.time == event.time and e.ups_code == event.ups_code for e in known.events
    ):
        return known
    base = known or Shipment(number=number)
    place = next(
        (i for i, e in enumerate(base.events) if not _before(event.time, e.time)),
        len(base.events),
    )
    events = (*base.events[:place], event, *base.events[place:])
    if place > 0:
        return replace(base, events=events)
    return replace(base, status=event.status, status_description=event.description, events=events)


def event_data(event: TrackingEvent) -> dict[str, str]:
    """A TrackingEvent as plain strings, to travel in a job (outlives code changes better)."""
    return {**asdict(event), "status": event.status.value}


def event_from_data(data: dict[str, str]) -> TrackingEvent:
    fields: dict[str, Any] = {**data, "status": Status(data["status"])}
    return TrackingEvent(**fields)


def _before(time: str, other: str) -> bool:
    first, second = event_moment(time), event_moment(other)
    return first is not None and second is not None and first < second


def detect_change(previous: Status | None, shipment: Shipment) -> StatusChange | None:
    """A StatusChange when the status differs from the one stored; None otherwise.

    The first snapshot of a newly watched parcel is not a change: the user just saw it.
    """
    if previous is None or previous == shipment.status:
        return None
    event = latest_event(shipment)
    return StatusChange(
        number=shipment.number,
        previous=previous,
        current=shipment.status,
        event_time=event.time if event else "",
        description=event.description if event else shipment.status_description,
        location=event.location if event else "",
        change_id=change_id(shipment),
    )


def next_poll_delay(
    status: Status,
    *,
    seconds_since_event: float | None,
    seconds_since_final: float | None = None,
    failures: int = 0,
    scale: float = 1.0,
    subscribed: bool = False,
) -> float | None:
    """Seconds until the next poll, or None to stop polling the parcel."""
    if is_final(status):
        if seconds_since_final is not None and seconds_since_final >= FINAL_GRACE_SECONDS * scale:
            return None
        return max(MIN_DELAY_SECONDS, FINAL_GRACE_SECONDS * scale / 2)
    # Event times are real UPS times, so silence is never scaled (sandbox journeys are old).
    if seconds_since_event is not None and seconds_since_event >= SILENT_STOP_SECONDS:
        return None
    delay = float(_DELAY.get(status, 2 * HOUR))
    if seconds_since_event is not None and seconds_since_event > DAY and status in (
        Status.IN_TRANSIT, Status.AT_FACILITY, Status.LABEL_CREATED,
    ):  # fmt: skip
        delay = max(delay, _QUIET_DELAY)
    if subscribed:
        delay *= SUBSCRIBED_SLOWDOWN
    if failures:
        delay = min(MAX_BACKOFF_SECONDS, delay * 2 ** min(failures, 6))
    return max(MIN_DELAY_SECONDS, delay * scale)
