"""International journeys between China and the US: customs holds, papers, release, delivery."""

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

CN_SHIPPER, US_SHIPPER = "SBXCN1", "SBXUS2"
_COMMIT = "103000"  # Worldwide Express commits to delivery by 10:30

# Shenzhen -> Hong Kong -> Anchorage (US port of entry): customs hold at the end.
_CN_TO_US = (
    Step(e.LABEL, p.SHENZHEN, 0, NO_DATE),
    Step(e.PICKUP, p.SHENZHEN, 5, EtaPlan("SDD", 3, "CMT", end=_COMMIT)),
    Step(e.ORIGIN, p.SHENZHEN, 3),
    Step(e.EXPORT, p.SHENZHEN, 4),
    Step(e.DEPART, p.SHENZHEN, 2),
    Step(e.ARRIVE, p.HONG_KONG, 3),
    Step(e.DEPART, p.HONG_KONG, 5),
    Step(e.ARRIVE, p.ANCHORAGE, 11),
    Step(e.IMPORT, p.ANCHORAGE, 1),
    Step(e.CUSTOMS_PENDING, p.ANCHORAGE, 1, NO_DATE),
)

# New York -> Louisville -> Anchorage -> Shanghai (China port of entry): import scan last.
_US_TO_CN = (
    Step(e.LABEL, p.NEW_YORK, 0, NO_DATE),
    Step(e.PICKUP, p.NEW_YORK, 4, eod(3)),
    Step(e.ORIGIN, p.SECAUCUS, 3),
    Step(e.DEPART, p.SECAUCUS, 3),
    Step(e.ARRIVE, p.LOUISVILLE, 4),
    Step(e.EXPORT, p.LOUISVILLE, 2),
    Step(e.DEPART, p.LOUISVILLE, 2),
    Step(e.ARRIVE, p.ANCHORAGE, 7),
    Step(e.DEPART, p.ANCHORAGE, 2),
    Step(e.ARRIVE, p.SHANGHAI, 10),
    Step(e.IMPORT, p.SHANGHAI, 2),
)


def _cn(key: str, serial: int, description: str, **fields) -> Scenario:
    return scenario(CN_SHIPPER, key, serial, "66", description, **fields)


def _us(key: str, serial: int, description: str, **fields) -> Scenario:
    return scenario(US_SHIPPER, key, serial, "66", description, **fields)


_EXPRESS = {"service": who.WORLDWIDE_EXPRESS, "dimensions": ("52.00", "51.00", "51.00")}
_CN_REFS = (("SHIPMENT", "INVOICE 3000010221"), ("PACKAGE", "PO22235 / 338343000"))

SCENARIOS = (
    _cn(
        "intl_cn_to_us", 2000001,
        "Worldwide Express Shenzhen -> New York. Starts held by US customs (clearance_in_progress); "
        "advance: released, flown on, out for delivery, delivered.",
        steps=_CN_TO_US + (
            Step(e.RELEASED, p.ANCHORAGE, 7, eod(1, "RDD")),
            Step(e.DEPART, p.ANCHORAGE, 3),
            Step(e.ARRIVE, p.LOUISVILLE, 6),
            Step(e.DEPART, p.LOUISVILLE, 3),
            Step(e.ARRIVE, p.SECAUCUS, 4, eod(0, "RDD")),
            Step(e.PREPARING, p.NEW_YORK, 3, window(0, "093000", "133000", "RDD")),
            Step(e.OUT_FOR_DELIVERY, p.NEW_YORK, 2, window(0, "103000", "123000", "RDD", "CDW")),
            Step(e.DELIVERED, p.NEW_YORK, 3),
        ),
        start=10, origin=who.SHENZHEN_FACTORY, destination=who.RECEIVER_NY, weight="17.00",
        package_count=2, references=_CN_REFS, received_by="ROSS", **_EXPRESS,
    ),
    _cn(
        "clearance_in_progress", 2000002,
        "Worldwide Express Shenzhen -> Los Angeles, at the clearing agency in Anchorage "
        "(clearance_in_progress); no delivery date while held.",
        steps=_CN_TO_US + (Step(e.CUSTOMS_AGENCY, p.ANCHORAGE, 6),),
        start=11, origin=who.SHENZHEN_FACTORY, destination=who.RECEIVER_LA, weight="6.80",
        references=_CN_REFS, **_EXPRESS,
    ),
    _us(
        "intl_us_to_cn", 3000001,
        "Worldwide Express New York -> Beijing. Starts with Shanghai customs asking the receiver "
        "for papers (awaiting_receiver); advance: pending, released, out for delivery, delivered.",
        steps=_US_TO_CN + (
            Step(e.CUSTOMS_DOCS, p.SHANGHAI, 3, NO_DATE),
            Step(e.CUSTOMS_PENDING, p.SHANGHAI, 20),
            Step(e.RELEASED, p.SHANGHAI, 6, eod(1, "RDD")),
            Step(e.DEPART, p.SHANGHAI, 3),
            Step(e.ARRIVE, p.BEIJING, 8, eod(0, "RDD")),
            Step(e.OUT_FOR_DELIVERY, p.BEIJING, 3, window(0, "140000", "180000", "RDD")),
            Step(e.DELIVERED, p.BEIJING, 4),
        ),
        start=12, origin=who.BOOK_SHOP, destination=who.RECEIVER_BJ, weight="2.60",
        received_by="ZHANG", **_EXPRESS,
    ),
    _us(
        "awaiting_receiver", 3000002,
        "Worldwide Express Atlanta -> Shanghai; customs needs papers from the receiver "
        "(awaiting_receiver).",
        steps=_US_TO_CN + (Step(e.CUSTOMS_DOCS, p.SHANGHAI, 3, NO_DATE),),
        start=12, origin=who.US_PARTS, destination=who.RECEIVER_SH, weight="11.30", **_EXPRESS,
    ),
    _us(
        "cleared", 3000003,
        "Worldwide Saver Seattle -> Shanghai, just released by Shanghai customs (cleared); "
        "due tomorrow.",
        steps=_US_TO_CN + (
            Step(e.CUSTOMS_PENDING, p.SHANGHAI, 2, NO_DATE),
            Step(e.RELEASED, p.SHANGHAI, 9, eod(1)),
        ),
        start=13, origin=who.US_VITAMINS, destination=who.RECEIVER_SH, weight="3.75",
        service=who.WORLDWIDE_SAVER,
    ),
)  # fmt: skip
