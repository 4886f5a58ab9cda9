"""Whole Track API answers of the sandbox: a parcel at its current step, or "not found"."""

from __future__ import annotations

from datetime import timedelta

from backend.domain.statuses import Status
from backend.sandbox.ups import render
from backend.sandbox.ups.journeys.base import EventKind, Scenario


def not_found(number: str) -> dict:
    """UPS's HTTP-200 answer for a number it knows nothing about (docs/ups.md §3)."""
    warning = {"code": "TW0001", "message": "Tracking Information Not Found"}
    return {"trackResponse": {"shipment": [{"inquiryNumber": number, "warnings": [warning]}]}}


def track(scenario: Scenario, times: list[float], lang: str, now: float, signature: bool) -> dict:
    """The body for `scenario` after len(times) scans, the i-th scan having happened at times[i]."""
    package = package_body(scenario, times, lang, now, signature)
    shipment = {"inquiryNumber": scenario.number, "package": [package]}
    return {"trackResponse": {"shipment": [shipment]}}


def _current(event: EventKind, lang: str) -> dict:
    """currentStatus as production sends it: 3-digit code in `code`, no `type` (docs/ups.md §4)."""
    summary = event.summary_zh if lang == "zh" else event.summary_en
    current = {"description": summary, "code": event.status_code}
    if event.type == "X":
        current["simplifiedTextDescription"] = (event.zh if lang == "zh" else event.en).strip()
    return current


def _details(scenario: Scenario, lang: str) -> dict:
    """Package facts that do not change along the journey."""
    details: dict = {}
    ends = (("ORIGIN", scenario.origin), ("DESTINATION", scenario.destination))
    addresses = [render.party(kind, party) for kind, party in ends if party is not None]
    if addresses:
        details["packageAddress"] = addresses
    details["weight"] = {"unitOfMeasurement": "KGS", "weight": scenario.weight}
    if scenario.service is not None:
        service = scenario.service
        description = service.zh if lang == "zh" else service.en
        details["service"] = {"code": service.code, "levelCode": service.level} | {
            "description": description
        }
    if scenario.references:
        details["referenceNumber"] = [{"type": t, "number": n} for t, n in scenario.references]
    length, width, height = scenario.dimensions
    details["dimension"] = {"height": height, "length": length, "width": width} | {
        "unitOfDimension": "CM"
    }
    if scenario.additional_services:
        details["additionalServices"] = list(scenario.additional_services)
    details["packageCount"] = scenario.package_count  # the one integer in the payload
    if scenario.charges:
        details["paymentInformation"] = [
            {"amount": amount, "currency": currency, "id": f"SBX{index:029d}", "paid": paid,
             "paymentMethod": "C0", "type": kind}
            for index, (kind, amount, currency, paid) in enumerate(scenario.charges)
        ]  # fmt: skip
    if scenario.alternates:
        details["alternateTrackingNumber"] = [
            {"number": number, "type": kind} for kind, number in scenario.alternates
        ]
    return details


def package_body(scenario: Scenario, times: list[float], lang: str, now: float, sig: bool) -> dict:
    """One package[] entry: the parcel at its current step."""
    count = len(times)
    latest = scenario.steps[count - 1]
    package: dict = {"trackingNumber": scenario.number}
    if latest.event.status is Status.DELIVERED:
        package |= render.delivered(scenario, times[-1], latest.place, lang, sig)
    else:
        package |= render.dates(scenario, count, now)
    visible = list(zip(scenario.steps[:count], times, strict=True))
    package["activity"] = [render.activity(step, when, lang) for step, when in reversed(visible)]
    package["currentStatus"] = _current(latest.event, lang)
    if latest.event.status is Status.READY_FOR_PICKUP and scenario.pickup_by_days is not None:
        place = scenario.destination.place if scenario.destination else latest.place
        pickup_by = render.local_time(now, place).date() + timedelta(days=scenario.pickup_by_days)
        package["accessPointInformation"] = {"pickupByDate": pickup_by.strftime("%Y%m%d")}
        if scenario.access_point_street:  # street lines: as UPS shows accounts tied to it
            address = package["activity"][0]["location"].setdefault("address", {})
            address["addressLine1"] = scenario.access_point_street
    return package | _details(scenario, lang)
