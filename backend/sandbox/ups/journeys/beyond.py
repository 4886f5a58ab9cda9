"""Journeys beyond plain tracking: delivery proof in its variants, money owed, a parcel UPS
gives no date for, and a three-piece shipment delivered over two days."""

from __future__ import annotations

from backend.sandbox.ups.journeys import events as e
from backend.sandbox.ups.journeys import parties as who
from backend.sandbox.ups.journeys import places as p
from backend.sandbox.ups.journeys.base import (
    NO_DATE,
    Party,
    Scenario,
    Step,
    eod,
    sandbox_number,
    scenario,
    window,
)

SHIPPER = "SBXBY1"
OFFICE = Party("HARBOR LIGHT DESIGN STUDIO", "500 7TH AVE FL 9", p.NEW_YORK)

# Ground, Ontario CA -> Paramus NJ (a house): out for delivery, then delivered.
_TO_A_HOUSE = (
    Step(e.LABEL, p.ONTARIO, 0, NO_DATE),
    Step(e.PICKUP, p.ONTARIO, 5, eod(3)),
    Step(e.DEPART, p.ONTARIO, 3),
    Step(e.ARRIVE, p.SECAUCUS, 50, eod(0)),
    Step(e.OUT_FOR_DELIVERY, p.SECAUCUS, 6, window(0, "130000", "170000")),
    Step(e.DELIVERED, p.PARAMUS, 4),
)
# Ground within New York to an office that signs for its parcels.
_TO_AN_OFFICE = (
    Step(e.LABEL, p.NEW_YORK, 0, NO_DATE),
    Step(e.PICKUP, p.NEW_YORK, 5, eod(1)),
    Step(e.ARRIVE, p.SECAUCUS, 4),
    Step(e.OUT_FOR_DELIVERY, p.SECAUCUS, 10, window(0, "090000", "120000")),
    Step(e.DELIVERED, p.NEW_YORK, 2),
)
# Seattle -> Shanghai where UPS never states a delivery date: our estimate fills in.
_NO_DATE_TO_SHANGHAI = (
    Step(e.LABEL, p.SEATTLE, 0, NO_DATE),
    Step(e.PICKUP, p.SEATTLE, 4),
    Step(e.DEPART, p.SEATTLE, 6),
    Step(e.ARRIVE, p.ANCHORAGE, 7),
    Step(e.DEPART, p.ANCHORAGE, 2),
    Step(e.ARRIVE, p.SHANGHAI, 10),
    Step(e.IMPORT, p.SHANGHAI, 2),
    Step(e.CUSTOMS_PENDING, p.SHANGHAI, 5),
    Step(e.RELEASED, p.SHANGHAI, 20),
    Step(e.OUT_FOR_DELIVERY, p.SHANGHAI, 14),
    Step(e.DELIVERED, p.SHANGHAI, 4),
)
# Three pieces Ontario -> Brooklyn: two go out together, the third missed the sort and
# comes a day later.
_PIECE_ON_TIME = (
    Step(e.LABEL, p.ONTARIO, 0, NO_DATE),
    Step(e.PICKUP, p.ONTARIO, 5, eod(2)),
    Step(e.ARRIVE, p.SECAUCUS, 40, eod(0)),
    Step(e.OUT_FOR_DELIVERY, p.SECAUCUS, 7, window(0, "120000", "160000")),
    Step(e.DELIVERED, p.BROOKLYN, 3),
)
_PIECE_LATE = (
    Step(e.LABEL, p.ONTARIO, 0, NO_DATE),
    Step(e.PICKUP, p.ONTARIO, 5, eod(2)),
    Step(e.ARRIVE, p.SECAUCUS, 40, eod(1, "RDD")),
    Step(e.PREPARING, p.SECAUCUS, 20, window(0, "100000", "140000", "RDD")),
    Step(e.OUT_FOR_DELIVERY, p.SECAUCUS, 2),
    Step(e.DELIVERED, p.BROOKLYN, 3),
)

PIECES = tuple(sandbox_number(SHIPPER, "03", serial) for serial in (5000011, 5000012, 5000013))
# The spec's own example of an alternate number (a USPS PIC), standing for the first piece.
PIECE_ALTERNATE = "92419900000033499522966220"


def _by(key: str, serial: int, code: str, description: str, **fields) -> Scenario:
    return scenario(SHIPPER, key, serial, code, description, **fields)


_HOUSE = {"origin": who.OUTDOOR_SHOP, "destination": who.RECEIVER_NJ, "service": who.GROUND}
_PROOF = (
    (
        "delivered_photo",
        5000001,
        "Residential delivery with UPS's photo (a small JPEG), left at "
        "the front door; starts out for delivery, advance: delivered.",
        ("Y", "V"),
        True,
    ),
    (
        "delivered_photo_at_ups",
        5000002,
        "Delivered with a photo UPS does not send (issue #39: "
        "indicator Y, code V, no photo string).",
        ("Y", "V"),
        False,
    ),
    (
        "delivered_photo_not_viewable",
        5000003,
        "Delivered; UPS took a photo nobody may view (photoDispositionCode N).",
        ("Y", "N"),
        False,
    ),
    (
        "delivered_photo_not_stored",
        5000004,
        "Delivered; UPS's photo was not stored (photoDispositionCode U).",
        ("Y", "U"),
        False,
    ),
)

SCENARIOS = tuple(
    _by(
        key,
        serial,
        "03",
        description,
        steps=_TO_A_HOUSE,
        start=len(_TO_A_HOUSE) - 1,
        photo_codes=codes,
        photo=photo,
        weight="3.10",
        **_HOUSE,
    )
    for key, serial, description, codes, photo in _PROOF
) + (
    _by(
        "delivered_signed",
        5000005,
        "03",
        "Commercial delivery signed for at reception, no photo (photoCaptureInd N).",
        steps=_TO_AN_OFFICE,
        start=len(_TO_AN_OFFICE),
        origin=who.BOOK_SHOP,
        destination=OFFICE,
        service=who.GROUND,
        received_by="WANG",
        delivery_location=("Reception", "前台"),
        photo_codes=("N", ""),
    ),
    _by(
        "charges_due",
        5000006,
        "66",
        "Worldwide Saver Seattle -> Shanghai released by customs with 243.50 CNY unpaid "
        "(paymentInformation, the spec's ICOD/COD example); no date from UPS.",
        steps=_NO_DATE_TO_SHANGHAI,
        start=9,
        origin=who.US_VITAMINS,
        destination=who.RECEIVER_SH,
        service=who.WORLDWIDE_SAVER,
        weight="2.40",
        charges=(("ICOD/COD", "243.5", "CNY", False),),
    ),
    _by(
        "eta_estimate",
        5000007,
        "66",
        "Worldwide Saver Seattle -> Shanghai, in the air, UPS gives no delivery date: the "
        "Result carries our own eta_estimate (Time in Transit, then lane history).",
        steps=_NO_DATE_TO_SHANGHAI,
        start=4,
        origin=who.US_VITAMINS,
        destination=who.RECEIVER_SH,
        service=who.WORLDWIDE_SAVER,
        weight="1.20",
    ),
    _by(
        "pieces_1",
        5000011,
        "03",
        "Piece 1 of 3 (Ground, Ontario CA -> Brooklyn); out for delivery with piece 2, piece "
        "3 comes a day later. Also tracked under the alternate number " + PIECE_ALTERNATE + ".",
        steps=_PIECE_ON_TIME,
        start=4,
        package_count=3,
        pieces=PIECES,
        alternates=(("USPS_PIC", PIECE_ALTERNATE),),
        origin=who.OUTDOOR_SHOP,
        destination=who.RECEIVER_BROOKLYN,
        service=who.GROUND,
        weight="5.00",
    ),
    _by(
        "pieces_2",
        5000012,
        "03",
        "Piece 2 of 3, out for delivery with piece 1.",
        steps=_PIECE_ON_TIME,
        start=4,
        package_count=3,
        pieces=PIECES,
        origin=who.OUTDOOR_SHOP,
        destination=who.RECEIVER_BROOKLYN,
        service=who.GROUND,
    ),
    _by(
        "pieces_3",
        5000013,
        "03",
        "Piece 3 of 3: missed the sort, delivered the next day (advance: preparing, out for "
        "delivery, delivered).",
        steps=_PIECE_LATE,
        start=3,
        package_count=3,
        pieces=PIECES,
        origin=who.OUTDOOR_SHOP,
        destination=who.RECEIVER_BROOKLYN,
        service=who.GROUND,
    ),
)
