"""Composition root: the one place that builds concrete adapters and wires the use cases.
Each entry point gets what it uses: the API its views' use cases (build_web), the worker its
job body and steps (build_worker), the command line a UPS client (build_ups_client). Nothing
here connects: clients dial on first use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

import redis
from rq import Queue

from backend.adapters import redis_conn, redis_keys
from backend.adapters.personal_records import RedisPersonalRecords
from backend.adapters.prometheus_metrics import PrometheusMetrics, exposition
from backend.adapters.refresh_queue import RqRefreshQueue
from backend.adapters.refresh_store import RedisRefreshSchedule
from backend.adapters.replay_cache import ReplayCache
from backend.adapters.session_store import RedisSessionStore
from backend.adapters.share_card import PillowCardRenderer
from backend.adapters.share_store import RedisShareStore
from backend.adapters.snapshot_cache import RedisSnapshotCache
from backend.adapters.wechat.auth import WeChatAuth
from backend.adapters.wechat.push import WeChatPushInbox
from backend.bootstrap.shared import (
    Pools,
    Shared,
    SharedStores,
    build_shared,
    redis_target,
    refresh_queue,
)
from backend.bootstrap.ups import build_ups_client
from backend.domain.model import Shipment
from backend.services.account import Account
from backend.services.auth import SessionService
from backend.services.budgets import Budgets
from backend.services.consent import Consent
from backend.services.consent_events import ConsentEvents
from backend.services.delivery_photos import DeliveryPhotoService
from backend.services.locations import LocationService
from backend.services.lookup import LookupService
from backend.services.parcels import Parcels
from backend.services.payment_check import PaymentCheck
from backend.services.refresh_jobs import DUE_LEASE_SECONDS, RefreshJob
from backend.services.shares import ShareService
from backend.services.track_alert import TrackAlertService
from backend.settings import Settings
from backend.web import registry

__all__ = [
    "STORE_UNAVAILABLE",
    "Pools",
    "Shared",
    "WebServices",
    "WorkerServices",
    "build_shared",
    "build_ups_client",
    "build_web",
    "build_worker",
    "redis_answers",
    "redis_target",
    "refresh_queue",
]

# What the data store raises when it does not answer or is failing over; the web layer
# answers these with 503 and Retry-After.
STORE_UNAVAILABLE: tuple[type[Exception], ...] = redis_conn.UNAVAILABLE


@dataclass
class WebServices:
    """What the API uses (backend/app.py): its views' use cases and settings by type
    (backend/web/registry.py), the request budgets, and the store the sandboxes play on."""

    use_cases: dict[type, object]
    budgets: Budgets
    sandbox_store: redis.Redis  # only SANDBOX=1 mounts the sandboxes on it
    pools: Pools = field(repr=False)

    def close(self) -> None:
        self.pools.close()


@dataclass
class WorkerServices:
    """What `python -m backend.worker` uses: the refresh jobs' body, the RQ queue it serves,
    and what its two steps move (due numbers onto the queue; Track Alert renewals)."""

    refresh_job: RefreshJob
    rq_queue: Queue  # the queue RQ's worker serves, on a connection that does not decode
    schedule: RedisRefreshSchedule
    queue: RqRefreshQueue
    schedule_lease: float  # a number taken by the step comes back after this, if not refreshed
    track_alert: TrackAlertService
    pools: Pools = field(repr=False)

    def close(self) -> None:
        self.pools.close()


def _known_shipment(snapshots: RedisSnapshotCache, number: str) -> Shipment | None:
    """The number's last snapshot in any language, without calling UPS."""
    cached = snapshots.get(number, "zh") or snapshots.get(number, "en")
    return cached.shipment if cached else None


def build_web(settings: Settings) -> WebServices:
    """The API's use cases and settings by type: what the views may use, never a store or
    a client (the sandboxes, mounted only in sandbox mode, get their Redis apart)."""
    shared = build_shared(settings)
    stores, store = shared.stores, shared.store
    shares = ShareService(
        RedisShareStore(store),
        stores.watches,
        shared.lookup,
        PillowCardRenderer(),
        shared.wechat,
        app_name=settings.app_name,
    )
    parcels = Parcels(
        stores.watches,
        shared.lookup,
        shared.refresher,
        shared.track_alert.want,
        stores.notification_log,
        shares.revoke_parcel,
    )
    use_cases: dict[type, object] = {
        SessionService: _sessions(settings, store),
        LookupService: shared.lookup,
        Parcels: parcels,
        Account: Account(
            stores.watches,
            stores.ledger,
            stores.notification_log,
            RedisPersonalRecords(store),
            parcels,
            shares,
        ),
        Consent: Consent(
            shared.templates,
            stores.ledger,
            stores.watches,
            stores.disabled_templates,
            partial(_known_shipment, shared.snapshots),
        ),
        ShareService: shares,
        TrackAlertService: shared.track_alert,
        ConsentEvents: _consent_events(settings, store, stores, shared.metrics),
        LocationService: shared.locations,
        DeliveryPhotoService: DeliveryPhotoService(stores.watches, shared.proofs),
        PaymentCheck: PaymentCheck(stores.watches, shared.lookup),
        **_web_pages(shared),
    }
    return WebServices(use_cases, Budgets(shared.counter), store, shared.pools())


def _web_pages(shared: Shared) -> dict[type, object]:
    """The few settings views read, /healthz's probe and /metrics' exposition."""
    settings, stores = shared.settings, shared.stores
    return {
        registry.WebConfig: registry.WebConfig(
            settings.public_base_url, settings.ups_webhook_credential, settings.sandbox,
            redis_keys.rate_limit_prefix(), settings.operator_name, settings.unofficial_notice,
            settings.app_name,
        ),
        registry.Health: registry.Health(partial(redis_conn.answers, shared.store)),
        registry.MetricsPage: registry.MetricsPage(
            partial(exposition, stores.queue.rq.connection, stores.schedule, shared.ups.pause.left),
            settings.metrics_token,
        ),
    }  # fmt: skip


def build_worker(settings: Settings) -> WorkerServices:
    """The worker's job body (refresh, then keep carrier pushes coming) and its steps' parts."""
    shared = build_shared(settings)
    stores = shared.stores
    # A job killed mid-refresh leaves its number leased; scale the lease like polling.
    lease = max(2.0, DUE_LEASE_SECONDS * settings.poll_interval_scale)
    return WorkerServices(
        RefreshJob(shared.refresher, shared.track_alert.want),
        stores.queue.rq,
        stores.schedule,
        stores.queue,
        lease,
        shared.track_alert,
        shared.pools(),
    )


def _sessions(settings: Settings, store: redis.Redis) -> SessionService:
    """Login sessions: code2Session at WeChat, digests in Redis."""
    base, appid = settings.wechat_api_base_url, settings.wechat_appid
    return SessionService(RedisSessionStore(store), WeChatAuth(base, appid, settings.wechat_secret))


def _consent_events(
    settings: Settings, store: redis.Redis, stores: SharedStores, metrics: PrometheusMetrics
) -> ConsentEvents:
    """WeChat pushes: signatures (security mode when an AES key is set), a freshness window
    and the nonces seen within it; sent events settle claims of sends."""
    inbox = WeChatPushInbox(
        settings.wechat_push_token, settings.wechat_push_aes_key, settings.wechat_appid
    )
    return ConsentEvents(
        inbox,
        stores.ledger,
        stores.ledger,
        stores.notification_log,
        ReplayCache(store),
        settings.push_max_age_minutes * 60,
        metrics,
    )


def redis_answers(settings: Settings) -> bool:
    """True when the data's Redis and the queue's answer (the worker's health check)."""
    target = redis_target(settings)
    clients = [
        redis_conn.connect_data(target),
        redis_conn.connect_queue(target, settings.queue_redis_url),
    ]
    try:
        return all(redis_conn.answers(client) for client in clients)
    finally:
        for client in clients:
            client.close()
