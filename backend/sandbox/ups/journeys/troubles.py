"""Journeys that go wrong: delays, bad addresses, returns, voided labels, unknown codes, privacy."""

from __future__ import annotations

from backend.sandbox.ups.journeys import events as e
from backend.sandbox.ups.journeys import parties as who
from backend.sandbox.ups.journeys import places as p
from backend.sandbox.ups.journeys.base import NO_DATE, Scenario, Step, eod, scenario, window

SHIPPER = "SBXEX1"


def _scenario(key: str, serial: int, code: str, description: str, **fields) -> Scenario:
    return scenario(SHIPPER, key, serial, code, description, **fields)


_LOCAL_LA = (
    Step(e.LABEL, p.ONTARIO, 0, NO_DATE),
    Step(e.PICKUP, p.ONTARIO, 5, eod(1)),
    Step(e.ORIGIN, p.ONTARIO, 2),
    Step(e.ARRIVE, p.LOS_ANGELES, 9),
    Step(e.OUT_FOR_DELIVERY, p.LOS_ANGELES, 3, window(0, "120000", "160000")),
    Step(e.ATTEMPTED, p.LOS_ANGELES, 4, eod(1, "RDD")),
    Step(e.OUT_FOR_DELIVERY, p.LOS_ANGELES, 18, eod(0, "RDD")),
    Step(e.FINAL_ATTEMPT, p.LOS_ANGELES, 5),
    Step(e.RETURNING, p.LOS_ANGELES, 20, NO_DATE),
    Step(e.DEPART, p.LOS_ANGELES, 4),
    Step(e.RETURNED, p.ONTARIO, 20),
)

SCENARIOS = (
    _scenario(
        "exception_weather", 4000001, "03",
        "Ground Atlanta -> Los Angeles, held up by severe weather at Hodgkins IL (exception); "
        "rescheduled for tomorrow.",
        steps=(
            Step(e.LABEL, p.ATLANTA, 0, NO_DATE),
            Step(e.PICKUP, p.ATLANTA, 5, eod(3)),
            Step(e.ORIGIN, p.ATLANTA, 2),
            Step(e.DEPART, p.ATLANTA, 3),
            Step(e.ARRIVE, p.HODGKINS, 14),
            Step(e.WEATHER, p.HODGKINS, 6, eod(1, "RDD")),
        ),
        start=6, origin=who.US_PARTS, destination=who.RECEIVER_LA, service=who.GROUND,
        weight="22.40", dimensions=("60.00", "40.00", "40.00"),
    ),
    _scenario(
        "address_exception_then_delivered", 4000002, "03",
        "Ground Seattle -> New York. Starts with an incomplete address (exception); advance: "
        "address corrected, preparing, out for delivery, delivered.",
        steps=(
            Step(e.LABEL, p.SEATTLE, 0, NO_DATE),
            Step(e.PICKUP, p.SEATTLE, 5, eod(3)),
            Step(e.DEPART, p.SEATTLE, 4),
            Step(e.ARRIVE, p.SECAUCUS, 50, eod(0)),
            Step(e.ADDRESS_PROBLEM, p.SECAUCUS, 4, eod(1, "RDD")),
            Step(e.ADDRESS_FIXED, p.SECAUCUS, 6),
            Step(e.PREPARING, p.SECAUCUS, 10, window(0, "090000", "130000", "RDD")),
            Step(e.OUT_FOR_DELIVERY, p.SECAUCUS, 2, window(0, "100000", "120000", "RDD", "CDW")),
            Step(e.DELIVERED, p.NEW_YORK, 2),
        ),
        start=5, origin=who.US_VITAMINS, destination=who.RECEIVER_NY, service=who.GROUND,
        weight="1.90", received_by="ROSS",
    ),
    _scenario(
        "returned_to_sender", 4000003, "03",
        "Ground Ontario -> Los Angeles; two failed attempts, sent back to the shipper "
        "(returned_to_sender).",
        steps=_LOCAL_LA, start=len(_LOCAL_LA), origin=who.OUTDOOR_SHOP,
        destination=who.RECEIVER_LA, service=who.GROUND, weight="5.00",
        references=(("SHIPMENT", "RMA-55120"),),
    ),
    _scenario(
        "cancelled", 4000004, "01",
        "Next Day Air label voided by the shipper before pickup (cancelled).",
        steps=(Step(e.LABEL, p.NEW_YORK, 0, NO_DATE), Step(e.VOIDED, p.NEW_YORK, 20)),
        start=2, origin=who.BOOK_SHOP, destination=who.RECEIVER_BROOKLYN,
        service=who.NEXT_DAY_AIR, weight="0.50",
    ),
    _scenario(
        "unknown_status", 4000005, "03",
        "Ground parcel whose latest scan carries a status code UPS never documented (unknown).",
        steps=(
            Step(e.LABEL, p.ONTARIO, 0, NO_DATE),
            Step(e.PICKUP, p.ONTARIO, 5, eod(1)),
            Step(e.ORIGIN, p.ONTARIO, 2),
            Step(e.UNMAPPED, p.ONTARIO, 6),
        ),
        start=4, origin=who.OUTDOOR_SHOP, destination=who.RECEIVER_LA, service=who.GROUND,
        weight="7.25",
    ),
    _scenario(
        "signature_delivered", 4000006, "65",
        "Signature-required parcel Guangzhou -> Beijing, delivered: carries names, street "
        "addresses, postal codes, receivedBy and (with returnSignature=true) a signature image.",
        steps=(
            Step(e.LABEL, p.GUANGZHOU, 0, NO_DATE),
            Step(e.PICKUP, p.GUANGZHOU, 4, eod(1)),
            Step(e.ORIGIN, p.GUANGZHOU, 2),
            Step(e.DEPART, p.GUANGZHOU, 3),
            Step(e.ARRIVE, p.BEIJING, 9, eod(0)),
            Step(e.OUT_FOR_DELIVERY, p.BEIJING, 3, window(0, "103000", "113000", time_type="IDW")),
            Step(e.DELIVERED, p.BEIJING, 3),
        ),
        start=7, origin=who.GUANGZHOU_TRADER, destination=who.RECEIVER_PRIVATE,
        service=who.WORLDWIDE_SAVER, weight="0.95", received_by="CHEN JING",
        delivery_location=("Reception", "前台"), signature=True,
        additional_services=("SIGNATURE_REQUIRED",),
        references=(("PACKAGE", "ORDER 2026-118842"),),
    ),
    _scenario(
        "not_found", 4000007, "03",
        "A number with a valid check digit that UPS knows nothing about: HTTP 200 with "
        "warning TW0001.",
        steps=(), start=0,
    ),
)  # fmt: skip
