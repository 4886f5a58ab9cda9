"""Composition root: the one place that builds concrete adapters and wires services."""

from __future__ import annotations

from dataclasses import dataclass

import redis

from backend.adapters import redis_conn
from backend.adapters.http import make_session
from backend.adapters.notification_log import LEASE_SECONDS, NotificationLog
from backend.adapters.polling_store import Schedule, TrackedState
from backend.adapters.rate_counter import RateCounter
from backend.adapters.replay_cache import ReplayCache
from backend.adapters.share_card import CardRenderer
from backend.adapters.share_store import ShareStore
from backend.adapters.snapshot_cache import SnapshotCache
from backend.adapters.subscription_store import SubscriptionStore
from backend.adapters.track_alert_store import TrackAlertStore
from backend.adapters.ups.client import UpsClient
from backend.adapters.ups.track_alert import TrackAlertClient
from backend.adapters.watch_store import WatchStore
from backend.adapters.wechat.auth import WeChatAuth
from backend.adapters.wechat.client import WeChatClient
from backend.domain.templates import Template, TemplateConfigError, configured_templates
from backend.services.auth import SessionService
from backend.services.lookup import LookupService
from backend.services.notifications import Notifier, QuietHours
from backend.services.refresh import Refresher
from backend.services.shares import ShareService
from backend.services.track_alert import TrackAlertService
from backend.settings import Settings, SettingsError
from backend.worker.track_alert import refresh_enqueuer

# What the data store raises when it does not answer; the web layer answers these with 503.
STORE_UNAVAILABLE: tuple[type[Exception], ...] = (
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
)


@dataclass
class Services:
    """Everything the web layer and the worker use, built once per process."""

    settings: Settings
    redis: redis.Redis
    wechat: WeChatClient
    sessions: SessionService
    ups: UpsClient
    lookup: LookupService
    watches: WatchStore
    subscriptions: SubscriptionStore
    notification_log: NotificationLog
    templates: list[Template]
    schedule: Schedule
    refresher: Refresher
    shares: ShareService
    track_alert: TrackAlertService
    replays: ReplayCache  # nonces of pushed messages (WeChat push, UPS webhook)
    rate_counter: RateCounter  # request budgets of the web layer


def build_services(settings: Settings) -> Services:
    """Create clients without connecting: nothing talks to the network until used."""
    store = redis_conn.connect(settings.redis_url)
    ups = build_ups_client(settings, store)
    wechat = _wechat(settings, store)
    lookup = LookupService(ups, SnapshotCache(store), settings.lookup_concurrency)
    watched = _watching(settings, store, lookup, wechat["wechat"], ups)
    shares = _sharing(store, lookup, watched["watches"], wechat["wechat"])
    return Services(
        settings=settings, redis=store, ups=ups, lookup=lookup, shares=shares,
        replays=ReplayCache(store), rate_counter=RateCounter(store), **wechat, **watched,
    )  # fmt: skip


def _sharing(
    store: redis.Redis, lookup: LookupService, watches: WatchStore, wechat
) -> ShareService:
    """Shared parcel links; the card renderer finds its CJK font on first use."""
    return ShareService(ShareStore(store), watches, lookup, CardRenderer(), wechat)


def _watching(
    settings: Settings, store: redis.Redis, lookup: LookupService, wechat, ups: UpsClient
) -> dict:
    """Watch list, credits, schedule and the refresh-and-notify job's collaborators."""
    watches, subscriptions = WatchStore(store), SubscriptionStore(store)
    # A dead worker's claims expire with the polling scale, so sandbox journeys recover fast.
    lease = max(5.0, LEASE_SECONDS * settings.poll_interval_scale)
    notification_log, schedule = NotificationLog(store, lease), Schedule(store)
    try:
        templates = configured_templates(settings.wechat_templates, settings.sandbox)
    except TemplateConfigError as error:
        raise SettingsError(str(error)) from None
    notifier = Notifier(
        wechat, templates, subscriptions, notification_log, QuietHours(*settings.quiet_hours)
    )
    tracked = TrackedState(store)
    track_alert = build_track_alert(settings, store, ups, watches, tracked)
    refresher = Refresher(
        lookup, watches, tracked, schedule, notifier, settings.poll_interval_scale,
        is_subscribed=track_alert.is_subscribed,
    )  # fmt: skip
    return {
        "watches": watches,
        "subscriptions": subscriptions,
        "notification_log": notification_log,
        "templates": templates,
        "schedule": schedule,
        "refresher": refresher,
        "track_alert": track_alert,
    }


def build_track_alert(
    settings: Settings,
    store: redis.Redis,
    ups: UpsClient,
    watches: WatchStore,
    tracked: TrackedState,
) -> TrackAlertService:
    """Track Alert subscriptions on UpsClient's shared token; webhook events enqueue the
    polling job. Off without a webhook credential: UPS's calls would all be refused."""
    client = TrackAlertClient(make_session(), ups.tokens, settings.ups_base_url)
    return TrackAlertService(
        client,
        TrackAlertStore(store),
        watches,
        tracked,
        refresh_enqueuer(settings.redis_url),
        enabled=bool(settings.ups_webhook_credential),
    )


def build_ups_client(settings: Settings, store: redis.Redis) -> UpsClient:
    """The UPS (or UPS sandbox) client; its token lives in `store`, shared by all processes."""
    return UpsClient(
        make_session(),
        store,
        settings.ups_base_url,
        settings.ups_client_id,
        settings.ups_client_secret,
    )


def _wechat(settings: Settings, store: redis.Redis) -> dict:
    """The WeChat API client and login sessions (no network until first used)."""
    appid, secret = settings.wechat_appid, settings.wechat_secret
    base = settings.wechat_api_base_url
    return {
        "wechat": WeChatClient(appid, secret, base, store),
        "sessions": SessionService(store, WeChatAuth(base, appid, secret)),
    }
