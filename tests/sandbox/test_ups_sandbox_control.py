"""The UPS sandbox's control endpoints: advance, reset, stats and fault settings."""

from __future__ import annotations

import pytest
import requests

from backend.sandbox.ups.journeys import BY_KEY


def test_advance_appends_the_next_scan_now_and_reports_its_status(ups_clients, ups_sandbox):
    scenario = BY_KEY["domestic_delivered"]
    client = ups_clients()
    before = client.track(scenario.number, "en")
    first = ups_sandbox.advance(scenario.number)
    assert first == {
        "number": scenario.number, "scenario": "domestic_delivered", "step": 9,
        "steps": 10, "status": "out_for_delivery", "done": False,
    }  # fmt: skip
    after = client.track(scenario.number, "en")
    assert len(after.events) == len(before.events) + 1
    assert after.events[0].time > before.events[0].time
    last = ups_sandbox.advance(scenario.number)
    assert (last["step"], last["status"], last["done"]) == (10, "delivered", True)


def test_advance_at_the_end_changes_nothing(ups_sandbox):
    number = BY_KEY["shipment_accepted"].number
    assert ups_sandbox.advance(number) == ups_sandbox.advance(number)
    assert ups_sandbox.advance(number)["done"] is True


def test_reset_goes_back_to_the_first_scan_or_a_chosen_one(ups_clients, ups_sandbox):
    scenario = BY_KEY["intl_us_to_cn"]
    client = ups_clients()
    first = ups_sandbox.reset(scenario.number)
    assert (first["step"], first["status"]) == (1, "label_created")
    assert len(client.track(scenario.number, "zh").events) == 1
    chosen = ups_sandbox.reset(scenario.number, 15)
    assert (chosen["step"], chosen["status"]) == (15, "in_transit")
    out_of_range = ups_sandbox.post(f"/parcels/{scenario.number}/reset", {"step": 99})
    assert out_of_range.status_code == 400


@pytest.mark.parametrize("action", ["advance", "reset"])
def test_unknown_numbers_get_a_404_envelope(ups_sandbox, action):
    response = ups_sandbox.post(f"/parcels/1Z999AA10123456784/{action}")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_stats_count_calls_per_number_and_reset(ups_clients, ups_sandbox):
    client = ups_clients()
    numbers = BY_KEY["in_transit"].number, BY_KEY["cancelled"].number
    for number in (numbers[0], numbers[0], numbers[1]):
        client.track(number, "en")
    stats = ups_sandbox.stats()
    assert stats == {
        "track_calls": 3,
        "token_calls": 1,
        "transit_calls": 0,
        "track_calls_by_number": {numbers[0]: 2, numbers[1]: 1},
    }
    assert ups_sandbox.post("/stats/reset").json()["track_calls"] == 0
    assert ups_sandbox.stats() == {
        "track_calls": 0, "token_calls": 0, "transit_calls": 0, "track_calls_by_number": {}
    }  # fmt: skip


@pytest.mark.parametrize(
    "body",
    [{"error_rate": 2}, {"mode": "418"}, {"latency_ms": -1}, {"numbers": "1Z"}, ["x"]],
)
def test_bad_fault_settings_are_refused(ups_sandbox, body):
    assert ups_sandbox.post("/faults", body).status_code == 400


def test_faults_can_be_read_and_cleared(ups_clients, ups_sandbox):
    ups_sandbox.faults(error_rate=1, mode="500")
    assert requests.get(ups_sandbox.url("/faults"), timeout=5).json()["mode"] == "500"
    assert requests.delete(ups_sandbox.url("/faults"), timeout=5).status_code == 204
    assert requests.get(ups_sandbox.url("/faults"), timeout=5).json() == {}
    assert ups_clients().track(BY_KEY["in_transit"].number, "en").events


def test_parcel_view_shows_the_position_without_counting_a_call(ups_sandbox):
    number = BY_KEY["cleared"].number
    view = requests.get(ups_sandbox.url(f"/parcels/{number}"), timeout=5).json()
    assert (view["step"], view["status"], view["done"]) == (13, "cleared", True)
    assert ups_sandbox.stats()["track_calls"] == 0
