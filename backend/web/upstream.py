"""Who is asking, for the UPS call budget (services/upstream_budget.py), and its 429."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, g, request

from backend.services.upstream_budget import UpstreamBudgetSpent, asking
from backend.web.errors import envelope
from backend.web.limits import budget_client

# Routes whose cache misses a client causes; the webhook and pushes come from UPS and WeChat.
_COUNTED_PREFIXES = ("/api/v1/", "/s/")
_CODES = {"client": "rate_limited", "global": "upstream_busy"}


def init_upstream_budget(app: Flask, identify: Callable[[], str | None]) -> None:
    """Name the client of each request (the user, else the IP) for the UPS call budget, and
    answer a spent budget with 429, Retry-After in the header and in the envelope."""

    @app.before_request
    def name_the_client() -> None:
        if request.path.startswith(_COUNTED_PREFIXES):
            openid = identify()
            g.upstream_token = asking.set(budget_client(openid))

    @app.teardown_request
    def forget_the_client(_error: BaseException | None) -> None:
        token = g.pop("upstream_token", None)
        if token is not None:
            try:
                asking.reset(token)
            except ValueError:  # set in another context (a streamed response): just clear it
                asking.set(None)

    @app.errorhandler(UpstreamBudgetSpent)
    def budget_spent(error: UpstreamBudgetSpent):
        retry = str(error.retry_after)
        response = envelope(429, _CODES[error.scope], retry_after=error.retry_after)
        response.headers["Retry-After"] = retry
        return response
