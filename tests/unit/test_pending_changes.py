"""Which pending changes are still worth a message: the newest always, an older one only
when it matters more; the rest superseded."""

from __future__ import annotations

from backend.domain.model import Shipment, TrackingEvent
from backend.domain.pending import worth_telling
from backend.domain.statuses import Status
from backend.domain.tracking import detect_change

NUMBER = "1Z999AA10123456784"


def change(previous: Status, current: Status, when: str):
    event = TrackingEvent(when, "Shanghai, CN", "scan", current, "XX")
    return detect_change(previous, Shipment(NUMBER, current, events=(event,)))


HUB = change(Status.IN_TRANSIT, Status.AT_FACILITY, "2026-11-25T08:00:00+08:00")
PROBLEM = change(Status.AT_FACILITY, Status.EXCEPTION, "2026-11-25T09:00:00+08:00")
MOVING = change(Status.EXCEPTION, Status.IN_TRANSIT, "2026-11-25T10:00:00+08:00")
DELIVERED = change(Status.OUT_FOR_DELIVERY, Status.DELIVERED, "2026-11-25T11:00:00+08:00")


def test_one_pending_change_is_simply_told():
    assert worth_telling((HUB,)) == ((HUB,), ())
    assert worth_telling(()) == ((), ())


def test_a_delivery_supersedes_the_minor_moves_before_it():
    told, superseded = worth_telling((HUB, MOVING, DELIVERED))
    assert told == (DELIVERED,) and superseded == (HUB, MOVING)


def test_an_older_problem_is_still_told_first_when_it_matters_more_than_the_newest():
    told, superseded = worth_telling((HUB, PROBLEM, MOVING))
    assert told == (PROBLEM, MOVING) and superseded == (HUB,)
