"""End to end with Track Alert: polling is slow (scale 1), yet a scan reaches WeChat in < 2 s
because the UPS sandbox pushes it to /ups/webhook, which enqueues the refresh at once."""

from __future__ import annotations

import time

import pytest
import requests

from backend.adapters import redis_conn, redis_keys
from backend.sandbox.ups.journeys import BY_KEY
from tests.support.stack import Stack
from tests.support.wechat import login_code

pytestmark = pytest.mark.e2e

PARCEL = BY_KEY["domestic_delivered"]  # step 8 "preparing for delivery"; next: out for delivery
TEMPLATES = ["sandbox-tpl-out-for-delivery", "sandbox-tpl-status-change"]
PUSH_DEADLINE_SECONDS = 2.0


@pytest.fixture
def stack(redis_url, redis_client, tmp_path):
    stack = Stack(redis_url, tmp_path, POLL_INTERVAL_SCALE="1", QUIET_HOURS="off")
    stack.start_api()
    stack.start_worker()
    yield stack
    stack.stop()


def call(method: str, url: str, token: str | None = None, **kwargs) -> dict:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = requests.request(method, url, headers=headers, timeout=30, **kwargs)
    assert response.status_code == 200, response.text
    return response.json() if response.content else {}


def wait_for(condition, timeout: float, step: float = 0.02):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(step)
    return None


def subscribed(url: str) -> set[str]:
    body = call("GET", f"{url}/_sandbox/ups/track-alert/subscriptions")
    return {entry["number"] for entry in body["subscriptions"]}


def messages_for(url: str, number: str) -> list[dict]:
    messages = call("GET", f"{url}/_sandbox/wechat/messages")
    return [m for m in messages if m["page"].endswith(f"number={number}")]


def test_a_pushed_scan_reaches_the_wechat_inbox_within_two_seconds(stack, redis_url):
    url, number = stack.url, PARCEL.number
    call("POST", f"{url}/_sandbox/ups/parcels/{number}/reset", json={"step": 8})
    token = call("POST", f"{url}/api/v1/auth/login", json={"code": login_code("alice")})["token"]
    call("PUT", f"{url}/api/v1/parcels/{number}", token, json={})
    # The worker subscribes the watched number within about a second.
    assert wait_for(lambda: number in subscribed(url), timeout=10), "never subscribed"
    body = {"user": "alice", "template_ids": TEMPLATES, "action": "accept"}
    call("POST", f"{url}/_sandbox/wechat/subscribe", json=body)
    next_poll = redis_conn.connect(redis_url).zscore(redis_keys.schedule(), number)
    assert next_poll is not None and next_poll > time.time() + 600  # polling is far off

    started = time.monotonic()
    assert call("POST", f"{url}/_sandbox/ups/parcels/{number}/advance")["status"] == (
        "out_for_delivery"
    )
    sent = wait_for(lambda: messages_for(url, number), timeout=10)
    elapsed = time.monotonic() - started
    assert sent, "no message: the webhook did not trigger a refresh"
    assert elapsed <= PUSH_DEADLINE_SECONDS, f"message after {elapsed:.2f} s"
    assert sent[0]["template_id"] == "sandbox-tpl-out-for-delivery"

    time.sleep(1.0)  # a duplicate would show up now
    assert len(messages_for(url, number)) == 1
    stats = call("GET", f"{url}/_sandbox/ups/track-alert/subscriptions")["stats"]
    assert stats.get("webhook_ok") == 1
    calls = call("GET", f"{url}/_sandbox/ups/stats")["track_calls_by_number"][number]
    assert calls <= 3  # the watch's lookup, the webhook's refresh (and maybe a sandbox read)
