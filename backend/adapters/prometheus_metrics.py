"""Prometheus metrics (prometheus-client), in multi-process mode when PROMETHEUS_MULTIPROC_DIR
is set (gunicorn workers and RQ workers each write files there; a scrape merges them).

Queue depth, schedule lag and the UPS pause are read from Redis at scrape time, so they are
right whichever process answers the scrape; when Redis does not answer, `upt_redis_up` says so
and the scrape still succeeds. deploy/prometheus/alerts.yml alerts on these names.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable

import redis
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest, values
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector

from backend.adapters.refresh_store import RedisRefreshSchedule

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
RQ_QUEUE_KEY = "rq:queue:refresh"  # the list RQ keeps the refresh queue's job ids in
# prometheus-client reads this variable itself, at import; we follow the same one.
MULTIPROCESS = bool(os.environ.get(MULTIPROC_ENV))
if MULTIPROCESS:
    # Files are named by process id; containers sharing one directory (docker compose) can
    # reuse ids, so the host name goes in too (no "_": the merger splits file names on it).
    _HOST = socket.gethostname().replace("_", "-")
    values.ValueClass = values.MultiProcessValue(lambda: f"{_HOST}-{os.getpid()}")

# api: track or locator (one UPS token and quota serve both).
UPS_CALLS = Counter("upt_ups_calls", "UPS API calls by outcome and API", ["outcome", "api"])
UPS_SECONDS = Histogram(
    "upt_ups_call_seconds", "UPS API call latency", ["api"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16),
)  # fmt: skip
WECHAT_SENDS = Counter("upt_wechat_sends", "Subscribe-message sends by errcode", ["errcode"])
DELAY = Histogram(
    "upt_notification_delay_seconds", "From a parcel's scan to WeChat accepting the message",
    buckets=(0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600, 4 * 3600, 24 * 3600),
)  # fmt: skip
REFRESHES = Counter("upt_refreshes", "Refreshes of watched numbers by outcome", ["outcome"])
RETRIES = Counter("upt_retries", "Refreshes and sends tried again soon", ["kind"])
CREDITS = Counter("upt_credits_spent", "Subscribe-message credits spent (messages sent)")
SUPERSEDED = Counter("upt_changes_superseded", "Changes replaced before they could be sent")
NO_CREDIT = Counter(
    "upt_changes_without_credit", "Changes a watcher was not told: no subscribe-message credit"
)


class PrometheusMetrics:
    """The Metrics port on prometheus-client."""

    def carrier_call(self, outcome: str, seconds: float, api: str = "track") -> None:
        UPS_CALLS.labels(outcome, api).inc()
        UPS_SECONDS.labels(api).observe(seconds)

    def message_sent(self, code: str) -> None:
        WECHAT_SENDS.labels(code).inc()

    def notified(self, delay_seconds: float | None) -> None:
        if delay_seconds is not None:
            DELAY.observe(max(0.0, delay_seconds))

    def credit_spent(self) -> None:
        CREDITS.inc()

    def refreshed(self, outcome: str) -> None:
        REFRESHES.labels(outcome).inc()

    def retry(self, kind: str) -> None:
        RETRIES.labels(kind).inc()

    def superseded(self, count: int) -> None:
        SUPERSEDED.inc(count)

    def no_credit(self) -> None:
        NO_CREDIT.inc()


class BacklogCollector:
    """Gauges read from Redis when scraped: whether it answers, refresh queue depth, schedule
    lag and the UPS-wide Retry-After pause."""

    def __init__(
        self, queue: redis.Redis, schedule: RedisRefreshSchedule, pause_left: Callable[[], float]
    ) -> None:
        self._queue = queue  # RQ's Redis (QUEUE_REDIS_URL, else the data's)
        self._schedule = schedule
        self._pause_left = pause_left  # UpsPause.left: the data store's pause key

    def collect(self):
        up = GaugeMetricFamily("upt_redis_up", "1 when Redis answered this scrape, else 0")
        try:
            backlog = self._backlog()
        except redis.RedisError:
            up.add_metric([], 0.0)
            return [up]
        up.add_metric([], 1.0)
        return [up, *backlog]

    def _backlog(self) -> list[GaugeMetricFamily]:
        depth = GaugeMetricFamily("upt_refresh_queue_depth", "Refresh jobs waiting in RQ")
        depth.add_metric([], float(self._queue.llen(RQ_QUEUE_KEY)))
        lag = GaugeMetricFamily(
            "upt_schedule_lag_seconds", "How overdue the most overdue watched number is"
        )
        first = self._schedule.most_overdue()
        lag.add_metric([], max(0.0, time.time() - first) if first is not None else 0.0)
        watched = GaugeMetricFamily("upt_scheduled_numbers", "Numbers on the poll schedule")
        watched.add_metric([], float(self._schedule.size()))
        pause = GaugeMetricFamily(
            "upt_ups_pause_seconds", "Seconds left of the pause UPS asked for with Retry-After"
        )
        pause.add_metric([], self._pause_left())
        return [depth, lag, watched, pause]


def exposition(
    queue: redis.Redis, schedule: RedisRefreshSchedule, pause_left: Callable[[], float]
) -> bytes:
    """The text every process's metrics add up to, plus the Redis-read gauges."""
    registry = CollectorRegistry()
    if MULTIPROCESS:
        MultiProcessCollector(registry)
    else:  # one process: its own metrics
        for metric in (
            UPS_CALLS,
            UPS_SECONDS,
            WECHAT_SENDS,
            DELAY,
            REFRESHES,
            RETRIES,
            CREDITS,
            SUPERSEDED,
            NO_CREDIT,
        ):
            registry.register(metric)
    registry.register(BacklogCollector(queue, schedule, pause_left))
    return generate_latest(registry)
