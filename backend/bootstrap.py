"""Composition root: the one place that builds concrete adapters and wires the use cases.
Each entry point gets what it uses: the API its views' use cases (build_web), the worker its
job body and steps (build_worker), the command line a UPS client (build_ups_client). Nothing
here connects: clients dial on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

import redis
from rq import Queue

from backend.adapters import redis_conn, redis_keys
from backend.adapters.credit_ledger import DisabledTemplates, RedisCreditLedger
from backend.adapters.delivery_proofs import RedisDeliveryProofs
from backend.adapters.fanout_slices import RedisFanoutSlices
from backend.adapters.http import make_session
from backend.adapters.lane_history import RedisLaneHistory
from backend.adapters.location_cache import CachedLocator
from backend.adapters.notification_log import LEASE_SECONDS, RedisNotificationLog
from backend.adapters.personal_records import RedisPersonalRecords
from backend.adapters.piece_links import RedisPieceLinks
from backend.adapters.prometheus_metrics import PrometheusMetrics, exposition
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
from backend.services.refresh_jobs import LEASE_SECONDS as DUE_LEASE_SECONDS
from backend.services.refresh_jobs import RefreshJob
from backend.services.shares import ShareService
from backend.services.track_alert import TrackAlertService
from backend.services.upstream_budget import UpstreamBudget, UpstreamLimits
from backend.settings import Settings, SettingsError
from backend.web import registry

# What the data store raises when it does not answer or is failing over; the web layer
# answers these with 503 and Retry-After.
STORE_UNAVAILABLE: tuple[type[Exception], ...] = redis_conn.UNAVAILABLE


# A refresh job carries this many rounds of WORKER_CONCURRENCY numbers: the worker's threads
# stay busy while the job's slowest UPS answers come in (one round a job left them idle
# for its tail: ~40 refreshes/s at UPS 300 ms instead of 130).
JOB_BATCHES = 2


@dataclass
class WebServices:
    """What the API uses (backend/app.py): its views' use cases and settings by type
    (backend/web/registry.py), the request budgets, and the store the sandboxes play on."""

    use_cases: dict[type, object]
    budgets: Budgets
    sandbox_store: redis.Redis  # only SANDBOX=1 mounts the sandboxes on it
    _clients: list[redis.Redis] = field(repr=False)
    _ups: UpsClient = field(repr=False)

    def close(self) -> None:
        """Close pooled connections now rather than at garbage collection."""
        _close(self._clients, self._ups)


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
    _clients: list[redis.Redis] = field(repr=False)
    _ups: UpsClient = field(repr=False)

    def close(self) -> None:
        """Close pooled connections now rather than at garbage collection."""
        _close(self._clients, self._ups)


@dataclass
class Shared:
    """What the API and the worker both build on, once per process: the clients and stores,
    and the lookup and refresh use cases over them. build_web and build_worker take from it."""

    settings: Settings
    store: redis.Redis
    stores: _Stores
    ups: UpsClient
    wechat: WeChatClient
    templates: list[Template]
    metrics: PrometheusMetrics
    snapshots: RedisSnapshotCache
    proofs: RedisDeliveryProofs
    counter: RateCounter
    locations: LocationService
    lookup: LookupService
    track_alert: TrackAlertService
    refresher: Refresher

    def clients(self) -> list[redis.Redis]:
        """Every Redis connection pool built here (for closing)."""
        return [self.store, self.stores.blobs, self.stores.queue.rq.connection]

    def close(self) -> None:
        _close(self.clients(), self.ups)


@dataclass
class _Stores:
    watches: RedisWatchStore
    ledger: RedisCreditLedger
    notification_log: RedisNotificationLog
    schedule: RedisRefreshSchedule
    tracking_states: RedisTrackingStateStore
    queue: RqRefreshQueue
    disabled_templates: DisabledTemplates
    fanout_slices: RedisFanoutSlices
    blobs: redis.Redis  # the data store without decoding (compressed snapshots, photos)


def _close(clients: list[redis.Redis], ups: UpsClient) -> None:
    for client in clients:
        client.close()
    ups.close()


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


def build_shared(settings: Settings) -> Shared:
    """Create the clients, stores and the lookup and refresh use cases, without connecting."""
    store = redis_conn.connect_data(redis_target(settings))
    stores = _stores(settings, store)
    metrics = PrometheusMetrics()
    ups = build_ups_client(settings, store, metrics)
    wechat = WeChatClient(
        settings.wechat_appid, settings.wechat_secret, settings.wechat_api_base_url, store
    )
    templates = _templates(settings)
    snapshots = RedisSnapshotCache(store, stores.blobs)
    proofs = RedisDeliveryProofs(stores.blobs)
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
    return Shared(
        settings, store, stores, ups, wechat, templates, metrics, snapshots, proofs, counter,
        locations, lookup, track_alert, refresher,
    )  # fmt: skip


def build_web(settings: Settings) -> WebServices:
    """The API's use cases and settings by type: what the views may use, never a store or
    a client (the sandboxes, mounted only in sandbox mode, get their Redis apart)."""
    shared = build_shared(settings)
    stores, store = shared.stores, shared.store
    shares = ShareService(RedisShareStore(store), stores.watches, shared.lookup,
                          PillowCardRenderer(), shared.wechat, app_name=settings.app_name)  # fmt: skip
    parcels = Parcels(stores.watches, shared.lookup, shared.refresher, shared.track_alert.want,
                      stores.notification_log, shares.revoke_parcel)  # fmt: skip
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
        ),  # fmt: skip
        Consent: Consent(
            shared.templates,
            stores.ledger,
            stores.watches,
            stores.disabled_templates,
            partial(_known_shipment, shared.snapshots),
        ),  # fmt: skip
        ShareService: shares,
        TrackAlertService: shared.track_alert,
        ConsentEvents: _consent_events(settings, store, stores, shared.metrics),
        LocationService: shared.locations,
        DeliveryPhotoService: DeliveryPhotoService(stores.watches, shared.proofs),
        PaymentCheck: PaymentCheck(stores.watches, shared.lookup),
        **_web_pages(shared),
    }
    return WebServices(use_cases, Budgets(shared.counter), store, shared.clients(), shared.ups)


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
        RefreshJob(shared.refresher, shared.track_alert.want), stores.queue.rq, stores.schedule,
        stores.queue, lease, shared.track_alert, shared.clients(), shared.ups,
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
        RedisNotificationLog(store, lease, confirmed), RedisRefreshSchedule(store),
        RedisTrackingStateStore(store),
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
        SubscribeMessenger(wechat), templates, stores.ledger, stores.notification_log,
        QuietHours(*settings.quiet_hours), miniprogram_state=settings.miniprogram_state,
        disabled=stores.disabled_templates, metrics=metrics,
    )  # fmt: skip
    return Refresher(
        lookup, stores.watches, stores.tracking_states, stores.schedule, notifier,
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
        client, RedisTrackAlertStore(store), stores.watches, stores.tracking_states, stores.queue.enqueue,
        parse_webhook, enabled=bool(settings.ups_webhook_credential), proofs=proofs,
        links=RedisPieceLinks(store),
    )  # fmt: skip


def _sessions(settings: Settings, store: redis.Redis) -> SessionService:
    """Login sessions: code2Session at WeChat, digests in Redis."""
    base, appid = settings.wechat_api_base_url, settings.wechat_appid
    return SessionService(RedisSessionStore(store), WeChatAuth(base, appid, settings.wechat_secret))


def _consent_events(
    settings: Settings, store: redis.Redis, stores: _Stores, metrics: PrometheusMetrics
) -> ConsentEvents:
    """WeChat pushes: signatures (security mode when an AES key is set), a freshness window
    and the nonces seen within it; sent events settle claims of sends."""
    inbox = WeChatPushInbox(
        settings.wechat_push_token, settings.wechat_push_aes_key, settings.wechat_appid
    )
    return ConsentEvents(
        inbox, stores.ledger, stores.ledger, stores.notification_log, ReplayCache(store),
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
