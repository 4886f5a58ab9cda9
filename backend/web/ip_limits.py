"""Per-IP limits for single public routes, counted by the app's flask-limiter storage."""

from __future__ import annotations

import logging

from flask import current_app, request
from limits import parse

from backend.web.registry import WebConfig, use

log = logging.getLogger(__name__)


def allow(bucket: str, rate: str) -> bool:
    """Count this request against `rate` (e.g. "60/minute") for its IP in `bucket`.

    The limiter is built after the blueprints are registered, so it is looked up per request
    rather than decorating views at import. Like the global limits, a storage failure lets
    the request through: availability beats counting.
    """
    limiters = current_app.extensions.get("limiter") or set()
    limiter = next(iter(limiters), None)
    if limiter is None:
        return True
    try:
        return limiter.limiter.hit(
            parse(rate), use(WebConfig).rate_limit_prefix, bucket, f"ip:{request.remote_addr}"
        )
    except Exception:  # noqa: BLE001  # any storage error: same policy as swallow_errors
        log.exception("per-route rate limit failed; letting the request through")
        return True


def retry_after(rate: str) -> str:
    """Seconds to suggest in Retry-After: one window of `rate`."""
    return str(parse(rate).get_expiry())
