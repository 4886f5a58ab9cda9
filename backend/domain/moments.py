"""The moments a watcher must hear of, which message templates can carry each, and which
templates to ask for next, given what a parcel can still go through.

WeChat's subscribe messages are one send per accepted template, at most three templates per
tap. So the credits of a tap go to the moments that matter (`CRITICAL`); a routine scan
(in transit, at a facility) only ever goes out on a status-change credit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from backend.domain.model import Shipment
from backend.domain.statuses import Status, is_final

# What a receiver must hear of: something to do, or the parcel is at the door.
CRITICAL = frozenset({
    Status.AWAITING_RECEIVER, Status.EXCEPTION, Status.DELIVERY_ATTEMPTED,
    Status.READY_FOR_PICKUP, Status.OUT_FOR_DELIVERY, Status.DELIVERED,
    Status.RETURNED_TO_SENDER,
})  # fmt: skip
# The last day to collect from an Access Point is tomorrow: a moment that is no status.
PICKUP_REMINDER = "pickup_reminder"
# Template events, as WECHAT_TEMPLATES names them.
ATTENTION, OUT_FOR_DELIVERY, DELIVERED, STATUS_CHANGE = (
    "attention",
    "out_for_delivery",
    "delivered",
    "status_change",
)
# Per moment, the template events that can carry it, best first. The delivered template
# is a delivery-outcome notice (签收/派送结果), so it can also say that an attempt failed,
# that the parcel waits at an Access Point (UPS: "delivered to UPS Access Point") or that
# it went back to the sender; the out-for-delivery one carries news of the same trip.
CARRIERS: dict[Status | str, tuple[str, ...]] = {
    Status.DELIVERED: (DELIVERED, STATUS_CHANGE),
    Status.OUT_FOR_DELIVERY: (OUT_FOR_DELIVERY, STATUS_CHANGE),
    Status.DELIVERY_ATTEMPTED: (ATTENTION, OUT_FOR_DELIVERY, DELIVERED, STATUS_CHANGE),
    Status.READY_FOR_PICKUP: (ATTENTION, DELIVERED, OUT_FOR_DELIVERY, STATUS_CHANGE),
    Status.RETURNED_TO_SENDER: (ATTENTION, DELIVERED, STATUS_CHANGE),
    Status.EXCEPTION: (ATTENTION, STATUS_CHANGE),
    Status.AWAITING_RECEIVER: (ATTENTION, STATUS_CHANGE),
    PICKUP_REMINDER: (ATTENTION, STATUS_CHANGE),
}
ROUTINE = (STATUS_CHANGE,)

# How likely a parcel in transit still meets each moment (rough weights, for ranking only).
_AHEAD_WEIGHT: dict[Status | str, float] = {
    Status.DELIVERED: 1.0,
    Status.OUT_FOR_DELIVERY: 0.95,
    Status.DELIVERY_ATTEMPTED: 0.25,
    Status.EXCEPTION: 0.15,
    Status.READY_FOR_PICKUP: 0.1,
    Status.RETURNED_TO_SENDER: 0.05,
    Status.AWAITING_RECEIVER: 0.6,  # only for parcels still before customs
    PICKUP_REMINDER: 0.6,  # only for parcels waiting at an Access Point
}
_BEFORE_CUSTOMS = frozenset({
    Status.LABEL_CREATED, Status.SHIPMENT_ACCEPTED, Status.IN_TRANSIT, Status.AT_FACILITY,
    Status.CLEARANCE_IN_PROGRESS, Status.AWAITING_RECEIVER, Status.UNKNOWN,
})  # fmt: skip
MAX_ASK = 3  # templates per wx.requestSubscribeMessage that every client accepts


def carriers(moment: Status | str) -> tuple[str, ...]:
    """Template events that may carry `moment`, best first; routine ones: status change."""
    return CARRIERS.get(moment, ROUTINE)


def is_critical(moment: Status | str) -> bool:
    return moment in CRITICAL or moment == PICKUP_REMINDER


def moments_ahead(status: Status | None, international: bool, pickup_by: bool) -> set[Status | str]:
    """The critical moments a parcel now in `status` can still go through."""
    if status is not None and is_final(status):
        return set()
    if status is Status.READY_FOR_PICKUP:
        ahead: set[Status | str] = {Status.DELIVERED, Status.RETURNED_TO_SENDER}
        return ahead | ({PICKUP_REMINDER} if pickup_by else set())
    ahead = set[Status | str](CRITICAL) - {Status.AWAITING_RECEIVER}
    if international and (status is None or status in _BEFORE_CUSTOMS):
        ahead.add(Status.AWAITING_RECEIVER)
    return ahead


def ahead_of(shipment: Shipment | None) -> set[Status | str]:
    """The critical moments this parcel can still go through (all, before its first scan).

    A parcel crossing a border (or whose countries UPS did not give) may still meet
    customs asking the receiver for papers.
    """
    if shipment is None:
        return moments_ahead(None, True, False)
    origin, destination = shipment.origin_country, shipment.destination_country
    international = not (origin and destination and origin == destination)
    return moments_ahead(shipment.status, international, bool(shipment.pickup_by))


def rank_events(ahead: Iterable[Status | str], available: Iterable[str]) -> list[str]:
    """Template events to ask for, most useful first: each moment ahead counts for the
    event that carries it best among those available. Status change only when no other
    template can tell this parcel anything (it is what routine scans spend)."""
    available = list(dict.fromkeys(available))
    scores: dict[str, float] = {}
    for moment in ahead:
        best = next((e for e in carriers(moment) if e in available and e != STATUS_CHANGE), None)
        if best is not None:
            scores[best] = scores.get(best, 0.0) + _AHEAD_WEIGHT.get(moment, 0.1)
    ranked = sorted(scores, key=lambda event: (-scores[event], available.index(event)))
    if not ranked and ahead and STATUS_CHANGE in available:
        ranked = [STATUS_CHANGE]
    return ranked[:MAX_ASK]


def spare(
    credits: Mapping[str, int], reserved: Mapping[str, list[str]], template_id: str, number: str
) -> int:
    """Credits of `template_id` this parcel may use: a credit tapped on another parcel's
    page is kept for that parcel."""
    kept = reserved.get(template_id, [])
    mine = number in kept
    return credits.get(template_id, 0) - (0 if mine else len([n for n in kept if n != number]))


@dataclass(frozen=True)
class Budget:
    """What a watched parcel will still be told: template events with a credit for it."""

    events: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not self.events


# How the budget line names each template event (zh, en).
_EVENT_WORDS = {
    ATTENTION: ("清关/异常", "customs & problems"),
    OUT_FOR_DELIVERY: ("派送", "out for delivery"),
    DELIVERED: ("签收", "delivery"),
    STATUS_CHANGE: ("状态变化", "status changes"),
}
_ORDER = (ATTENTION, OUT_FOR_DELIVERY, DELIVERED, STATUS_CHANGE)


def budget_for(
    credits: Mapping[str, int],
    reserved: Mapping[str, list[str]],
    templates: Iterable[tuple[str, str]],
    number: str,
    ahead: set[Status | str],
) -> Budget:
    """The template events (of (id, event) pairs) with a credit this parcel may use for a
    moment still ahead (status change: for any news)."""
    events = []
    for template_id, event in templates:
        useful = event == STATUS_CHANGE or any(event in carriers(m) for m in ahead)
        if ahead and useful and spare(credits, reserved, template_id, number) > 0:
            events.append(event)
    return Budget(tuple(e for e in _ORDER if e in events))


def budget_text(budget: Budget, lang: str) -> str:
    """ "还会提醒：清关/异常、派送、签收" or "不会再提醒" (in English on request)."""
    en = lang == "en"
    if budget.empty:
        return "No more notifications" if en else "不会再提醒"
    words = [_EVENT_WORDS[e][1 if en else 0] for e in _ORDER if e in budget.events]
    return ("Will notify: " + ", ".join(words)) if en else ("还会提醒：" + "、".join(words))
