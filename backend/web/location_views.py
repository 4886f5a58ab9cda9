"""Locations in the contract's JSON shape: both datums, hours by day, open now, labels."""

from __future__ import annotations

from typing import Any

from backend.domain import location_labels as labels
from backend.domain.geo import Point, to_gcj02
from backend.domain.model import HeldAt, Shipment
from backend.domain.opening_hours import DayHours, clock
from backend.domain.statuses import Status
from backend.services.locations import Found, Nearby


def point_view(point: Point) -> dict[str, Any]:
    """WGS-84 lat/lng (UPS, GPS) plus the GCJ-02 pair WeChat's map and openLocation need."""
    shifted = to_gcj02(point)
    return {
        "lat": round(point.lat, 6),
        "lng": round(point.lng, 6),
        "gcj02": {"lat": round(shifted.lat, 6), "lng": round(shifted.lng, 6)},
    }


def _day_view(day: DayHours, lang: str) -> dict[str, Any]:
    shifts = [{"open": clock(s.opens), "close": clock(s.closes)} for s in day.shifts]
    if day.open_24h:
        text = labels.all_day_label(lang)
    elif day.closed or not shifts:
        text = labels.closed_label(lang)
    else:
        text = ", ".join(f"{s['open']}-{s['close']}" for s in shifts)
    return {
        "day": day.day,
        "label": labels.day_label(day.day, lang),
        "closed": day.closed,
        "open_24h": day.open_24h,
        "shifts": shifts,
        "text": text,
    }


def found_view(found: Found, lang: str) -> dict[str, Any]:
    """One location as GET /api/v1/locations lists it."""
    place, state = found.location, found.state
    view: dict[str, Any] = {
        "id": place.id,
        "name": place.name,
        "type": {"code": place.kind.value, "label": labels.kind_label(place.kind, lang)},
        "address": ", ".join(
            part for part in (*place.address_lines, place.city, place.state, place.postcode) if part
        ),
        "address_lines": list(place.address_lines),
        "city": place.city,
        "country": place.country,
        **point_view(place.point),
        "distance_m": round(found.distance_m) if found.distance_m is not None else None,
        "hours": [_day_view(day, lang) for day in place.hours],
        "hours_text": place.hours_text,
        "open_now": state.open_now,
        "closes_at": state.closes_at,
        "opens_at": None,
        "timezone": found.timezone,
        "access_point": None,
    }
    if place.phone:
        view["phone"] = place.phone
    if state.opens_at and state.opens_day:
        day_label = labels.day_label(state.opens_day, lang)
        view["opens_at"] = {"day": state.opens_day, "label": day_label, "time": state.opens_at}
    if place.access_point_id:
        availability = place.availability
        view["access_point"] = {
            "id": place.access_point_id,
            "availability": availability.value if availability else None,
            "availability_label": labels.availability_label(availability, lang)
            if availability
            else None,
        }
    return view


def nearby_view(nearby: Nearby, wanted: str, lang: str) -> dict[str, Any]:
    """The whole answer; an empty list comes with advice (the hotline, ups.com)."""
    view: dict[str, Any] = {
        "origin": point_view(nearby.origin) if nearby.origin else None,
        "kind": wanted,
        "locations": [found_view(found, lang) for found in nearby.places],
        "candidates": [
            {"text": c.text, **(point_view(c.point) if c.point else {})} for c in nearby.candidates
        ],
        "advice": [],
    }
    if not nearby.places and not nearby.candidates:
        view["advice"] = labels.empty_advice(lang)
    return view


def held_view(held: HeldAt) -> dict[str, Any]:
    return {
        "text": held.text(),
        "address_lines": list(held.address_lines),
        "city": held.city,
        "state": held.state,
        "postcode": held.postcode,
        "country": held.country,
    }


def pickup_view(shipment: Shipment) -> dict[str, Any] | None:
    """Where and until when to collect a parcel held for pickup; None for any other parcel.

    `access_point` (hours, map point) is filled in by the web layer when the locator finds
    the place; it stays null when UPS named only the city.
    """
    held = shipment.held_at
    if shipment.status is not Status.READY_FOR_PICKUP and held is None:
        return None
    return {
        "by": shipment.pickup_by,
        "held_at": held_view(held) if held else None,
        "access_point": None,
    }
