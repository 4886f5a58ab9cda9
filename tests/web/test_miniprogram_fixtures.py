"""The mini-program's share fixture is what the API really sends: tests and previews of the
share page read miniprogram/tests/support/fixtures/shared-view.json, recorded from this app
(UPDATE_MINIPROGRAM_FIXTURES=1 records it again), and this test keeps its shape honest."""

from __future__ import annotations

import json
import os
from pathlib import Path

import requests

from tests.support.shares import Sharer, scenario_number

FIXTURE = (
    Path(__file__).resolve().parents[2] / "miniprogram/tests/support/fixtures/shared-view.json"
)


def shape(value, path: str = "") -> set[str]:
    """Every key path of a JSON value with the type found there (lists by their items)."""
    if isinstance(value, dict):
        found = {f"{path}:object"}
        for key, item in value.items():
            found |= shape(item, f"{path}.{key}")
        return found
    if isinstance(value, list):
        found = {f"{path}:array"}
        for item in value:
            found |= shape(item, f"{path}[]")
        return found
    return {f"{path}:{'null' if value is None else type(value).__name__}"}


def test_the_share_fixture_has_the_shape_the_api_sends(live):
    server, _app = live
    sharer = Sharer(server.url, "fixture-recorder")
    number = scenario_number(server.url, "out_for_delivery")
    sharer.watch(number, "妈妈的保健品")
    share_id = sharer.share(number).json()["share_id"]  # as the mini-program shares: no nickname
    sent = requests.get(f"{server.url}/api/v1/shares/{share_id}", timeout=10).json()
    if os.environ.get("UPDATE_MINIPROGRAM_FIXTURES"):
        FIXTURE.write_text(json.dumps(sent, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    recorded = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert "nickname" not in sent and "nickname" not in recorded
    assert shape(recorded) == shape(sent)
    assert recorded["status"] == sent["status"]  # labels and descriptions as the API words them
