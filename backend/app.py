"""Flask application factory: the web entry point, fed by the composition root."""

from __future__ import annotations

import functools
from collections.abc import Callable

import redis
from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from backend.adapters import redis_keys
from backend.adapters.prometheus_metrics import exposition
from backend.bootstrap import STORE_UNAVAILABLE, Services, build_services
from backend.logs import configure_logging
from backend.services.account import Account
from backend.services.auth import SessionService
from backend.services.consent import Consent
from backend.services.consent_events import ConsentEvents
from backend.services.delivery_photos import DeliveryPhotoService
from backend.services.locations import LocationService
from backend.services.lookup import LookupService
from backend.services.parcels import Parcels
from backend.services.payment_check import PaymentCheck
from backend.services.shares import ShareService
from backend.services.track_alert import TrackAlertService
from backend.settings import Settings
from backend.web import health, registry
from backend.web.api import create_api
from backend.web.errors import register_error_handlers
from backend.web.json_guard import guard_request_body
from backend.web.limits import init_rate_limits
from backend.web.rendered import init_rendered_results
from backend.web.request_log import init_request_logging
from backend.web.routes import register_api_blueprints
from backend.web.security import current_openid
from backend.web.security_headers import init_security_headers
from backend.web.upstream import init_upstream_budget

MAX_BODY_BYTES = 64 * 1024


def create_app(settings: Settings | None = None, services: Services | None = None) -> Flask:
    """Build the app from `settings` (default: the environment) and optional ready services."""
    settings = settings or Settings.from_env()
    configure_logging(settings.log_level)
    services = services or build_services(settings)

    app = Flask(__name__)
    if settings.trusted_proxies:  # the client's address for rate limits and logs
        # Not X-Forwarded-Host: nothing needs it (links use PUBLIC_BASE_URL), and trusted,
        # it let any client choose the host of our redirects ("/s//x" -> evil.example).
        n = settings.trusted_proxies
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=0)  # type: ignore[method-assign]
    app.config.update(SECRET_KEY=settings.secret_key, MAX_CONTENT_LENGTH=MAX_BODY_BYTES)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]  # readable Chinese
    # Tests still reach the stores through the whole bag; views use the registry, and the
    # sandboxes get only their Redis (below).
    app.extensions["services"] = services
    registry.install(app, web_use_cases(services))

    api = create_api(app)
    # Hooks run in this order: an id and a start time for every request (a refused one too),
    # then the budgets, then the body guard, so that hostile bodies are counted and logged.
    init_request_logging(app)
    init_security_headers(app)
    register_error_handlers(app, STORE_UNAVAILABLE)
    init_rendered_results(app)
    app.register_blueprint(health.bp)
    register_api_blueprints(app, api)
    init_rate_limits(app, settings, current_openid, services.budgets)
    init_upstream_budget(app, current_openid)
    app.before_request(guard_request_body)
    if settings.sandbox:
        from backend.sandbox import register_sandboxes

        register_sandboxes(app, settings, services.redis)
    return app


def web_use_cases(services: Services) -> dict[type, object]:
    """What the views may use: use cases and a few settings, never stores or clients."""
    settings = services.settings
    return {
        SessionService: services.sessions,
        LookupService: services.lookup,
        Parcels: services.parcels,
        Account: services.account,
        Consent: services.consent,
        ShareService: services.shares,
        TrackAlertService: services.track_alert,
        ConsentEvents: services.subscribe_events,
        LocationService: services.locations,
        DeliveryPhotoService: services.delivery_photos,
        PaymentCheck: services.payments,
        registry.WebConfig: registry.WebConfig(
            settings.public_base_url,
            settings.ups_webhook_credential,
            settings.sandbox,
            redis_keys.rate_limit_prefix(),
            settings.operator_name,
            settings.unofficial_notice,
            settings.app_name,
        ),
        registry.Health: registry.Health(_answers(services.redis)),
        registry.MetricsPage: registry.MetricsPage(
            functools.partial(
                exposition, services.queue.rq.connection, services.schedule, services.ups.pause.left
            ),
            settings.metrics_token,
        ),
    }


def _answers(client: redis.Redis) -> Callable[[], bool]:
    def ping() -> bool:
        try:
            return bool(client.ping())
        except (redis.RedisError, OSError):
            return False

    return ping
