"""The lookup API over real HTTP against the UPS sandbox: limits, order, errors, staleness,
single flight, advice, help, scan, links and rate limiting."""

from __future__ import annotations

import threading

import pytest
import requests

from backend.adapters import redis_conn, redis_keys
from tests.support.numbers import make_1z
from tests.support.stores import settings_of, stores

TRANSIT = "1ZSBXUS10310000042"
ATTEMPTED = "1ZSBXUS10310000079"
CUSTOMS = "1ZSBXCN16620000022"
PICKUP = "1ZSBXUS10310000097"
EXCEPTION = "1ZSBXEX10340000019"
NOT_FOUND = "1ZSBXEX10340000073"


def track(live, numbers, lang="zh", method="get"):
    server, _app = live
    if method == "get":
        return requests.get(
            f"{server.url}/api/v1/track", params={"numbers": numbers, "lang": lang}, timeout=30
        )
    return requests.post(
        f"{server.url}/api/v1/track?lang={lang}", json={"numbers": numbers}, timeout=30
    )


def test_results_come_in_input_order_without_duplicates_with_errors_in_place(live):
    text = f"{ATTEMPTED}，{NOT_FOUND}\n1Z999AA10123456785 {ATTEMPTED.lower()}、{TRANSIT}"
    body = track(live, text).json()
    assert [r["number"] for r in body["results"]] == [
        ATTEMPTED,
        NOT_FOUND,
        "1Z999AA10123456785",
        TRANSIT,
    ]
    ok, missing, invalid, transit = body["results"]
    assert ok["ok"] and ok["status"] == {
        "code": "delivery_attempted",
        "label": "派送未成功",
        "description": ok["status"]["description"],
    }
    assert missing["error"]["code"] == "not_found" and not missing["ok"]
    assert invalid["error"]["code"] == "invalid_number" and "校验" in invalid["error"]["message"]
    assert transit["ok"] and transit["events"] and transit["as_of"] and transit["stale"] is False


def test_post_accepts_a_list_and_english(live):
    body = track(live, [TRANSIT, CUSTOMS], lang="en", method="post").json()
    assert [r["status"]["label"] for r in body["results"]] == [
        "In Transit",
        "Clearance in Progress",
    ]


def test_thirty_numbers_are_fine_and_thirty_one_are_refused(live):
    numbers = [make_1z("LIMITS", i) for i in range(31)]
    assert len(track(live, ",".join(numbers[:30])).json()["results"]) == 30
    response = track(live, ",".join(numbers), lang="en")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "too_many_numbers"
    assert "31" in response.json()["error"]["message"]


@pytest.mark.parametrize("numbers", ["", "   ", "UPS 单号 谢谢"])
def test_no_numbers_is_a_400_in_chinese(live, numbers):
    response = track(live, numbers)
    assert response.status_code == 400
    assert response.json()["error"] == {
        "code": "no_numbers",
        "message": "没有找到运单号，请输入或粘贴 UPS 运单号。",
    }


@pytest.mark.parametrize("body", [{"numbers": 5}, {"numbers": [1, 2]}, {}, [], "x"])
def test_malformed_bodies_get_the_envelope_not_a_500(live, body):
    server, _app = live
    response = requests.post(f"{server.url}/api/v1/track", json=body, timeout=10)
    assert response.status_code == 400 and "error" in response.json()


def test_ups_failure_serves_the_cached_snapshot_as_stale_and_still_answers_200(live, ups_sandbox):
    server, app = live
    first = track(live, TRANSIT).json()["results"][0]
    stores(app).redis.delete(redis_keys.lookup_error(TRANSIT, "zh"))
    _expire_freshness(app, TRANSIT)
    ups_sandbox.faults(error_rate=1.0, mode="503")
    again = track(live, f"{TRANSIT} {CUSTOMS}")
    assert again.status_code == 200
    stale, uncached = again.json()["results"]
    assert stale["ok"] and stale["stale"] is True and stale["as_of"] == first["as_of"]
    assert uncached["error"]["code"] == "upstream_unavailable"


def _expire_freshness(app, number: str) -> None:
    """Age the cached snapshot past its freshness without waiting an hour."""
    from backend.adapters.snapshot_cache import decode, encode

    blobs = redis_conn.connect(settings_of(app).redis_url, decode=False)
    key = redis_keys.snapshots(number)
    document = decode(blobs.get(key))
    document["zh"]["u"] = 0
    blobs.set(key, encode(document), keepttl=True)
    blobs.close()


def test_fifty_concurrent_lookups_of_one_uncached_number_cost_one_ups_call(live, ups_sandbox):
    ups_sandbox.faults(latency_ms=300)
    ups_sandbox.post("/stats/reset")
    barrier = threading.Barrier(50)
    codes: list[int] = []

    def lookup():
        barrier.wait()
        codes.append(track(live, CUSTOMS).status_code)

    threads = [threading.Thread(target=lookup) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert codes == [200] * 50
    assert ups_sandbox.stats()["track_calls_by_number"] == {CUSTOMS: 1}


@pytest.mark.parametrize(
    ("number", "advice", "hotline"),
    [
        (ATTEMPTED, {"delivery_attempted", "reschedule"}, True),
        (CUSTOMS, {"customs"}, False),
        (PICKUP, {"ready_for_pickup"}, False),
        (EXCEPTION, {"exception"}, True),
    ],
)
def test_advice_is_attached_per_status(live, number, advice, hotline):
    result = track(live, number).json()["results"][0]
    codes = {item["code"] for item in result["advice"]}
    assert advice <= codes
    assert any(item.get("hotline") == "400-820-8555" for item in result["advice"]) is hotline
    assert all(item["text"] for item in result["advice"])


def test_help_has_every_status_faq_hotline_and_the_official_domain(client):
    body = client.get("/api/v1/help?lang=en").get_json()
    assert len(body["statuses"]) == 15 and body["hotline"]["number"] == "400-820-8555"
    assert body["official_domain"] == "ups.com" and len(body["faq"]) >= 4
    assert all(entry["question"] and entry["answer"] for entry in body["faq"])
    assert body["operator"]["notice"].startswith("This mini-program is not an official UPS service")


def test_help_names_the_operator_and_an_operator_who_is_ups_drops_the_notice(make_settings):
    from tests.support.apps import close_app
    from tests.support.stores import make_app

    app = make_app(make_settings(operator_name="示例物流科技有限公司"))
    body = app.test_client().get("/api/v1/help").get_json()
    assert body["operator"]["name"] == "示例物流科技有限公司"
    assert body["operator"]["notice"].startswith("本小程序不是 UPS 官方服务")
    close_app(app)
    app = make_app(make_settings(operator_name="UPS", unofficial_notice=False))
    body = app.test_client().get("/api/v1/help?lang=en").get_json()
    assert body["operator"] == {"name": "UPS", "notice": ""}
    close_app(app)


def test_scan_returns_numbers_inside_a_payload(client):
    payload = "[)>\x1e01\x1d96841706672\x1d840\x1d003\x1d1Z999AA10123456784\x1dUPSN\x1e\x04"
    assert client.get("/api/v1/scan", query_string={"code": payload}).get_json() == {
        "numbers": ["1Z999AA10123456784"]
    }
    assert client.get("/api/v1/scan", query_string={"code": "6901234567892"}).get_json() == {
        "numbers": []
    }
    assert client.get("/api/v1/scan").status_code == 400


def test_link_check_answers_a_url_or_a_whole_sms(client):
    official = client.post(
        "/api/v1/links/check", json={"url": "https://www.ups.com/track"}
    ).get_json()
    sms = client.post(
        "/api/v1/links/check?lang=en", json={"text": "UPS: pay duty at https://ups-fee.com/pay"}
    ).get_json()
    assert official["verdict"] == "official"
    assert sms["verdict"] == "suspicious" and sms["reason"] and sms["host"] == "ups-fee.com"
    assert client.post("/api/v1/links/check", json={}).status_code == 400


def test_anonymous_callers_are_rate_limited_per_ip_with_the_envelope(make_settings):
    from tests.support.apps import close_app
    from tests.support.stores import make_app

    app = make_app(make_settings(rate_limit_anonymous="3/minute"))
    client = app.test_client()
    codes = [client.get("/api/v1/help").status_code for _ in range(4)]
    limited = client.get("/api/v1/help?lang=en")
    assert codes == [200, 200, 200, 429]
    assert limited.get_json()["error"]["code"] == "rate_limited" and limited.headers.get(
        "Retry-After"
    )
    assert client.get("/healthz").status_code == 200  # probes are never limited
    close_app(app)


def test_thirty_numbers_at_once_reuse_the_ups_connections(live, ups_sandbox, caplog):
    """Every lookup thread keeps its connection: none is opened only to be thrown away
    (over TLS to UPS each would cost a handshake)."""
    ups_sandbox.faults(latency_ms=300)
    numbers = [make_1z("POOLED", i) for i in range(30)]
    with caplog.at_level("WARNING", logger="urllib3.connectionpool"):
        for _ in range(2):
            assert len(track(live, ",".join(numbers)).json()["results"]) == 30
            numbers = [make_1z("POOLED", i) for i in range(30, 60)]
    assert not [r for r in caplog.records if "pool is full" in r.getMessage()]
