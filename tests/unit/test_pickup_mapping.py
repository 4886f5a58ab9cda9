"""Where a held parcel waits, from the Track API's latest scan (city only, or with a street)."""

from __future__ import annotations

from backend.adapters.ups.mapping import parse_track_response
from backend.domain.model import HeldAt
from backend.domain.statuses import Status


def response(address: dict, code: str = "ZP", access_point: dict | None = None) -> dict:
    newest = {
        "location": {"address": address, "slic": "1123"},
        "status": {"type": "D", "code": code, "statusCode": "040",
                   "description": "Delivered to UPS Access Point™ and awaiting customer pickup."},
        "date": "20261130", "time": "101500",
    }  # fmt: skip
    older = {
        "location": {"address": {"city": "NEW YORK", "stateProvince": "NY", "countryCode": "US"}},
        "status": {"type": "X", "code": "48", "statusCode": "005", "description": "Attempted"},
        "date": "20261129",
        "time": "150000",
    }
    # UPS order: activity[0] is the most recent scan.
    package = {"trackingNumber": "1Z0000000000000000", "activity": [newest, older]}
    if access_point is not None:
        package["accessPointInformation"] = access_point
    return {"trackResponse": {"shipment": [{"package": [package]}]}}


def test_city_level_scan_as_most_accounts_see_it():
    payload = response(
        {"city": "BROOKLYN", "stateProvince": "NY", "postalCode": "", "countryCode": "US"},
        access_point={"pickupByDate": "20261207"},
    )
    shipment = parse_track_response(payload, "1Z0000000000000000")
    assert shipment.status is Status.READY_FOR_PICKUP and shipment.pickup_by == "2026-12-07"
    assert shipment.held_at == HeldAt((), "BROOKLYN", "NY", "", "US")
    assert shipment.held_at.text() == "BROOKLYN, NY, US"


def test_street_lines_when_the_account_is_tied_to_the_shipment():
    address = {
        "addressLine1": "150 COURT ST", "addressLine2": "", "city": "BROOKLYN",
        "stateProvince": "NY", "postalCode": "11201", "country": "US",
    }  # fmt: skip
    shipment = parse_track_response(response(address), "1Z0000000000000000")
    assert shipment.held_at == HeldAt(("150 COURT ST",), "BROOKLYN", "NY", "11201", "US")


def test_parcels_not_waiting_for_pickup_have_no_held_place():
    payload = response({"city": "BROOKLYN", "countryCode": "US"}, code="FS")
    payload["trackResponse"]["shipment"][0]["package"][0]["activity"][1]["status"] = {
        "type": "D", "code": "FS", "statusCode": "011", "description": "DELIVERED"
    }  # fmt: skip
    payload["trackResponse"]["shipment"][0]["package"][0]["activity"][0]["status"] = {
        "type": "D", "code": "FS", "statusCode": "011", "description": "DELIVERED"
    }  # fmt: skip
    assert parse_track_response(payload, "1Z0000000000000000").held_at is None
