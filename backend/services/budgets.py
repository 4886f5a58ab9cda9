"""Request budgets: how many requests each client may make per window, across processes."""

from __future__ import annotations

from backend.ports import RequestBudgets


class Budgets:
    """The web layer's rate limits ask here; the counting lives behind the port."""

    def __init__(self, counter: RequestBudgets) -> None:
        self._counter = counter

    def allow(self, budgets: list[tuple[str, str, int, int]], now: float) -> list[bool]:
        """For each (budget, client, limit, window seconds): may this request go ahead?"""
        return self._counter.allow(budgets, now)

    def spent(self, budget: str, client: str, limit: int, window: int, now: float) -> bool:
        """Whether `client` has used up `budget` in this window, without counting."""
        return self._counter.spent(budget, client, limit, window, now)
