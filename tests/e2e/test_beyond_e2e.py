"""End to end for issue #22 as `make run` runs it (API, worker, sandboxes): an enhanced Track
Alert push brings UPS's delivery photo to the watcher, and a three-piece shipment delivered
over two days is announced delivered once, with its last piece."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import requests

from backend.sandbox.ups.journeys import BY_KEY
from backend.sandbox.ups.journeys.beyond import PIECES
from tests.support.e2e import call, running_stack, wait_for
from tests.support.wechat import login_code

pytestmark = pytest.mark.e2e

JPEG = (Path(__file__).resolve().parents[2] / "backend/sandbox/ups/doorstep.jpg").read_bytes()
TEMPLATES = ["sandbox-tpl-out-for-delivery", "sandbox-tpl-status-change", "sandbox-tpl-delivered"]


@pytest.fixture
def stack(redis_url, redis_client, tmp_path):
    with running_stack(redis_url, tmp_path, POLL_INTERVAL_SCALE="1") as stack:
        yield stack


def enhanced(url: str) -> dict[str, str]:
    body = call("GET", f"{url}/_sandbox/ups/track-alert/subscriptions")
    return {entry["number"]: entry["type"] for entry in body["subscriptions"]}


def test_an_enhanced_push_brings_the_delivery_photo_to_the_watcher(stack):
    url, number = stack.url, BY_KEY["delivered_photo"].number
    call("POST", f"{url}/_sandbox/ups/parcels/{number}/reset", json={"step": 5})  # out for delivery
    token = call("POST", f"{url}/api/v1/auth/login", json={"code": login_code("dora")})["token"]
    call("PUT", f"{url}/api/v1/parcels/{number}", token, json={})
    assert wait_for(lambda: enhanced(url).get(number), timeout=10) == "enhanced:DXI"
    photo_url = f"{url}/api/v1/parcels/{number}/delivery-photo"
    headers = {"Authorization": f"Bearer {token}"}
    assert requests.get(photo_url, headers=headers, timeout=10).status_code == 404

    call("POST", f"{url}/_sandbox/ups/parcels/{number}/advance")  # delivered, with the photo

    def photo() -> bytes | None:
        response = requests.get(photo_url, headers=headers, timeout=10)
        return response.content if response.status_code == 200 else None

    assert wait_for(photo, timeout=10) == JPEG

    def proof() -> dict | None:  # the worker's refresh has made it into the snapshot
        return call("GET", f"{url}/api/v1/parcels/{number}", token)["delivery"]

    delivery = wait_for(proof, timeout=10)
    assert delivery and delivery["photo"] == "available"
    assert delivery["not_received"]["title"] == "已签收但没收到？"


def test_three_pieces_over_two_days_are_announced_delivered_once(stack):
    url = stack.url
    for number, step in zip(PIECES, (4, 4, 3), strict=True):
        call("POST", f"{url}/_sandbox/ups/parcels/{number}/reset", json={"step": step})
    token = call("POST", f"{url}/api/v1/auth/login", json={"code": login_code("erin")})["token"]
    call("PUT", f"{url}/api/v1/parcels/{PIECES[0]}", token, json={})
    body = {"user": "erin", "template_ids": TEMPLATES, "action": "accept"}
    for _ in range(3):
        call("POST", f"{url}/_sandbox/wechat/subscribe", json=body)

    def sent() -> list[dict]:
        messages = call("GET", f"{url}/_sandbox/wechat/messages")
        # The page carries from=message after the number (the detail page offers renewing).
        return [m for m in messages if f"number={PIECES[0]}&" in m["page"] + "&"]

    def delivered_messages() -> list[dict]:
        return [m for m in sent() if m["template_id"] == "sandbox-tpl-delivered"]

    # The other pieces are subscribed to Track Alert for the watched number's sake.
    assert wait_for(lambda: set(PIECES) <= set(enhanced(url)), timeout=10), "pieces not followed"

    # Day one: pieces 1 and 2 are delivered (each pushed), piece 3 waits at the depot.
    call("POST", f"{url}/_sandbox/ups/parcels/{PIECES[0]}/advance")
    call("POST", f"{url}/_sandbox/ups/parcels/{PIECES[1]}/advance")
    assert wait_for(lambda: call("GET", f"{url}/api/v1/parcels/{PIECES[0]}", token)["pieces"]
                    ["delivered"] == 2, timeout=10)  # fmt: skip
    time.sleep(1.0)
    assert delivered_messages() == []  # two of three is not "delivered"

    # Day two: piece 3 is prepared, goes out and is delivered; its pushes refresh piece 1.
    for _ in range(3):
        call("POST", f"{url}/_sandbox/ups/parcels/{PIECES[2]}/advance")
    assert wait_for(delivered_messages, timeout=15), "never told of the last delivery"
    time.sleep(1.0)
    assert len(delivered_messages()) == 1
