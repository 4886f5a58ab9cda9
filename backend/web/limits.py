"""Rate limits on /api/v1 with flask-limiter on Redis: per IP, or per user when logged in."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, request
from flask_limiter import Limiter

from backend.settings import Settings

# Paths outside the public API answer machines (WeChat, UPS, probes), not people.
_LIMITED_PREFIX = "/api/v1/"
_UNLIMITED = {"/api/v1/openapi.json"}


def init_rate_limits(
    app: Flask, settings: Settings, identify: Callable[[], str | None], key_prefix: str
) -> Limiter:
    """Limit every /api/v1 route; `identify` names the logged-in user (or None)."""

    def key() -> str:
        openid = identify()
        return f"user:{openid}" if openid else f"ip:{request.remote_addr}"

    def limit() -> str:
        return settings.rate_limit_user if identify() else settings.rate_limit_anonymous

    def exempt() -> bool:
        return not request.path.startswith(_LIMITED_PREFIX) or request.path in _UNLIMITED

    return Limiter(
        key_func=key,
        app=app,
        default_limits=[limit],
        default_limits_exempt_when=exempt,
        storage_uri=settings.redis_url,
        key_prefix=key_prefix,
        strategy="fixed-window",
        # X-RateLimit-* headers cost two Redis reads on every request; a 429 still carries
        # Retry-After (set by the error envelope from the limit's window).
        headers_enabled=False,
        # A Redis hiccup must not turn every request into an error; /healthz reports it.
        swallow_errors=True,
    )
