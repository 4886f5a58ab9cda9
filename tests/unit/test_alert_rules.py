"""deploy/prometheus/alerts.yml speaks of metrics the code really exports, and the README has a
runbook line for every alert. (promtool checks syntax and fires each alert: `make alerts-check`.)
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from prometheus_client.parser import text_string_to_metric_families

from backend.adapters.prometheus_metrics import PrometheusMetrics, exposition
from backend.adapters.refresh_store import RedisRefreshSchedule
from backend.adapters.ups.pause import UpsPause

ROOT = Path(__file__).resolve().parents[2]
RULES = yaml.safe_load((ROOT / "deploy" / "prometheus" / "alerts.yml").read_text())
ALERTS = [rule for group in RULES["groups"] for rule in group["rules"] if "alert" in rule]
PROMETHEUS_OWN = {"up"}  # series Prometheus itself records for every target


def referenced_names() -> set[str]:
    names = set()
    for rule in ALERTS:
        names |= set(re.findall(r"\b(upt_[a-z0-9_]+|up)\b(?=\s*[{\[)=<>]|\s*$)", rule["expr"]))
    return names


def exported_names(redis_client) -> set[str]:
    metrics = PrometheusMetrics()  # one of each, so every family has a sample
    metrics.carrier_call("200", 0.1)
    metrics.message_sent("0")
    metrics.notified(3.0)
    metrics.credit_spent()
    metrics.refreshed("ok")
    metrics.retry("send")
    metrics.superseded(1)
    metrics.no_credit()
    text = exposition(
        redis_client, RedisRefreshSchedule(redis_client), UpsPause(redis_client).left
    ).decode()
    return {sample.name for family in text_string_to_metric_families(text)
            for sample in family.samples}  # fmt: skip


def test_every_metric_an_alert_uses_is_exported(redis_client):
    used = referenced_names() - PROMETHEUS_OWN
    assert {"upt_redis_up", "upt_ups_pause_seconds", "upt_changes_without_credit_total"} <= used
    assert used - exported_names(redis_client) == set()


def test_the_issue_s_alerts_are_all_there_with_severity_and_summary():
    names = {rule["alert"] for rule in ALERTS}
    assert names >= {
        "UptUpsErrorRate", "UptUpsRetryAfterPause", "UptRefreshQueueRising", "UptScheduleLag",
        "UptNotificationDelayP99", "UptWechatQuotaReached", "UptWechatRefused43101",
        "UptWechatBusy", "UptCreditsExhausted", "UptRedisDown",
    }  # fmt: skip
    for rule in ALERTS:
        assert rule["labels"]["severity"] in ("page", "ticket"), rule["alert"]
        assert rule["annotations"]["summary"], rule["alert"]


def test_each_alert_has_a_runbook_line_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    operations = readme.split("## Operations", 1)[1].split("\n## ", 1)[0]
    for rule in ALERTS:
        assert re.search(rf"^\| `{rule['alert']}` \|", operations, re.MULTILINE), rule["alert"]


def test_every_alert_fires_in_the_promtool_unit_tests():
    tests = yaml.safe_load((ROOT / "deploy" / "prometheus" / "alerts.test.yml").read_text())
    fired = {
        case["alertname"]
        for test in tests["tests"]
        for case in test.get("alert_rule_test", [])
        if case.get("exp_alerts")
    }
    assert fired == {rule["alert"] for rule in ALERTS}
