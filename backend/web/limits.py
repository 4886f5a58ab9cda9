"""Rate limits: one budget per client shared by every /api/v1 route, tighter ones where
abuse is costly. A client is the logged-in user (a digest of the openid, so the counters
hold no openid: a closed account leaves none behind) or else the IP address.

Carrier NAT puts many mobile users in China behind one public address, so a budget per IP
is only used where nothing better identifies the caller: anonymous requests, failed logins
(counted per IP after they fail; a success costs nothing there) and public share reads.
Logins are outside the shared anonymous budget; a successful one counts against its user.
Every rate comes from the environment (RATE_LIMIT_*, `BudgetRates`).

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
from dataclasses import dataclass, fields

from flask import Flask, Response, current_app, request

from backend.domain.rates import Rate, parse_rate, seconds_left
from backend.services.budgets import Budgets
from backend.settings import Settings, SettingsError
from backend.web.errors import ApiError, is_store_unavailable

log = logging.getLogger(__name__)

_COUNTER = "rate_counter"
_LIMITED_PREFIX = "/api/v1/"
_UNLIMITED = {"/api/v1/openapi.json"}

LOGIN = "auth.login"
# Endpoint -> (budget, BudgetRates field). Shares are stored for 30 days and drawn as
# images; link checks parse arbitrary text. Each is counted in its own budget, per client,
# on top of the shared one.
ROUTE_BUDGETS = {
    "shares.create_share": ("share-create", "share_create"),
    "guide.links_check": ("link-check", "link_check"),
}
_RATES = "budget_rates"


__all__ = ["ROUTE_BUDGETS", "Rate", "check", "init_rate_limits", "parse_rate", "retry_after"]


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


@dataclass(frozen=True)
class BudgetRates:
    """Every request budget, read once from the settings (`RATE_LIMIT_<FIELD>`)."""

    anonymous: Rate  # per IP, every /api/v1 route together
    user: Rate  # per logged-in user, every /api/v1 route together
    login_failures: Rate  # failed logins per IP (each costs a call to WeChat)
    login_user: Rate  # successful logins per user (each mints a session)
    share_create: Rate  # per client
    link_check: Rate  # per client
    share_read: Rate  # public share reads per IP (ids are unguessable; stops bulk probing)

    @classmethod
    def from_settings(cls, settings: Settings) -> BudgetRates:
        rates = {}
        for field in fields(cls):
            try:
                rates[field.name] = parse_rate(getattr(settings, f"rate_limit_{field.name}"))
            except ValueError as error:
                raise SettingsError(f"RATE_LIMIT_{field.name.upper()}: {error}") from None
        return cls(**rates)


def rates() -> BudgetRates:
    """This app's budgets (for the views that count their own)."""
    return current_app.extensions[_RATES]


def admit_login(openid: str) -> None:
    """Count a successful login against its user's budget; 429 once that is spent (the
    session is then not created)."""
    check([("login-user", budget_client(openid), rates().login_user)])


def init_rate_limits(
    app: Flask, settings: Settings, identify: Callable[[], str | None], counter: Budgets
) -> None:
    """Count every /api/v1 request against its client's budget before the view runs;
    `identify` names the logged-in user (or None), `counter` keeps the counts."""
    app.extensions[_COUNTER] = counter
    app.extensions[_RATES] = budget_rates = BudgetRates.from_settings(settings)

    @app.before_request
    def count_request() -> None:
        path = request.path
        if not path.startswith(_LIMITED_PREFIX) or path in _UNLIMITED:
            return
        ip = f"ip:{request.remote_addr}"
        if request.endpoint == LOGIN:
            _refuse_if_spent("login-failed", ip, budget_rates.login_failures)
            return  # not in the IP's shared budget: a crowd behind one address logs in
        openid = identify()
        client = budget_client(openid)
        budgets = [("all", client, budget_rates.user if openid else budget_rates.anonymous)]
        special = ROUTE_BUDGETS.get(request.endpoint or "")
        if special is not None:
            budget, field = special
            budgets.append((budget, client, getattr(budget_rates, field)))
        check(budgets)

    @app.after_request
    def count_failed_login(response: Response) -> Response:
        if request.endpoint == LOGIN and response.status_code in (400, 401):
            _count_quietly("login-failed", f"ip:{request.remote_addr}", budget_rates.login_failures)
        return response


def budget_client(openid: str | None) -> str:
    """Whose budget a request spends: the user (a digest: counters hold no openid, so a
    closed account leaves none behind), else the IP address."""
    return f"user:{_user_digest(openid)}" if openid else f"ip:{request.remote_addr}"


def _user_digest(openid: str) -> str:
    # 96 bits: collisions between users are out of reach; the openid is not recoverable.
    return hashlib.sha256(b"rate-limit:" + openid.encode("utf-8")).hexdigest()[:24]


def _refuse_if_spent(name: str, client: str, rate: Rate) -> None:
    """429 when `client` has spent `rate` in budget `name`; this request is not counted."""
    now = time.time()
    try:
        spent = current_app.extensions[_COUNTER].spent(name, client, rate.count, rate.seconds, now)
    except Exception as error:  # noqa: BLE001
        if not is_store_unavailable(error):
            raise
        return
    if spent:
        raise ApiError(429, "rate_limited", headers={"Retry-After": retry_after(rate, now)})


def _count_quietly(name: str, client: str, rate: Rate) -> None:
    """Count one in `name` after the fact (the answer is already decided)."""
    try:
        check([(name, client, rate)])
    except ApiError:
        pass  # spent: the next attempt is refused up front
