"""GET /metrics: Prometheus text (read back with prometheus-client's own parser), guarded by
METRICS_TOKEN, open only in sandbox mode without it."""

from __future__ import annotations

import dataclasses

import pytest
from prometheus_client.parser import text_string_to_metric_families

from backend.adapters import redis_keys
from backend.adapters.redis_conn import free_port
from tests.support.apps import close_app
from tests.support.stores import make_app, stores

TOKEN = "metrics-token-for-tests-0123456789"


def samples(text: str) -> dict[tuple[str, tuple], float]:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


@pytest.fixture
def metrics_app(make_settings):
    built = []

    def build(**overrides):
        settings = make_settings()
        settings = dataclasses.replace(settings, **overrides)
        app = make_app(settings)
        built.append(app)
        return app.test_client(), stores(app)

    yield build
    for app in built:
        close_app(app)


def test_sandbox_metrics_show_what_services_report_and_the_backlog(metrics_app):
    client, handles = metrics_app()
    handles.metrics.carrier_call("500", 0.3)
    handles.metrics.carrier_call("200", 0.2, api="locator")
    handles.metrics.message_sent("45009")
    handles.metrics.notified(12.0)
    handles.metrics.credit_spent()
    handles.metrics.refreshed("failed")
    handles.metrics.retry("refresh")
    handles.schedule.set("1ZLATE", 1.0)  # due since 1970: a long schedule lag
    response = client.get("/metrics")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    found = samples(response.get_data(as_text=True))
    # Track and Locator calls share the UPS quota, so both are counted, told apart by `api`.
    assert found[("upt_ups_calls_total", (("api", "track"), ("outcome", "500")))] >= 1
    assert found[("upt_ups_calls_total", (("api", "locator"), ("outcome", "200")))] >= 1
    assert found[("upt_ups_call_seconds_count", (("api", "track"),))] >= 1
    assert found[("upt_wechat_sends_total", (("errcode", "45009"),))] >= 1
    assert found[("upt_notification_delay_seconds_count", ())] >= 1
    assert found[("upt_credits_spent_total", ())] >= 1
    assert found[("upt_refreshes_total", (("outcome", "failed"),))] >= 1
    assert found[("upt_retries_total", (("kind", "refresh"),))] >= 1
    assert found[("upt_schedule_lag_seconds", ())] > 1e9
    assert found[("upt_refresh_queue_depth", ())] == 0
    assert ("upt_changes_superseded_total", ()) in found


def test_a_metrics_token_is_required_once_configured(metrics_app):
    client, _ = metrics_app(metrics_token=TOKEN)
    assert client.get("/metrics").status_code == 401
    wrong = client.get("/metrics", headers={"Authorization": "Bearer not-the-token"})
    assert wrong.status_code == 401 and wrong.get_json()["error"]["code"] == "unauthorized"
    right = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert right.status_code == 200 and b"upt_ups_calls" in right.data


def test_outside_sandbox_without_a_token_metrics_are_off(metrics_app):
    client, _ = metrics_app(sandbox=False)
    response = client.get("/metrics", headers={"Accept-Language": "en"})
    assert response.status_code == 403
    assert response.get_json()["error"] == {
        "code": "metrics_disabled",
        "message": "Metrics are off: set METRICS_TOKEN to read them.",
    }


def test_a_retry_after_pause_and_a_change_without_credit_show_for_their_alerts(
    metrics_app, redis_client
):
    client, handles = metrics_app()
    handles.metrics.no_credit()
    redis_client.set(redis_keys.ups_pause(), "1", px=90_000)  # UPS said Retry-After: 90
    found = samples(client.get("/metrics").get_data(as_text=True))
    assert 80 < found[("upt_ups_pause_seconds", ())] <= 90
    assert found[("upt_changes_without_credit_total", ())] >= 1
    assert found[("upt_redis_up", ())] == 1


def test_with_redis_gone_the_scrape_still_answers_and_says_redis_is_down(metrics_app):
    client, _ = metrics_app(redis_url=f"redis://127.0.0.1:{free_port()}/0")
    response = client.get("/metrics")
    assert response.status_code == 200, response.get_data(as_text=True)
    found = samples(response.get_data(as_text=True))
    assert found[("upt_redis_up", ())] == 0
    assert ("upt_refresh_queue_depth", ()) not in found
