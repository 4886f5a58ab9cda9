"""Budgets on the UPS calls that requests cause (cache misses), per client and overall.

A cached answer costs UPS nothing, so request budgets alone do not bound UPS use: one
anonymous /track of 30 fresh numbers is 30 Track calls, one new search cell 2 Locator calls.
Every UPS call is counted here. A request's call also counts against its client (the
logged-in user, else the IP address) and may only bring the overall count up to
(1 - reserve) of the global budget; the rest of the window is kept for the worker, whose
refreshes (and the notifications they lead to) are counted but never refused.

Who is asking travels in a context variable that the web layer sets per request; the worker
never sets it. Thread pools that call UPS on a request's behalf copy the caller's context.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass

from backend.domain.rates import Rate, seconds_left
from backend.ports import RequestBudgets

# "user:<openid digest>" or "ip:<address>" while a request is served; None for the worker and CLI.
asking: ContextVar[str | None] = ContextVar("upstream_asking", default=None)

_BUDGET = "ups-calls"
_EVERYONE = "all"


class UpstreamBudgetSpent(Exception):
    """This request may not call UPS now. scope: "client" (its own budget) or "global"."""

    def __init__(self, scope: str, retry_after: int) -> None:
        super().__init__(f"{scope} UPS call budget spent; retry in {retry_after} s")
        self.scope = scope
        self.retry_after = retry_after


@dataclass(frozen=True)
class UpstreamLimits:
    anonymous: Rate  # per IP address: many people may share one (carrier NAT)
    user: Rate  # per logged-in user
    total: Rate  # every UPS call, requests and worker together
    reserve: float  # share of `total` that requests may not use

    @property
    def for_requests(self) -> Rate:
        return Rate(int(self.total.count * (1 - self.reserve)), self.total.seconds)


class UpstreamBudget:
    """spend() before each UPS call; it raises UpstreamBudgetSpent when a request may not."""

    def __init__(
        self,
        counter: RequestBudgets,
        limits: UpstreamLimits,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._counter = counter
        self._limits = limits
        self._clock = clock

    def spend(self) -> None:
        """Count one UPS call for whoever is asking (see `asking`)."""
        client, now, limits = asking.get(), self._clock(), self._limits
        if client is None:  # the worker: counted so that requests leave it its reserve
            self._counter.allow([(_BUDGET, _EVERYONE, *_counted(limits.total))], now)
            return
        own = limits.user if client.startswith("user:") else limits.anonymous
        everyone = limits.for_requests
        mine, all_of_us = self._counter.allow(
            [(_BUDGET, client, *_counted(own)), (_BUDGET, _EVERYONE, *_counted(everyone))], now
        )
        if not mine:
            raise UpstreamBudgetSpent("client", seconds_left(own, now))
        if not all_of_us:
            raise UpstreamBudgetSpent("global", seconds_left(everyone, now))


def _counted(rate: Rate) -> tuple[int, int]:
    return rate.count, rate.seconds
