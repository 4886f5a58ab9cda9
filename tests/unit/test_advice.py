"""Advice attached to a parcel: per status, and from timing (quiet, past ETA, long customs)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from backend.domain.advice import HOTLINE, advise
from backend.domain.model import Eta, Shipment, TrackingEvent
from backend.domain.statuses import Status

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def parcel(status: Status, *event_days: int, eta: str | None = None) -> Shipment:
    """A parcel whose events happened `event_days` days before NOW (newest first)."""
    events = tuple(
        TrackingEvent(f"2026-11-{25 - days:02d}T08:00:00+00:00", "Shanghai, CN", "scan", status)
        for days in event_days
    )
    return Shipment(number="1Z999AA10123456784", status=status, events=events,
                    eta=Eta(eta) if eta else None)  # fmt: skip


def codes(shipment: Shipment, lang: str = "zh") -> dict[str, bool]:
    return {a.code: a.hotline for a in advise(shipment, lang, NOW)}


def test_a_quiet_parcel_suggests_checking_and_the_hotline():
    assert codes(parcel(Status.IN_TRANSIT, 5)) == {"no_recent_update": True}
    assert codes(parcel(Status.IN_TRANSIT, 1)) == {}


def test_a_parcel_past_its_eta_says_so():
    assert codes(parcel(Status.IN_TRANSIT, 1, eta="2026-11-23")) == {"past_eta": True}
    assert codes(parcel(Status.IN_TRANSIT, 1, eta="2026-11-26")) == {}


def test_long_customs_is_measured_from_the_start_of_the_hold():
    # (customs_steps: the step-by-step guide every customs status into China gets, #22)
    assert codes(parcel(Status.CLEARANCE_IN_PROGRESS, 0, 4)) == {
        "customs": False,
        "customs_steps": False,
        "customs_long": True,
    }
    assert codes(parcel(Status.CLEARANCE_IN_PROGRESS, 0, 1)) == {
        "customs": False,
        "customs_steps": False,
    }


def test_an_attempt_gets_what_to_check_and_how_to_reschedule():
    assert codes(parcel(Status.DELIVERY_ATTEMPTED, 0)) == {
        "delivery_attempted": True,
        "reschedule": False,
    }


@pytest.mark.parametrize("status", [Status.DELIVERED, Status.RETURNED_TO_SENDER, Status.CANCELLED])
def test_finished_parcels_get_no_timing_advice(status):
    found = codes(parcel(status, 20, eta="2026-11-01"))
    assert "no_recent_update" not in found and "past_eta" not in found


def test_advice_is_written_in_the_requested_language_with_values_filled():
    [zh] = advise(parcel(Status.IN_TRANSIT, 6), "zh", NOW)
    [en] = advise(parcel(Status.IN_TRANSIT, 6), "en", NOW)
    assert "6 天" in zh.text and "6 days" in en.text
    assert HOTLINE == "400-820-8555"
