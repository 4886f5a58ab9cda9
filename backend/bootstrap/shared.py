"""What the API and the worker both build on: the clients, the stores, and the lookup and
refresh use cases over them (build_shared), with the part builders they need. Only the
composition root (this package, backend/bootstrap/) builds adapters; nothing here connects at import time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import redis

from backend.adapters import redis_conn
from backend.adapters.credit_ledger import DisabledTemplates, RedisCreditLedger
from backend.adapters.delivery_proofs import RedisDeliveryProofs
from backend.adapters.fanout_slices import RedisFanoutSlices
from backend.adapters.lane_history import RedisLaneHistory
from backend.adapters.notification_log import LEASE_SECONDS, RedisNotificationLog
from backend.adapters.prometheus_metrics import PrometheusMetrics
from backend.adapters.rate_counter import RateCounter
from backend.adapters.refresh_queue import RqRefreshQueue
from backend.adapters.refresh_store import RedisRefreshSchedule, RedisTrackingStateStore
from backend.adapters.replicated import Replicated
from backend.adapters.snapshot_cache import RedisSnapshotCache
from backend.adapters.ups.client import UpsClient
from backend.adapters.ups.pieces import PieceReader
from backend.adapters.ups.track_extras import TrackExtrasReader
from backend.adapters.ups.transit import UpsTransitTimes
from backend.adapters.watch_store import RedisWatchStore
from backend.adapters.wechat.client import WeChatClient
from backend.adapters.wechat.messages import SubscribeMessenger
from backend.adapters.wechat.templates import Template, TemplateConfigError, configured_templates
from backend.bootstrap import ups as ups_root
from backend.services.eta_estimates import EtaEstimator
from backend.services.fanout import SLICE_LEASE_SECONDS, FanOut
from backend.services.locations import LocationService
from backend.services.lookup import LookupService
from backend.services.notifications import Notifier, QuietHours
from backend.services.refresh import Refresher
from backend.services.track_alert import TrackAlertService
from backend.services.upstream_budget import UpstreamBudget
from backend.settings import Settings, SettingsError

# A refresh job carries this many rounds of WORKER_CONCURRENCY numbers: the worker's threads
# stay busy while the job's slowest UPS answers come in (one round a job left them idle
# for its tail: ~40 refreshes/s at UPS 300 ms instead of 130).
JOB_BATCHES = 2


@dataclass
class Pools:
    """The connection pools of one build, closed together: now rather than at garbage
    collection, whose late ResourceWarnings would land in some unrelated place."""

    clients: list[redis.Redis]
    ups: UpsClient

    def close(self) -> None:
        for client in self.clients:
            client.close()
        self.ups.close()


@dataclass
class Shared:
    """What the API and the worker both build on, once per process: the clients and stores,
    and the lookup and refresh use cases over them. build_web and build_worker take from it."""

    settings: Settings
    store: redis.Redis
    stores: SharedStores
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

    def pools(self) -> Pools:
        """Every connection pool built here: the Redis clients and UPS's HTTP session."""
        return Pools([self.store, self.stores.blobs, self.stores.queue.rq.connection], self.ups)

    def close(self) -> None:
        self.pools().close()


@dataclass
class SharedStores:
    watches: RedisWatchStore
    ledger: RedisCreditLedger
    notification_log: RedisNotificationLog
    schedule: RedisRefreshSchedule
    tracking_states: RedisTrackingStateStore
    queue: RqRefreshQueue
    disabled_templates: DisabledTemplates
    fanout_slices: RedisFanoutSlices
    blobs: redis.Redis  # the data store without decoding (compressed snapshots, photos)


def redis_target(settings: Settings) -> redis_conn.RedisTarget:
    """Where the data lives: one Redis, a Sentinel-watched primary, or a cluster."""
    return redis_conn.RedisTarget(
        settings.redis_url,
        settings.redis_sentinels,
        settings.redis_sentinel_master,
        settings.redis_sentinel_password,
        settings.redis_cluster,
    )


def build_shared(settings: Settings) -> Shared:
    """Create the clients, stores and the lookup and refresh use cases, without connecting."""
    store = redis_conn.connect_data(redis_target(settings))
    stores = _stores(settings, store)
    metrics = PrometheusMetrics()
    ups = ups_root.build_ups_client(settings, store, metrics)
    wechat = WeChatClient(
        settings.wechat_appid, settings.wechat_secret, settings.wechat_api_base_url, store
    )
    templates = _templates(settings)
    snapshots = RedisSnapshotCache(store, stores.blobs)
    proofs = RedisDeliveryProofs(stores.blobs)
    ups.extras = TrackExtrasReader(PieceReader(ups), proofs)
    estimator = EtaEstimator(UpsTransitTimes(ups, store), RedisLaneHistory(store))
    counter = RateCounter(store)
    spend = UpstreamBudget(counter, ups_root.upstream_limits(settings)).spend
    locations = ups_root.locations(settings, store, ups, metrics, spend)
    lookup = LookupService(
        ups,
        snapshots,
        settings.lookup_concurrency,
        held_at=locations.held_at,
        before_call=spend,
        complete=estimator.complete,
    )
    track_alert = ups_root.track_alert(settings, store, ups, stores, proofs)
    refresher = _refresher(
        settings, lookup, wechat, templates, stores, track_alert, metrics, ups.pause.left
    )
    refresher.on_delivered = estimator.learn
    refresher.follow_pieces = track_alert.follow_pieces
    return Shared(
        settings,
        store,
        stores,
        ups,
        wechat,
        templates,
        metrics,
        snapshots,
        proofs,
        counter,
        locations,
        lookup,
        track_alert,
        refresher,
    )


def refresh_queue(settings: Settings) -> RqRefreshQueue:
    """The RQ queue of refresh jobs, each carrying JOB_BATCHES rounds of the worker's
    concurrency (RQ stores pickled bytes: its connection does not decode)."""
    jobs = redis_conn.connect_queue(redis_target(settings), settings.queue_redis_url)
    return RqRefreshQueue(jobs, JOB_BATCHES * settings.worker_concurrency)


def _stores(settings: Settings, store: redis.Redis) -> SharedStores:
    # A dead worker's claims expire with the polling scale, so sandbox journeys recover fast.
    lease = max(5.0, LEASE_SECONDS * settings.poll_interval_scale)
    confirmed = Replicated(store, settings.redis_wait_replicas, settings.redis_wait_ms)
    return SharedStores(
        RedisWatchStore(store, replicated=confirmed),
        RedisCreditLedger(store, confirmed),
        RedisNotificationLog(store, lease, confirmed),
        RedisRefreshSchedule(store),
        RedisTrackingStateStore(store),
        refresh_queue(settings),
        DisabledTemplates(store),
        RedisFanoutSlices(store),
        redis_conn.connect_data(redis_target(settings), decode=False),
    )


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
    stores: SharedStores,
    track_alert: TrackAlertService,
    metrics: PrometheusMetrics,
    ups_pause: Callable[[], float],
) -> Refresher:
    """The refresh-and-notify job's body, with the notifier spending the ledger's credits."""
    notifier = Notifier(
        SubscribeMessenger(wechat),
        templates,
        stores.ledger,
        stores.notification_log,
        QuietHours(*settings.quiet_hours),
        miniprogram_state=settings.miniprogram_state,
        disabled=stores.disabled_templates,
        metrics=metrics,
    )
    return Refresher(
        lookup,
        stores.watches,
        stores.tracking_states,
        stores.schedule,
        notifier,
        settings.poll_interval_scale,
        is_subscribed=track_alert.is_subscribed,
        upstream_pause=ups_pause,
        metrics=metrics,
        fan=_fan_out(settings, stores),
    )


def _fan_out(settings: Settings, stores: SharedStores) -> FanOut:
    """FANOUT_CONCURRENCY sends at once, FANOUT_JOB_SIZE watchers a job; leases scale like polls."""
    lease = max(10.0, SLICE_LEASE_SECONDS * settings.poll_interval_scale)
    return FanOut(
        settings.fanout_concurrency,
        settings.fanout_job_size,
        stores.queue,
        stores.fanout_slices,
        lease,
    )
