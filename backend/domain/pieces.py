"""A multi-piece shipment as one parcel for its watchers: delivered when the last piece is,
in trouble as soon as any piece is, otherwise as far along as its slowest piece."""

from __future__ import annotations

from dataclasses import replace

from backend.domain.model import Shipment
from backend.domain.statuses import Status, importance, progress

TROUBLE = frozenset(
    {
        Status.EXCEPTION,
        Status.DELIVERY_ATTEMPTED,
        Status.AWAITING_RECEIVER,
        Status.RETURNED_TO_SENDER,
    }
)


def _statuses(shipment: Shipment) -> list[Status]:
    pieces = shipment.pieces
    if pieces is None:
        return []
    found = []
    for value in pieces.statuses:
        try:
            found.append(Status(value))
        except ValueError:
            found.append(Status.UNKNOWN)
    return found


def whole_status(shipment: Shipment) -> Status:
    """The status a watcher of the whole shipment is told about."""
    statuses = _statuses(shipment)
    if len(statuses) < 2:
        return shipment.status
    troubled = [status for status in statuses if status in TROUBLE]
    if troubled:
        return max(troubled, key=importance)
    waiting = [status for status in statuses if status is not Status.DELIVERED]
    if not waiting:
        complete = shipment.pieces is not None and len(statuses) >= shipment.pieces.count
        return Status.DELIVERED if complete else shipment.status
    # The slowest piece sets the pace: a faster one's delivery is not news, and the status
    # does not step back when it arrives.
    return min(waiting, key=progress)


def as_whole(shipment: Shipment) -> Shipment:
    """`shipment` with the whole shipment's status (itself for a single piece)."""
    status = whole_status(shipment)
    return shipment if status is shipment.status else replace(shipment, status=status)
