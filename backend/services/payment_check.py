"""The link checker's second opinion on payment requests: does UPS's own data show a charge
pending for the parcels a text names, or for the user's watched parcels?"""

from __future__ import annotations

from dataclasses import dataclass

from backend.domain import charges, payments
from backend.domain.model import Charge
from backend.ports import WatchStore
from backend.services.lookup import LookupService


@dataclass(frozen=True)
class ParcelCharges:
    number: str
    watched: bool
    known: bool  # UPS answered for it
    pending: tuple[Charge, ...]
    text: str


@dataclass(frozen=True)
class PaymentReport:
    asks_for_payment: bool
    parcels: tuple[ParcelCharges, ...]
    text: str


class PaymentCheck:
    def __init__(self, watches: WatchStore, lookup: LookupService) -> None:
        self._watches = watches
        self._lookup = lookup

    def check(
        self, text: str, official: bool | None, openid: str | None, lang: str
    ) -> PaymentReport | None:
        """None when the text neither asks for money nor names a parcel and the user watches
        nothing owed; else what UPS's data says about each parcel concerned."""
        asks = payments.asks_for_payment(text)
        named = payments.numbers_named(text)
        watched = {w.number for w in self._watches.list(openid)} if openid else set()
        numbers = named or (sorted(watched) if asks else [])
        parcels = tuple(self._parcel(n, n in watched, lang) for n in numbers)
        if not named:  # only the watched parcels that owe something are worth naming
            parcels = tuple(p for p in parcels if p.pending)
        if not (asks or named):
            return None
        return PaymentReport(asks, parcels, payments.summary(official, asks, lang))

    def _parcel(self, number: str, watched: bool, lang: str) -> ParcelCharges:
        lookup = self._lookup.lookup_one(number, lang)
        shipment = lookup.snapshot.shipment if lookup.snapshot else None
        pending = charges.unpaid(shipment) if shipment else ()
        text = payments.parcel_answer(number, shipment, lang)
        return ParcelCharges(number, watched, shipment is not None, pending, text)
