"""The UPS side of the composition root: the client on its shared token, Track Alert, the
Locator, and the budget every UPS call spends."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import redis

from backend.adapters.delivery_proofs import RedisDeliveryProofs
from backend.adapters.http import make_session
from backend.adapters.location_cache import CachedLocator
from backend.adapters.piece_links import RedisPieceLinks
from backend.adapters.prometheus_metrics import PrometheusMetrics
from backend.adapters.track_alert_store import RedisTrackAlertStore
from backend.adapters.ups.client import UpsClient
from backend.adapters.ups.locator import UpsLocator
from backend.adapters.ups.track_alert import UpsTrackAlertClient
from backend.adapters.ups.webhook_mapping import parse_webhook
from backend.domain.rates import parse_rate
from backend.services.locations import LocationService
from backend.services.track_alert import TrackAlertService
from backend.services.upstream_budget import UpstreamLimits
from backend.settings import Settings

if TYPE_CHECKING:
    from backend.bootstrap.shared import SharedStores


def locations(
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


def track_alert(
    settings: Settings,
    store: redis.Redis,
    ups: UpsClient,
    stores: SharedStores,
    proofs: RedisDeliveryProofs,
) -> TrackAlertService:
    """Track Alert subscriptions (TRACK_ALERT_TYPE) on UpsClient's shared token; webhook
    events enqueue the polling job and keep delivery proof. Off without a webhook
    credential: UPS's calls would all be refused."""
    client = UpsTrackAlertClient(
        make_session(), ups.tokens, settings.ups_base_url, alert_type=settings.track_alert_type
    )
    return TrackAlertService(
        client,
        RedisTrackAlertStore(store),
        stores.watches,
        stores.tracking_states,
        stores.queue.enqueue,
        parse_webhook,
        enabled=bool(settings.ups_webhook_credential),
        proofs=proofs,
        links=RedisPieceLinks(store),
    )


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
