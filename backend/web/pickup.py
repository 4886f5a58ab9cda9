"""A Result as the API shows it to a reader: the lookup's view, with the Access Point the
lookup use case found for a parcel held for pickup. Rendering only: no I/O here."""

from __future__ import annotations

from typing import Any

from backend.services.lookup import Lookup
from backend.web.location_views import found_view
from backend.web.presenters import lookup_view


def result_view(lookup: Lookup, lang: str) -> dict[str, Any]:
    """One Result (docs/api.md, "Result"), with `pickup.access_point` filled when the
    lookup found the place. Without it the Result still says where (the scan's address)
    and until when, which is what matters most."""
    view = lookup_view(lookup, lang)
    pickup = view.get("pickup")
    if pickup and lookup.access_point is not None:
        pickup["access_point"] = found_view(lookup.access_point, lang)
    return view
