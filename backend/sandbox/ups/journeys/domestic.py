"""US domestic journeys: the everyday statuses from label to delivery, and Access Point pickup."""

from __future__ import annotations

from backend.sandbox.ups.journeys import events as e
from backend.sandbox.ups.journeys import parties as who
from backend.sandbox.ups.journeys import places as p
from backend.sandbox.ups.journeys.base import (
    NO_DATE,
    EtaPlan,
    Scenario,
    Step,
    eod,
    scenario,
    window,
)

SHIPPER = "SBXUS1"


_WEST_TO_EAST = (
    Step(e.LABEL, p.ONTARIO, 0, NO_DATE),
    Step(e.PICKUP, p.ONTARIO, 5, eod(2)),
    Step(e.ORIGIN, p.ONTARIO, 2),
    Step(e.DEPART, p.ONTARIO, 3, eod(1)),
    Step(e.ARRIVE, p.HODGKINS, 30, eod(1)),
    Step(e.DEPART, p.HODGKINS, 4),
    Step(e.ARRIVE, p.SECAUCUS, 20),
    Step(e.PREPARING, p.SECAUCUS, 5, window(0, "130000", "170000")),
    Step(e.OUT_FOR_DELIVERY, p.SECAUCUS, 2, window(0, "140000", "160000", time_type="CDW")),
    Step(e.DELIVERED, p.PARAMUS, 5),
)

_NY_TO_NJ = (
    Step(e.LABEL, p.NEW_YORK, 0, NO_DATE),
    Step(e.PICKUP, p.NEW_YORK, 6, eod(1)),
    Step(e.ORIGIN, p.NEW_YORK, 2),
    Step(e.DEPART, p.NEW_YORK, 3),
    Step(e.ARRIVE, p.SECAUCUS, 2),
    Step(e.PREPARING, p.SECAUCUS, 6, window(0, "100000", "140000")),
    Step(e.OUT_FOR_DELIVERY, p.SECAUCUS, 2),
    Step(e.ATTEMPTED, p.PARAMUS, 5, eod(1, "RDD")),
)


def _scenario(key: str, serial: int, code: str, description: str, **fields) -> Scenario:
    return scenario(SHIPPER, key, serial, code, description, **fields)


SCENARIOS = (
    _scenario(
        "domestic_delivered", 1000001, "03",
        "Ground, Ontario CA -> Paramus NJ. Starts at 'preparing for delivery' (at_facility); "
        "advance: out for delivery, then delivered.",
        steps=_WEST_TO_EAST, start=8, origin=who.OUTDOOR_SHOP, destination=who.RECEIVER_NJ,
        service=who.GROUND, weight="4.20", received_by="CARTER",
    ),
    _scenario(
        "label_created", 1000002, "01",
        "Next Day Air label printed in New York; UPS has not received the parcel "
        "(label_created). Advance: picked up, flown to Los Angeles, out for delivery, delivered.",
        steps=(
            Step(e.LABEL, p.NEW_YORK, 0, NO_DATE),
            Step(e.PICKUP, p.NEW_YORK, 5, EtaPlan("SDD", 1, "CMT", end="103000")),
            Step(e.ORIGIN, p.NEW_YORK, 2),
            Step(e.DEPART, p.NEW_YORK, 3),
            Step(e.ARRIVE, p.LOS_ANGELES, 7),
            Step(e.PREPARING, p.LOS_ANGELES, 3, window(0, "080000", "103000", time_type="CDW")),
            Step(e.OUT_FOR_DELIVERY, p.LOS_ANGELES, 1),
            Step(e.DELIVERED, p.LOS_ANGELES, 2),
        ), start=1, origin=who.BOOK_SHOP,
        destination=who.RECEIVER_LA, service=who.NEXT_DAY_AIR, weight="0.80",
    ),
    _scenario(
        "shipment_accepted", 1000003, "01",
        "Next Day Air picked up in New York (shipment_accepted); due tomorrow by 10:30.",
        steps=(Step(e.LABEL, p.NEW_YORK, 0, NO_DATE),
               Step(e.PICKUP, p.NEW_YORK, 4, EtaPlan("SDD", 1, "CMT", end="103000"))),
        start=2, origin=who.BOOK_SHOP, destination=who.RECEIVER_LA, service=who.NEXT_DAY_AIR,
        weight="1.10",
    ),
    _scenario(
        "in_transit", 1000004, "03",
        "Ground, departed the Ontario CA hub (in_transit).",
        steps=_WEST_TO_EAST[:4], start=4, origin=who.OUTDOOR_SHOP, destination=who.RECEIVER_NJ,
        service=who.GROUND, weight="9.50",
    ),
    _scenario(
        "at_facility", 1000005, "03",
        "Ground, arrived at the Hodgkins IL hub (at_facility); due tomorrow.",
        steps=_WEST_TO_EAST[:5], start=5, origin=who.OUTDOOR_SHOP, destination=who.RECEIVER_NJ,
        service=who.GROUND, weight="17.00",
    ),
    _scenario(
        "out_for_delivery", 1000006, "03",
        "Ground, on the truck in Secaucus NJ (out_for_delivery), window today 14:00-16:00.",
        steps=_WEST_TO_EAST[:9], start=9, origin=who.OUTDOOR_SHOP, destination=who.RECEIVER_NJ,
        service=who.GROUND, weight="2.35",
    ),
    _scenario(
        "delivery_attempted", 1000007, "03",
        "Ground New York -> Paramus NJ; nobody home (delivery_attempted); new date tomorrow.",
        steps=_NY_TO_NJ, start=8, origin=who.BOOK_SHOP, destination=who.RECEIVER_NJ,
        service=who.GROUND, weight="3.00",
    ),
    _scenario(
        "attempted_then_delivered", 1000008, "03",
        "Starts after a failed attempt (delivery_attempted); advance: preparing, out for "
        "delivery, delivered on the second try.",
        steps=_NY_TO_NJ + (
            Step(e.PREPARING, p.SECAUCUS, 14, window(0, "090000", "130000", "RDD")),
            Step(e.OUT_FOR_DELIVERY, p.SECAUCUS, 2, window(0, "110000", "130000", "RDD", "CDW")),
            Step(e.DELIVERED, p.PARAMUS, 3),
        ),
        start=8, origin=who.BOOK_SHOP, destination=who.RECEIVER_NJ, service=who.GROUND,
        weight="3.00", received_by="CARTER",
    ),
    _scenario(
        "access_point", 1000009, "03",
        "After one attempt the parcel waits at a UPS Access Point in Brooklyn (ready_for_pickup).",
        steps=(
            Step(e.LABEL, p.NEW_YORK, 0, NO_DATE),
            Step(e.PICKUP, p.NEW_YORK, 5, eod(1)),
            Step(e.ARRIVE, p.NEW_YORK, 4),
            Step(e.OUT_FOR_DELIVERY, p.NEW_YORK, 10, window(0, "120000", "160000")),
            Step(e.ATTEMPTED, p.BROOKLYN, 4, eod(1, "RDD")),
            Step(e.ACCESS_POINT, p.BROOKLYN, 2, NO_DATE),
        ),
        start=6, origin=who.BOOK_SHOP, destination=who.RECEIVER_BROOKLYN, service=who.GROUND,
        weight="1.45", pickup_by_days=7, access_point_street="150 COURT ST",
    ),
)  # fmt: skip
