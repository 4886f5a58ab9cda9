"""Flask application factory."""

from __future__ import annotations

from flask import Flask

from backend.bootstrap import STORE_UNAVAILABLE, Services, build_services
from backend.settings import Settings
from backend.web import health
from backend.web.api import create_api
from backend.web.errors import register_error_handlers
from backend.web.limits import init_rate_limits
from backend.web.request_log import configure_logging, init_request_logging
from backend.web.routes import register_api_blueprints
from backend.web.security import current_openid

MAX_BODY_BYTES = 64 * 1024


def create_app(settings: Settings | None = None, services: Services | None = None) -> Flask:
    """Build the app from `settings` (default: the environment) and optional ready services."""
    settings = settings or Settings.from_env()
    configure_logging(settings.log_level)
    services = services or build_services(settings)

    app = Flask(__name__)
    app.config.update(SECRET_KEY=settings.secret_key, MAX_CONTENT_LENGTH=MAX_BODY_BYTES)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]  # readable Chinese
    app.extensions["services"] = services

    api = create_api(app)
    register_error_handlers(app, STORE_UNAVAILABLE)
    init_request_logging(app)
    app.register_blueprint(health.bp)
    register_api_blueprints(app, api)
    init_rate_limits(app, settings, identify=current_openid)
    if settings.sandbox:
        from backend.sandbox import register_sandboxes

        register_sandboxes(app)
    return app
