"""End to end with Track Alert: polling is slow (scale 1), yet a scan reaches WeChat in < 2 s
because the UPS sandbox pushes it to /ups/webhook, which enqueues the refresh at once."""

from __future__ import annotations

import time

import pytest

from backend.adapters import redis_conn, redis_keys
from backend.sandbox.ups.journeys import BY_KEY
from tests.support.e2e import call, running_stack, subscribed, wait_for
from tests.support.wechat import login_code

pytestmark = pytest.mark.e2e

PARCEL = BY_KEY["domestic_delivered"]  # step 8 "preparing for delivery"; next: out for delivery
TEMPLATES = ["sandbox-tpl-out-for-delivery", "sandbox-tpl-status-change"]
PUSH_DEADLINE_SECONDS = 2.0


@pytest.fixture
def stack(redis_url, redis_client, tmp_path):
    with running_stack(redis_url, tmp_path, POLL_INTERVAL_SCALE="1") as stack:
        yield stack


def messages_for(url: str, number: str) -> list[dict]:
    messages = call("GET", f"{url}/_sandbox/wechat/messages")
    return [m for m in messages if f"number={number}" in m["page"].split("?", 1)[-1].split("&")]


def test_a_pushed_scan_reaches_the_wechat_inbox_within_two_seconds(stack, redis_url):
    url, number = stack.url, PARCEL.number
    call("POST", f"{url}/_sandbox/ups/parcels/{number}/reset", json={"step": 8})
    token = call("POST", f"{url}/api/v1/auth/login", json={"code": login_code("alice")})["token"]
    call("PUT", f"{url}/api/v1/parcels/{number}", token, json={})
    # The worker subscribes the watched number within about a second.
    assert wait_for(lambda: number in subscribed(url), timeout=10), "never subscribed"
    body = {"user": "alice", "template_ids": TEMPLATES, "action": "accept"}
    call("POST", f"{url}/_sandbox/wechat/subscribe", json=body)
    next_poll = redis_conn.connect(redis_url).zscore(redis_keys.schedule(number), number)
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


def test_a_pushed_scan_is_notified_even_while_the_track_api_fails(stack, redis_url):
    url, number = stack.url, PARCEL.number
    call("POST", f"{url}/_sandbox/ups/parcels/{number}/reset", json={"step": 8})
    token = call("POST", f"{url}/api/v1/auth/login", json={"code": login_code("carol")})["token"]
    call("PUT", f"{url}/api/v1/parcels/{number}", token, json={})
    assert wait_for(lambda: number in subscribed(url), timeout=10), "never subscribed"
    body = {"user": "carol", "template_ids": TEMPLATES, "action": "accept"}
    call("POST", f"{url}/_sandbox/wechat/subscribe", json=body)
    faults = {"error_rate": 1, "mode": "500", "numbers": [number]}
    call("POST", f"{url}/_sandbox/ups/faults", json=faults)  # every Track API call fails

    call("POST", f"{url}/_sandbox/ups/parcels/{number}/advance")
    sent = wait_for(lambda: messages_for(url, number), timeout=10)
    assert sent, "the pushed scan was not notified while the Track API failed"
    assert sent[0]["template_id"] == "sandbox-tpl-out-for-delivery"
    failed = call("GET", f"{url}/_sandbox/ups/stats")["track_calls_by_number"][number]
    assert failed >= 2  # the watch's lookup, then the webhook's refresh that failed
    # The Track API is asked again soon (not at the slow polling cadence) to complete it. The
    # refresh reschedules after its sends, so the message may arrive a moment before that.
    store = redis_conn.connect(redis_url)

    def retried_soon() -> bool:
        next_poll = store.zscore(redis_keys.schedule(number), number)
        return next_poll is not None and next_poll < time.time() + 30

    assert wait_for(retried_soon, timeout=10), "the failed Track API is not asked again soon"
    store.close()
    time.sleep(1.0)
    assert len(messages_for(url, number)) == 1
