"""What tests read and arrange beside an app: its settings, store handles on the test Redis,
and the use cases the root built for it.

The composition root builds only what each entry point uses (backend/bootstrap/), so a
test does not reach into the app for stores. `make_app` builds the app's WebServices here,
remembers them with the settings, and `stores(app)` opens handles on the same Redis the way
the root opens them; `close_app` (tests/support/apps.py) closes all of it.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import TypeVar, cast

import redis
from flask import Flask

from backend.adapters import redis_conn
from backend.adapters.credit_ledger import DisabledTemplates, RedisCreditLedger
from backend.adapters.delivery_proofs import RedisDeliveryProofs
from backend.adapters.notification_log import RedisNotificationLog
from backend.adapters.prometheus_metrics import PrometheusMetrics
from backend.adapters.refresh_queue import RqRefreshQueue
from backend.adapters.refresh_store import RedisRefreshSchedule, RedisTrackingStateStore
from backend.adapters.watch_store import RedisWatchStore
from backend.app import create_app
from backend.bootstrap import (
    Shared,
    WebServices,
    WorkerServices,
    build_shared,
    build_web,
    build_worker,
    redis_target,
    refresh_queue,
)
from backend.settings import Settings

T = TypeVar("T")


@dataclass
class Stores:
    """Store handles on the settings' Redis (the test database), like the root's own."""

    settings: Settings
    redis: redis.Redis
    blobs: redis.Redis  # no decoding: compressed snapshots, delivery photos
    watches: RedisWatchStore
    ledger: RedisCreditLedger  # subscribe-message credits (WeChat consent)
    notification_log: RedisNotificationLog
    disabled_templates: DisabledTemplates
    schedule: RedisRefreshSchedule
    tracking_states: RedisTrackingStateStore
    proofs: RedisDeliveryProofs
    # Prometheus's collectors are process-wide: what this reports, the app's /metrics shows.
    metrics: PrometheusMetrics = field(default_factory=PrometheusMetrics)

    def close(self) -> None:
        self.redis.close()
        self.blobs.close()


def stores_for(settings: Settings) -> Stores:
    """Fresh handles on `settings`' Redis; close them (or let close_app do it)."""
    store = redis_conn.connect_data(redis_target(settings))
    blobs = redis_conn.connect_data(redis_target(settings), decode=False)
    return Stores(
        settings, store, blobs, RedisWatchStore(store), RedisCreditLedger(store),
        RedisNotificationLog(store), DisabledTemplates(store), RedisRefreshSchedule(store),
        RedisTrackingStateStore(store), RedisDeliveryProofs(blobs),
    )  # fmt: skip


@dataclass
class _Built:
    settings: Settings
    web: WebServices
    stores: Stores | None = None
    shared: Shared | None = None
    worker: WorkerServices | None = None

    def close(self) -> None:
        self.web.close()
        for part in (self.stores, self.shared, self.worker):
            if part is not None:
                part.close()


_BUILT: weakref.WeakKeyDictionary[Flask, _Built] = weakref.WeakKeyDictionary()


def make_app(settings: Settings) -> Flask:
    """create_app on WebServices built here, so that tests can read what the app serves."""
    web = build_web(settings)
    app = create_app(settings, web)
    _BUILT[app] = _Built(settings, web)
    return app


def _built(app: Flask) -> _Built:
    try:
        return _BUILT[app]
    except KeyError:
        raise LookupError("build the app with tests.support.stores.make_app") from None


def settings_of(app: Flask) -> Settings:
    return _built(app).settings


def stores(app: Flask) -> Stores:
    """Store handles on the app's Redis, opened on first use and closed with the app."""
    built = _built(app)
    if built.stores is None:
        built.stores = stores_for(built.settings)
    return built.stores


def use_case(app: Flask, kind: type[T]) -> T:
    """The app's own instance of a use case its views use (the very object they call)."""
    return cast(T, _built(app).web.use_cases[kind])


def shared(app: Flask) -> Shared:
    """The lookup and refresh use cases wired as for the app (a second instance on the same
    Redis and sandboxes), e.g. to run the refresher inline with a chosen clock."""
    built = _built(app)
    if built.shared is None:
        built.shared = build_shared(built.settings)
    return built.shared


def worker(app: Flask) -> WorkerServices:
    """What a worker process next to the app would use (its refresh job runs inline)."""
    built = _built(app)
    if built.worker is None:
        built.worker = build_worker(built.settings)
    return built.worker


def release(app: Flask) -> None:
    """Close everything built for `app` (no-op for an app built elsewhere)."""
    built = _BUILT.pop(app, None)
    if built is not None:
        built.close()


@dataclass
class Rig:
    """A worker's worth of parts without an app, for benches: store handles, the refresh
    queue, and the lookup and refresher wired as in production."""

    stores: Stores
    queue: RqRefreshQueue
    shared: Shared

    def close(self) -> None:
        self.stores.close()
        self.queue.rq.connection.close()
        self.shared.close()


def rig(settings: Settings) -> Rig:
    # The queue the app and the worker enqueue on, built as the root builds it.
    return Rig(stores_for(settings), refresh_queue(settings), build_shared(settings))
