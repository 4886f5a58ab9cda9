"""Rate limits: one budget per client shared by every /api/v1 route, tighter ones where
abuse is costly. A client is the logged-in user (a digest of the openid, so the counters
hold no openid: a closed account leaves none behind) or else the IP address.

Counting costs at most one pipelined Redis round trip per request, usually none
(RateCounter leases budgets to the process in chunks). When
Redis does not answer the request goes through uncounted: availability beats counting, and
a route that needs Redis answers 503 by itself.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable

from flask import Flask, current_app, request

from backend.domain.rates import Rate, parse_rate, seconds_left
from backend.services.budgets import Budgets
from backend.settings import Settings, SettingsError
from backend.web.errors import ApiError, is_store_unavailable

log = logging.getLogger(__name__)

_COUNTER = "rate_counter"
_LIMITED_PREFIX = "/api/v1/"
_UNLIMITED = {"/api/v1/openapi.json"}

# Endpoint -> (budget, rate, by IP even when logged in). Logins cost a WeChat call each and
# mint sessions; shares are stored for 30 days and drawn as images; link checks parse
# arbitrary text. Each is counted in its own budget on top of the shared one.
ROUTE_LIMITS = {
    "auth.login": ("login", "10/minute", True),
    "shares.create_share": ("share-create", "30/hour", False),
    "guide.links_check": ("link-check", "30/minute", False),
}


__all__ = ["ROUTE_LIMITS", "Rate", "check", "init_rate_limits", "parse_rate", "retry_after"]


def retry_after(rate: Rate, now: float) -> str:
    """Seconds until the current window of `rate` ends (at least 1)."""
    return str(seconds_left(rate, now))


def check(budgets: list[tuple[str, str, Rate]]) -> None:
    """Count this request in each (budget, client, rate); raise 429 when one is spent."""
    counter = current_app.extensions[_COUNTER]
    now = time.time()
    asked = [(name, client, rate.count, rate.seconds) for name, client, rate in budgets]
    try:
        answers = counter.allow(asked, now)
    except Exception as error:  # noqa: BLE001
        if not is_store_unavailable(error):
            raise
        log.warning("rate limits not counted: the data store does not answer")
        return
    for (_name, _client, rate), allowed in zip(budgets, answers, strict=True):
        if not allowed:
            raise ApiError(429, "rate_limited", headers={"Retry-After": retry_after(rate, now)})


def init_rate_limits(
    app: Flask, settings: Settings, identify: Callable[[], str | None], counter: Budgets
) -> None:
    """Count every /api/v1 request against its client's budget before the view runs;
    `identify` names the logged-in user (or None), `counter` keeps the counts."""
    app.extensions[_COUNTER] = counter
    try:
        anonymous = parse_rate(settings.rate_limit_anonymous)
        user = parse_rate(settings.rate_limit_user)
    except ValueError as error:
        raise SettingsError(f"RATE_LIMIT_ANONYMOUS / RATE_LIMIT_USER: {error}") from None
    routes = {
        endpoint: (budget, parse_rate(rate), by_ip)
        for endpoint, (budget, rate, by_ip) in ROUTE_LIMITS.items()
    }

    @app.before_request
    def count_request() -> None:
        path = request.path
        if not path.startswith(_LIMITED_PREFIX) or path in _UNLIMITED:
            return
        ip = f"ip:{request.remote_addr}"
        openid = identify()
        client = budget_client(openid)
        budgets = [("all", client, user if openid else anonymous)]
        special = routes.get(request.endpoint or "")
        if special is not None:
            budget, rate, by_ip = special
            budgets.append((budget, ip if by_ip else client, rate))
        check(budgets)


def budget_client(openid: str | None) -> str:
    """Whose budget a request spends: the user (a digest: counters hold no openid, so a
    closed account leaves none behind), else the IP address."""
    return f"user:{_user_digest(openid)}" if openid else f"ip:{request.remote_addr}"


def _user_digest(openid: str) -> str:
    # 96 bits: collisions between users are out of reach; the openid is not recoverable.
    return hashlib.sha256(b"rate-limit:" + openid.encode("utf-8")).hexdigest()[:24]
