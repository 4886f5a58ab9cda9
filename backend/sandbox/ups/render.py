"""Track API bodies for a sandbox parcel at its current step, in UPS's wire format and quirks."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from backend.domain.statuses import Status
from backend.sandbox.ups.journeys.base import EtaPlan, EventKind, Party, Place, Scenario, Step

# A 1x1 transparent PNG: UPS sends signature images as base64 bytes.
SIGNATURE_PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)
_NO_DATE_STATUSES = {Status.RETURNED_TO_SENDER, Status.CANCELLED, Status.READY_FOR_PICKUP}


@lru_cache(maxsize=64)
def zone(place: Place) -> tzinfo:
    """The place's time zone; its standard offset when the tz database is missing."""
    try:
        return ZoneInfo(place.tz)
    except ZoneInfoNotFoundError:
        return timezone(timedelta(minutes=place.std_offset))


def local_time(when: float, place: Place) -> datetime:
    return datetime.fromtimestamp(when, zone(place))


def _offset(moment: datetime) -> str:
    minutes = int(moment.utcoffset().total_seconds() // 60)  # type: ignore[union-attr]
    sign, size = ("+" if minutes >= 0 else "-"), abs(minutes)
    return f"{sign}{size // 60:02d}:{size % 60:02d}"


def _location(event: EventKind, place: Place) -> dict:
    country = {"countryCode": place.country, "country": place.country}
    if event.where == "slic":
        return {"slic": place.slic}
    if event.where == "country":
        return {"address": country}
    address = {"city": place.city} | ({"stateProvince": place.state} if place.state else {})
    if event.type == "D" and place.postal:
        address["postalCode"] = place.postal  # UPS leaves the postal code out until delivery
    return {"address": address | country, "slic": place.slic}


def activity(step: Step, when: float, lang: str) -> dict:
    """One activity[] entry: local date/time at the scan's place plus its GMT reading."""
    event, local = step.event, local_time(when, step.place)
    gmt = datetime.fromtimestamp(when, UTC)
    status = {"type": event.type, "description": event.zh if lang == "zh" else event.en}
    if event.code:
        status["code"] = event.code
    status["statusCode"] = event.status_code
    return {
        "location": _location(event, step.place),
        "status": status,
        "date": local.strftime("%Y%m%d"),
        "time": local.strftime("%H%M%S"),
        "gmtDate": gmt.strftime("%Y%m%d"),
        "gmtOffset": _offset(local),
        "gmtTime": gmt.strftime("%H:%M:%S"),
    }


def delivery_plan(scenario: Scenario, count: int) -> tuple[EtaPlan | None, EtaPlan | None]:
    """(SDD plan, RDD plan) in force once `count` scans have happened."""
    sdd = rdd = None
    for step in scenario.steps[:count]:
        plan = step.eta
        if plan is not None and plan.date_type == "":
            sdd = rdd = None
        elif plan is not None:
            sdd, rdd = (plan, rdd) if plan.date_type == "SDD" else (sdd, plan)
    return sdd, rdd


def _delivery_time(plan: EtaPlan) -> dict:
    times = {"startTime": plan.start} if plan.start else {}
    return {"type": plan.time_type} | times | ({"endTime": plan.end} if plan.end else {})


def dates(scenario: Scenario, count: int, now: float) -> dict:
    """deliveryDate (maybe []) and deliveryTime of a parcel not yet delivered."""
    latest = scenario.steps[count - 1]
    if latest.event.status in _NO_DATE_STATUSES:
        return {"deliveryDate": []}
    sdd, rdd = delivery_plan(scenario, count)
    place = scenario.destination.place if scenario.destination else latest.place
    today = local_time(now, place).date()
    dates = [
        {"type": plan.date_type, "date": (today + timedelta(days=plan.days)).strftime("%Y%m%d")}
        for plan in (sdd, rdd)
        if plan is not None
    ]
    newest = rdd or sdd
    if newest is None or not newest.time_type:
        return {"deliveryDate": dates}
    return {"deliveryDate": dates, "deliveryTime": _delivery_time(newest)}


@lru_cache(maxsize=1)
def doorstep_photo() -> str:
    """A small real JPEG (a parcel at a door), base64, as UPS sends delivery photos."""
    return base64.b64encode((Path(__file__).parent / "doorstep.jpg").read_bytes()).decode()


def delivery_photo(scenario: Scenario) -> dict | None:
    """deliveryPhoto as Track sends it: codes always, the photo only when UPS would show it."""
    if scenario.photo_codes is None:
        return None
    capture, disposition = scenario.photo_codes
    photo: dict = {"isNonPostalCodeCountry": False, "photoCaptureInd": capture}
    if disposition:
        photo["photoDispositionCode"] = disposition
    if scenario.photo:
        photo["photo"] = doorstep_photo()
    return photo


def delivered(scenario: Scenario, when: float, place: Place, lang: str, signature: bool) -> dict:
    local = local_time(when, place)
    info: dict[str, Any] = {"location": scenario.delivery_location[1 if lang == "zh" else 0]}
    if scenario.received_by:
        info["receivedBy"] = scenario.received_by
    if scenario.signature and signature:
        info["signature"] = {"image": SIGNATURE_PNG}
    photo = delivery_photo(scenario)
    if photo is not None:
        info["deliveryPhoto"] = photo
    return {
        "deliveryDate": [{"type": "DEL", "date": local.strftime("%Y%m%d")}],
        "deliveryTime": {"type": "DEL", "endTime": local.strftime("%H%M%S")},
        "deliveryInformation": info,
    }


def party(kind: str, party: Party) -> dict:
    place = party.place
    address = {"addressLine1": party.street} | (
        {"addressLine2": party.street2} if party.street2 else {}
    )
    address |= {"city": place.city, "stateProvince": place.state, "postalCode": place.postal}
    address |= {"countryCode": place.country, "country": place.country}
    attention = {"attentionName": party.attention} if party.attention else {}
    return {"type": kind, "name": party.name} | attention | {"address": address}
