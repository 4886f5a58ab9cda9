"""Flask application factory: the web entry point, fed by the composition root."""

from __future__ import annotations

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from backend.bootstrap import STORE_UNAVAILABLE, WebServices, build_web
from backend.logs import configure_logging
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


def create_app(settings: Settings | None = None, web: WebServices | None = None) -> Flask:
    """Build the app from `settings` (default: the environment) on the use cases the root
    builds for it (or `web`, built by the caller, who then closes it)."""
    settings = settings or Settings.from_env()
    configure_logging(settings.log_level)
    web = web or build_web(settings)

    app = Flask(__name__)
    if settings.trusted_proxies:  # the client's address for rate limits and logs
        # Not X-Forwarded-Host: nothing needs it (links use PUBLIC_BASE_URL), and trusted,
        # it let any client choose the host of our redirects ("/s//x" -> evil.example).
        n = settings.trusted_proxies
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=0)  # type: ignore[method-assign]
    app.config.update(SECRET_KEY=settings.secret_key, MAX_CONTENT_LENGTH=MAX_BODY_BYTES)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]  # readable Chinese
    registry.install(app, web.use_cases)  # views ask it for a use case by type

    api = create_api(app)
    # Hooks run in this order: an id and a start time for every request (a refused one too),
    # then the budgets, then the body guard, so that hostile bodies are counted and logged.
    init_request_logging(app)
    init_security_headers(app)
    register_error_handlers(app, STORE_UNAVAILABLE)
    init_rendered_results(app)
    app.register_blueprint(health.bp)
    register_api_blueprints(app, api)
    init_rate_limits(app, settings, current_openid, web.budgets)
    init_upstream_budget(app, current_openid)
    app.before_request(guard_request_body)
    if settings.sandbox:
        from backend.sandbox import register_sandboxes

        register_sandboxes(app, settings, web.sandbox_store)
    return app
