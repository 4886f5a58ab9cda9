"""End to end under UPS faults: with 30 % of Track API calls failing while a parcel moves,
every status that stays current for two of its poll intervals is notified, the final one
too, and nothing twice."""

from __future__ import annotations

import time

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families

from backend.adapters import redis_conn, redis_keys
from backend.domain.statuses import Status
from backend.domain.tracking import next_poll_delay
from backend.sandbox.ups.journeys import BY_KEY
from tests.support.e2e import call, running_stack
from tests.support.wechat import login_code

pytestmark = pytest.mark.e2e

SCALE = 0.00002  # every poll interval becomes its one-second floor
PARCEL = BY_KEY["address_exception_then_delivered"]
TEMPLATES = ["sandbox-tpl-status-change", "sandbox-tpl-attention",
             "sandbox-tpl-out-for-delivery", "sandbox-tpl-delivered"]  # fmt: skip
POPUPS = 6  # credits for every change (minor hops keep the last one back)


@pytest.fixture
def stack(redis_url, redis_client, tmp_path):
    with running_stack(redis_url, tmp_path, POLL_INTERVAL_SCALE=str(SCALE)) as stack:
        yield stack


def metrics(url: str) -> dict[str, float]:
    """GET /metrics (every process's files added up) as "name{labels}" -> value."""
    text = requests.get(f"{url}/metrics", timeout=10).text
    return {
        sample.name + repr(sorted(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def two_poll_intervals(status: str) -> float:
    """Two of the status's poll intervals, at their longest (Track Alert slows polling)."""
    delay = next_poll_delay(Status(status), seconds_since_event=None, scale=SCALE, subscribed=True)
    return 2 * (delay or 1.0)


def test_thirty_percent_ups_errors_miss_no_lasting_status(stack, redis_url):
    url, number = stack.url, PARCEL.number
    redis = redis_conn.connect(redis_url)
    first = call("POST", f"{url}/_sandbox/ups/parcels/{number}/reset", json={"step": 1})
    token = call("POST", f"{url}/api/v1/auth/login", json={"code": login_code("dora")})["token"]
    call("PUT", f"{url}/api/v1/parcels/{number}", token, json={})
    for _ in range(POPUPS):
        call("POST", f"{url}/_sandbox/wechat/subscribe",
             json={"user": "dora", "template_ids": TEMPLATES, "action": "accept"})  # fmt: skip
        time.sleep(1.05)  # WeChat's CreateTime has one-second resolution
    # Track API calls that fail are not retried by the HTTP client (500), so 30 % of the
    # refreshes really fail; the pattern is deterministic (calls 1, 4, 7, ... fail).
    call("POST", f"{url}/_sandbox/ups/faults", json={"error_rate": 0.3, "mode": "500"})
    before = metrics(url)
    statuses = [first["status"]]
    while statuses[-1] != "delivered":
        statuses.append(call("POST", f"{url}/_sandbox/ups/parcels/{number}/advance")["status"])
        time.sleep(two_poll_intervals(statuses[-1]) + 0.3)  # + the refresh's own run time
    changes = sum(1 for a, b in zip(statuses, statuses[1:], strict=False) if a != b)

    openid = call("GET", f"{url}/_sandbox/wechat/quota", params={"user": "dora"})["openid"]
    log = redis.hgetall(redis_keys.notifications(openid))
    sent = {field for field, state in log.items() if state.startswith("sent:")}
    inbox = call("GET", f"{url}/_sandbox/wechat/messages")
    assert changes >= 4 and len(sent) == changes, (statuses, log)
    assert len(inbox) == changes, "a change was sent twice or not at all"
    assert inbox[-1]["template_id"] == "sandbox-tpl-delivered"  # the final status
    ups = call("GET", f"{url}/_sandbox/ups/stats")["track_calls_by_number"][number]
    assert ups >= 2 * changes  # faults were really met: failed calls were retried

    after = metrics(url)
    moved = {name: after.get(name, 0) - before.get(name, 0) for name in after}
    print("metrics moved:", {k: v for k, v in moved.items() if v})
    assert moved["upt_ups_calls_total[('api', 'track'), ('outcome', '500')]"] >= 1
    assert moved["upt_refreshes_total[('outcome', 'failed')]"] >= 1
    assert moved["upt_retries_total[('kind', 'refresh')]"] >= 1
    assert moved["upt_wechat_sends_total[('errcode', '0')]"] >= changes
    assert moved["upt_credits_spent_total[]"] >= changes
    assert moved["upt_notification_delay_seconds_count[]"] >= changes
    assert moved["upt_ups_call_seconds_count[('api', 'track')]"] >= ups // 2
    assert "upt_schedule_lag_seconds[]" in after and "upt_refresh_queue_depth[]" in after
