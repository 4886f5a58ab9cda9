"""The Shipment model: defaults, immutability, exact JSON round trip, fingerprint, redaction."""

from __future__ import annotations

import dataclasses
import json

import pytest

from backend.domain.model import (
    PERSONAL_FIELDS,
    Charge,
    Dimensions,
    Eta,
    EtaEstimate,
    HeldAt,
    Pieces,
    Place,
    Shipment,
    TrackingEvent,
    Weight,
    fingerprint,
    latest_event,
    shipment_from_dict,
    shipment_to_dict,
    without_personal_data,
)
from backend.domain.statuses import Status

NEWER = TrackingEvent(
    "2024-03-20T19:08:38+08:00", "Changi, SG", "At the clearing agency", Status.CLEARANCE_IN_PROGRESS, "", "092"
)  # fmt: skip
OLDER = TrackingEvent("2024-03-18", "BE", "Label created", Status.LABEL_CREATED, "MP", "003")


def full_shipment() -> Shipment:
    """Every field set to something other than its default."""
    return Shipment(
        number="1Z1202R66698804005",
        status=Status.CLEARANCE_IN_PROGRESS,
        status_description="Customs Clearance in Progress",
        events=(NEWER, OLDER),
        eta=Eta("2024-03-25", "09:00", "12:00", "window"),
        delivered_at="2024-03-25T10:00:00+10:00",
        weight=Weight("17.00", "KGS"),
        dimensions=Dimensions("52.00", "51.00", "51.00", "CM"),
        service="UPS Express®",
        package_count=2,
        alternate_numbers=("92419900000033499522966220",),
        origin_country="BE",
        destination_country="AU",
        pickup_by="2024-03-30",
        delivery_location="Front Door",
        additional_services=("SIGNATURE_REQUIRED",),
        received_by="MARTIN",
        origin_address=Place("Brussels", "", "BE"),
        destination_address=Place("CAIRNS", "QLD", "AU"),
        held_at=HeldAt(("12 SHIELDS ST",), "CAIRNS", "QLD", "4870", "AU"),
        photo="at_ups",
        charges=(Charge("ICOD/COD", "243.50", "EUR", False),),
        pieces=Pieces(2, ("1Z1202R66698804005", "1Z1202R66698804014"), ("delivered", "in_transit")),
        eta_estimate=EtaEstimate("2024-03-24", "2024-03-26", "lane_history", 0.8, 12),
    )


def test_the_full_shipment_fixture_sets_every_field():
    defaults = Shipment(number="x")
    changed = [f.name for f in dataclasses.fields(Shipment)]
    assert all(getattr(full_shipment(), n) != getattr(defaults, n) for n in changed)


def test_a_shipment_round_trips_exactly_through_json():
    original = full_shipment()
    text = json.dumps(shipment_to_dict(original), ensure_ascii=False)
    restored = shipment_from_dict(json.loads(text))
    assert restored == original
    assert isinstance(restored.events, tuple) and restored.events[0].status is Status(
        "clearance_in_progress"
    )


def test_the_dict_holds_only_json_types():
    data = shipment_to_dict(full_shipment())
    assert json.loads(json.dumps(data)) == data  # no tuples, enums or dataclasses left
    assert data["status"] == "clearance_in_progress" and type(data["status"]) is str
    assert data["events"][0]["ups_status_code"] == "092"


def test_a_minimal_shipment_round_trips_with_its_defaults():
    minimal = Shipment(number="1Z", status=Status.IN_TRANSIT, events=(OLDER,))
    assert minimal.eta is None and minimal.alternate_numbers == ()
    assert shipment_from_dict(shipment_to_dict(minimal)) == minimal


def test_from_dict_ignores_unknown_keys_and_fills_missing_ones():
    data = shipment_to_dict(full_shipment())
    data["added_later"] = 1
    data["events"][0]["also_new"] = "x"
    del data["pickup_by"]
    restored = shipment_from_dict(data)
    assert restored.pickup_by is None
    assert restored.events == full_shipment().events


def test_an_unknown_status_code_from_an_old_cache_becomes_unknown():
    data = shipment_to_dict(full_shipment())
    data["status"] = "teleported"
    assert shipment_from_dict(data).status is Status.UNKNOWN


def test_the_model_is_immutable():
    with pytest.raises(dataclasses.FrozenInstanceError):
        full_shipment().status = Status.DELIVERED  # type: ignore[misc]


def test_latest_event_is_the_first_and_none_without_events():
    assert latest_event(full_shipment()) is NEWER
    assert latest_event(Shipment(number="1Z")) is None


def test_the_fingerprint_changes_with_what_a_watcher_sees_and_only_that():
    base = full_shipment()
    assert fingerprint(base) == fingerprint(shipment_from_dict(shipment_to_dict(base)))
    assert len(fingerprint(base)) == 16
    seen_changes = [
        dataclasses.replace(base, status=Status.CLEARED),
        dataclasses.replace(base, events=(OLDER,)),
        dataclasses.replace(base, eta=Eta("2024-03-26")),
        dataclasses.replace(base, delivered_at=None),
    ]
    assert len({fingerprint(s) for s in seen_changes} | {fingerprint(base)}) == 5
    assert fingerprint(dataclasses.replace(base, received_by="SOMEONE")) == fingerprint(base)


def test_without_personal_data_drops_names_and_addresses_only():
    shared = without_personal_data(full_shipment())
    assert all(getattr(shared, name) is None for name in PERSONAL_FIELDS)
    assert set(PERSONAL_FIELDS) == {
        "received_by", "origin_address", "destination_address", "held_at", "photo"
    }  # fmt: skip
    kept = dataclasses.replace(full_shipment(), **dict.fromkeys(PERSONAL_FIELDS))
    assert shared == kept and shared.events == (NEWER, OLDER)


def test_a_place_reads_as_city_state_country_without_gaps():
    assert Place("Brussels", "", "BE").text() == "Brussels, BE"
    assert Place().text() == ""
