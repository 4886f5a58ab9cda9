"""Composition root: the one place that builds concrete adapters and wires the use cases,
for the API, the worker and the CLI alike. Nothing here connects: clients dial on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import redis

from backend.adapters import redis_conn
from backend.adapters.credit_ledger import DisabledTemplates, RedisCreditLedger
from backend.adapters.delivery_proofs import RedisDeliveryProofs
from backend.adapters.fanout_slices import RedisFanoutSlices
from backend.adapters.http import make_session
from backend.adapters.lane_history import RedisLaneHistory
from backend.adapters.location_cache import CachedLocator
from backend.adapters.notification_log import LEASE_SECONDS, RedisNotificationLog
from backend.adapters.personal_records import RedisPersonalRecords
from backend.adapters.piece_links import RedisPieceLinks
from backend.adapters.prometheus_metrics import PrometheusMetrics
from backend.adapters.rate_counter import RateCounter
from backend.adapters.refresh_queue import RqRefreshQueue
from backend.adapters.refresh_store import RedisRefreshSchedule, RedisTrackingStateStore
from backend.adapters.replay_cache import ReplayCache
from backend.adapters.replicated import Replicated
from backend.adapters.session_store import RedisSessionStore
from backend.adapters.share_card import PillowCardRenderer
from backend.adapters.share_store import RedisShareStore
from backend.adapters.snapshot_cache import RedisSnapshotCache
from backend.adapters.track_alert_store import RedisTrackAlertStore
from backend.adapters.ups.client import UpsClient
from backend.adapters.ups.locator import UpsLocator
from backend.adapters.ups.pieces import PieceReader
from backend.adapters.ups.track_alert import UpsTrackAlertClient
from backend.adapters.ups.track_extras import TrackExtrasReader
from backend.adapters.ups.transit import UpsTransitTimes
from backend.adapters.ups.webhook_mapping import parse_webhook
from backend.adapters.watch_store import RedisWatchStore
from backend.adapters.wechat.auth import WeChatAuth
from backend.adapters.wechat.client import WeChatClient
from backend.adapters.wechat.messages import SubscribeMessenger
from backend.adapters.wechat.push import WeChatPushInbox
from backend.adapters.wechat.templates import Template, TemplateConfigError, configured_templates
from backend.domain.model import Shipment
from backend.domain.rates import parse_rate
from backend.services.account import Account
from backend.services.auth import SessionService
from backend.services.budgets import Budgets
from backend.services.consent import Consent
from backend.services.consent_events import ConsentEvents
from backend.services.delivery_photos import DeliveryPhotoService
from backend.services.eta_estimates import EtaEstimator
from backend.services.fanout import SLICE_LEASE_SECONDS, FanOut
from backend.services.locations import LocationService
from backend.services.lookup import LookupService
from backend.services.notifications import Notifier, QuietHours
from backend.services.parcels import Parcels
from backend.services.payment_check import PaymentCheck
from backend.services.refresh import Refresher
from backend.services.refresh_jobs import RefreshJob
from backend.services.shares import ShareService
from backend.services.track_alert import TrackAlertService
from backend.services.upstream_budget import UpstreamBudget, UpstreamLimits
from backend.settings import Settings, SettingsError

RedisClient = redis.Redis  # the `redis` field below would shadow the module in class scope

# What the data store raises when it does not answer or is failing over; the web layer
# answers these with 503 and Retry-After.
STORE_UNAVAILABLE: tuple[type[Exception], ...] = redis_conn.UNAVAILABLE


# A refresh job carries this many rounds of WORKER_CONCURRENCY numbers: the worker's threads
# stay busy while the job's slowest UPS answers come in (one round a job left them idle
# for its tail: ~40 refreshes/s at UPS 300 ms instead of 130).
JOB_BATCHES = 2


@dataclass
class Services:
    """Everything one process uses, built once. Entry points take what they need from it:
    the web layer its use cases (backend/app.py), the worker its jobs and steps, the
    sandboxes only `redis`; tests also reach the stores through it."""

    settings: Settings
    redis: redis.Redis
    wechat: WeChatClient
    ups: UpsClient
    watches: RedisWatchStore
    subscriptions: RedisCreditLedger
    notification_log: RedisNotificationLog
    templates: list[Template]
    disabled_templates: DisabledTemplates
    schedule: RedisRefreshSchedule
    tracked: RedisTrackingStateStore
    queue: RqRefreshQueue
    fanout_slices: RedisFanoutSlices
    blobs: RedisClient  # the data store without decoding (compressed snapshots)
    # use cases
    sessions: SessionService
    lookup: LookupService
    refresher: Refresher
    track_alert: TrackAlertService
    parcels: Parcels
    account: Account
    consent: Consent
    shares: ShareService
    subscribe_events: ConsentEvents
    refresh_job: RefreshJob
    metrics: PrometheusMetrics
    budgets: Budgets  # request budgets of the web layer
    locations: LocationService
    proofs: RedisDeliveryProofs
    estimator: EtaEstimator
    delivery_photos: DeliveryPhotoService
    payments: PaymentCheck

    def close(self) -> None:
        """Close pooled connections now rather than at garbage collection."""
        self.redis.close()
        self.ups.close()
        self.queue.rq.connection.close()
        self.blobs.close()


@dataclass
class _Stores:
    watches: RedisWatchStore
    subscriptions: RedisCreditLedger
    notification_log: RedisNotificationLog
    schedule: RedisRefreshSchedule
    tracked: RedisTrackingStateStore
    queue: RqRefreshQueue
    disabled_templates: DisabledTemplates
    fanout_slices: RedisFanoutSlices
    blobs: redis.Redis


def redis_target(settings: Settings) -> redis_conn.RedisTarget:
    """Where the data lives: one Redis, a Sentinel-watched primary, or a cluster."""
    return redis_conn.RedisTarget(
        settings.redis_url, settings.redis_sentinels, settings.redis_sentinel_master,
        settings.redis_sentinel_password, settings.redis_cluster,
    )  # fmt: skip


def _known_shipment(snapshots: RedisSnapshotCache, number: str) -> Shipment | None:
    """The number's last snapshot in any language, without calling UPS."""
    cached = snapshots.get(number, "zh") or snapshots.get(number, "en")
    return cached.shipment if cached else None


def build_services(settings: Settings) -> Services:
    """Create every client and use case without connecting."""
    store = redis_conn.connect_data(redis_target(settings))
    stores = _stores(settings, store)
    metrics = PrometheusMetrics()
    ups = build_ups_client(settings, store, metrics)
    wechat = WeChatClient(
        settings.wechat_appid, settings.wechat_secret, settings.wechat_api_base_url, store
    )
    templates = _templates(settings)
    # The blobs connection does not decode: it carries the compressed snapshots and the
    # delivery photos.
    blobs = stores.blobs
    snapshots = RedisSnapshotCache(store, blobs)
    proofs = RedisDeliveryProofs(blobs)
    ups.extras = TrackExtrasReader(PieceReader(ups), proofs)
    estimator = EtaEstimator(UpsTransitTimes(ups, store), RedisLaneHistory(store))
    counter = RateCounter(store)
    spend = UpstreamBudget(counter, upstream_limits(settings)).spend
    locations = _locations(settings, store, ups, metrics, spend)
    lookup = LookupService(
        ups, snapshots, settings.lookup_concurrency, held_at=locations.held_at,
        before_call=spend, complete=estimator.complete,
    )  # fmt: skip
    track_alert = _track_alert(settings, store, ups, stores, proofs)
    refresher = _refresher(
        settings, lookup, wechat, templates, stores, track_alert, metrics, ups.pause.left
    )
    refresher.on_delivered = estimator.learn
    refresher.follow_pieces = track_alert.follow_pieces
    shares = ShareService(RedisShareStore(store), stores.watches, lookup, PillowCardRenderer(), wechat,
                          app_name=settings.app_name)  # fmt: skip
    parcels = Parcels(stores.watches, lookup, refresher, track_alert.want,
                      stores.notification_log, shares.revoke_parcel)  # fmt: skip
    return Services(
        settings=settings, redis=store, wechat=wechat, ups=ups, templates=templates,
        **vars(stores), lookup=lookup, refresher=refresher, track_alert=track_alert,
        sessions=_sessions(settings, store), parcels=parcels,
        account=Account(stores.watches, stores.subscriptions, stores.notification_log,
                        RedisPersonalRecords(store), parcels, shares),
        consent=Consent(templates, stores.subscriptions, stores.watches,
                              stores.disabled_templates, partial(_known_shipment, snapshots)),
        shares=shares,
        subscribe_events=_subscribe_events(settings, store, stores, metrics),
        refresh_job=RefreshJob(refresher, track_alert.want), metrics=metrics,
        budgets=Budgets(counter),
        locations=locations, proofs=proofs, estimator=estimator,
        delivery_photos=DeliveryPhotoService(stores.watches, proofs),
        payments=PaymentCheck(stores.watches, lookup),
    )  # fmt: skip


def _locations(
    settings: Settings,
    store: redis.Redis,
    ups: UpsClient,
    metrics: PrometheusMetrics,
    spend: Callable[[], None],
) -> LocationService:
    """Nearby UPS locations through the Locator API on the Track client's token, cached;
    a cache miss spends the upstream budget like a Track call."""
    locator = UpsLocator(make_session(), ups.tokens, settings.ups_base_url, metrics=metrics)
    return LocationService(CachedLocator(locator, store, before_call=spend))


def upstream_limits(settings: Settings) -> UpstreamLimits:
    """The UPS call budgets of the settings (validated there)."""
    return UpstreamLimits(
        anonymous=parse_rate(settings.upstream_budget_anonymous),
        user=parse_rate(settings.upstream_budget_user),
        total=parse_rate(settings.upstream_budget_global),
        reserve=settings.upstream_reserve,
    )


def _stores(settings: Settings, store: redis.Redis) -> _Stores:
    # A dead worker's claims expire with the polling scale, so sandbox journeys recover fast.
    lease = max(5.0, LEASE_SECONDS * settings.poll_interval_scale)
    # RQ stores pickled bytes: its connection must not decode.
    jobs = redis_conn.connect_queue(redis_target(settings), settings.queue_redis_url)
    confirmed = Replicated(store, settings.redis_wait_replicas, settings.redis_wait_ms)
    return _Stores(
        RedisWatchStore(store, replicated=confirmed), RedisCreditLedger(store, confirmed),
        RedisNotificationLog(store, lease, confirmed), RedisRefreshSchedule(store), RedisTrackingStateStore(store),
        RqRefreshQueue(jobs, JOB_BATCHES * settings.worker_concurrency), DisabledTemplates(store),
        RedisFanoutSlices(store), redis_conn.connect_data(redis_target(settings), decode=False),
    )  # fmt: skip


def _templates(settings: Settings) -> list[Template]:
    try:
        return configured_templates(settings.wechat_templates, settings.sandbox)
    except TemplateConfigError as error:
        raise SettingsError(str(error)) from None


def _refresher(
    settings: Settings,
    lookup: LookupService,
    wechat: WeChatClient,
    templates: list[Template],
    stores: _Stores,
    track_alert: TrackAlertService,
    metrics: PrometheusMetrics,
    ups_pause: Callable[[], float],
) -> Refresher:
    """The refresh-and-notify job's body, with the notifier spending the ledger's credits."""
    notifier = Notifier(
        SubscribeMessenger(wechat), templates, stores.subscriptions, stores.notification_log,
        QuietHours(*settings.quiet_hours), miniprogram_state=settings.miniprogram_state,
        disabled=stores.disabled_templates, metrics=metrics,
    )  # fmt: skip
    return Refresher(
        lookup, stores.watches, stores.tracked, stores.schedule, notifier,
        settings.poll_interval_scale, is_subscribed=track_alert.is_subscribed,
        upstream_pause=ups_pause, metrics=metrics, fan=_fan_out(settings, stores),
    )  # fmt: skip


def _fan_out(settings: Settings, stores: _Stores) -> FanOut:
    """FANOUT_CONCURRENCY sends at once, FANOUT_JOB_SIZE watchers a job; leases scale like polls."""
    lease = max(10.0, SLICE_LEASE_SECONDS * settings.poll_interval_scale)
    return FanOut(settings.fanout_concurrency, settings.fanout_job_size, stores.queue,
                  stores.fanout_slices, lease)  # fmt: skip


def _track_alert(
    settings: Settings, store: redis.Redis, ups: UpsClient, stores: _Stores,
    proofs: RedisDeliveryProofs,
) -> TrackAlertService:  # fmt: skip
    """Track Alert subscriptions (TRACK_ALERT_TYPE) on UpsClient's shared token; webhook
    events enqueue the polling job and keep delivery proof. Off without a webhook
    credential: UPS's calls would all be refused."""
    client = UpsTrackAlertClient(make_session(), ups.tokens, settings.ups_base_url,
                              alert_type=settings.track_alert_type)  # fmt: skip
    return TrackAlertService(
        client, RedisTrackAlertStore(store), stores.watches, stores.tracked, stores.queue.enqueue,
        parse_webhook, enabled=bool(settings.ups_webhook_credential), proofs=proofs,
        links=RedisPieceLinks(store),
    )  # fmt: skip


def _sessions(settings: Settings, store: redis.Redis) -> SessionService:
    """Login sessions: code2Session at WeChat, digests in Redis."""
    base, appid = settings.wechat_api_base_url, settings.wechat_appid
    return SessionService(RedisSessionStore(store), WeChatAuth(base, appid, settings.wechat_secret))


def _subscribe_events(
    settings: Settings, store: redis.Redis, stores: _Stores, metrics: PrometheusMetrics
) -> ConsentEvents:
    """WeChat pushes: signatures (security mode when an AES key is set), a freshness window
    and the nonces seen within it; sent events settle claims of sends."""
    inbox = WeChatPushInbox(
        settings.wechat_push_token, settings.wechat_push_aes_key, settings.wechat_appid
    )
    ledger = stores.subscriptions
    return ConsentEvents(
        inbox, ledger, ledger, stores.notification_log, ReplayCache(store),
        settings.push_max_age_minutes * 60, metrics,
    )  # fmt: skip


def build_ups_client(
    settings: Settings, store: redis.Redis, metrics: PrometheusMetrics | None = None
) -> UpsClient:
    """The UPS (or UPS sandbox) client; its token lives in `store`, shared by all processes."""
    return UpsClient(
        make_session(pool_size=settings.ups_callers),  # a kept connection per caller
        store,
        settings.ups_base_url,
        settings.ups_client_id,
        settings.ups_client_secret,
        metrics=metrics,
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
