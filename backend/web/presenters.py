"""Turn domain objects into the contract's JSON shapes, in the request's language."""

from __future__ import annotations

from typing import Any

from backend.domain import statuses
from backend.domain.advice import HOTLINE, advise, eta_passed
from backend.domain.delivery_terms import delivery_term
from backend.domain.model import Shipment, TrackingEvent, iso_utc
from backend.domain.numbers import reason_message
from backend.domain.places import localize_location
from backend.domain.share_view import eta_view
from backend.services.lookup import Lookup
from backend.web.extras_views import extras_view
from backend.web.location_views import pickup_view
from backend.web.messages import message_for


def status_view(status: statuses.Status, lang: str, with_description: bool = True) -> dict:
    view = {"code": status.value, "label": statuses.label(status, lang)}
    if with_description:
        view["description"] = statuses.explanation(status, lang)
    return view


def event_view(event: TrackingEvent, lang: str) -> dict:
    return {
        "time": event.time,
        "location": localize_location(event.location, lang),
        "description": event.description,
        "status": status_view(event.status, lang, with_description=False),
    }


def shipment_view(shipment: Shipment, lang: str) -> dict[str, Any]:
    """The tracking part of a Result: status, events, ETA, package facts and advice."""
    return {
        "status": status_view(shipment.status, lang),
        "events": [event_view(event, lang) for event in shipment.events],
        "eta": _eta(shipment),
        "delivered_at": shipment.delivered_at,
        "weight": {"value": shipment.weight.value, "unit": shipment.weight.unit}
        if shipment.weight
        else None,
        "dimensions": _dimensions(shipment),
        "service": shipment.service,
        "package_count": shipment.package_count,
        "received_by": delivery_term(shipment.received_by, lang),
        "delivery_location": delivery_term(shipment.delivery_location, lang),
        "pickup": pickup_view(shipment),
        "advice": advice_view(shipment, lang),
        **extras_view(shipment, lang),
    }


def _eta(shipment: Shipment) -> dict | None:
    """The ETA, with `passed: true` once its day is over and the parcel is not delivered
    (the advice then says what usually causes it and offers the hotline)."""
    view = eta_view(shipment.eta)
    if view is not None and eta_passed(shipment):
        view["passed"] = True
    return view


def advice_view(shipment: Shipment, lang: str) -> list[dict[str, Any]]:
    items = []
    for advice in advise(shipment, lang):
        item: dict[str, Any] = {"code": advice.code, "text": advice.text}
        if advice.hotline:
            item["hotline"] = HOTLINE
        if advice.steps:
            item["steps"] = list(advice.steps)
        items.append(item)
    return items


def _dimensions(shipment: Shipment) -> dict | None:
    d = shipment.dimensions
    if d is None:
        return None
    return {"length": d.length, "width": d.width, "height": d.height, "unit": d.unit}


def lookup_view(lookup: Lookup, lang: str) -> dict[str, Any]:
    """One Result (docs/api.md, "Result"): ok with the snapshot, or the number's own error."""
    if lookup.snapshot is None:
        return {"number": lookup.number, "ok": False, "error": _error_view(lookup, lang)}
    return {
        "number": lookup.number,
        "ok": True,
        **shipment_view(lookup.snapshot.shipment, lang),
        "as_of": iso_utc(lookup.snapshot.fetched_at),
        "stale": lookup.stale,
    }


def _error_view(lookup: Lookup, lang: str) -> dict[str, str]:
    code = lookup.error or "upstream_unavailable"
    if code == "invalid_number" and lookup.reason == "rejected_by_ups":
        message = message_for("rejected_by_ups", lang)
    elif code == "invalid_number" and lookup.reason:
        message = reason_message(lookup.reason, lang)
    elif code == "not_found":
        message = message_for("not_found_number", lang)
    else:
        message = message_for(code, lang)
    return {"code": code, "message": message}
