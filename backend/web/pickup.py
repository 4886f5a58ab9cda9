"""Adds the Access Point's hours and map point to a held parcel's Result."""

from __future__ import annotations

from typing import Any

from backend.services.locations import LocationService
from backend.services.lookup import Lookup
from backend.web.location_views import found_view
from backend.web.presenters import lookup_view
from backend.web.registry import use


def result_view(lookup: Lookup, lang: str) -> dict[str, Any]:
    """One Result of contract.md, with the Access Point of a parcel held for pickup."""
    return add_access_point(lookup_view(lookup, lang), lookup, lang)


def add_access_point(view: dict[str, Any], lookup: Lookup, lang: str) -> dict[str, Any]:
    """Fill `pickup.access_point` when the parcel waits at a place the locator can find.

    A locator failure leaves it null: the Result still says where (the scan's address) and
    until when, which is what matters most.
    """
    pickup = view.get("pickup")
    shipment = lookup.snapshot.shipment if lookup.snapshot else None
    if not pickup or shipment is None or shipment.held_at is None:
        return view
    found = use(LocationService).held_at(shipment.held_at)
    if found is not None:
        pickup["access_point"] = found_view(found, lang)
    return view
