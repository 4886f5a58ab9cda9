"""UPS calls that requests cause (cache misses) have budgets per client and overall, with a
reserve only the worker may use (issue #26 item 3): the API on real Redis, UPS and its
Locator played by the sandbox over HTTP."""

from __future__ import annotations

import time

import requests

from backend.adapters.rate_counter import RateCounter
from backend.domain.rates import Rate
from backend.services.upstream_budget import (
    UpstreamBudget,
    UpstreamBudgetSpent,
    UpstreamLimits,
    asking,
)
from tests.support.numbers import make_1z
from tests.support.wechat import login, serve_app

TIGHT = {"upstream_budget_anonymous": "3 per 10 minutes", "upstream_budget_user": "2/hour"}


def ups_stats(url: str) -> dict:
    return requests.get(f"{url}/_sandbox/ups/stats", timeout=10).json()


def track(url: str, numbers: list[str], token: str | None = None) -> requests.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.get(
        f"{url}/api/v1/track", params={"numbers": ",".join(numbers)}, headers=headers, timeout=30
    )


def is_spent(response: requests.Response, code: str = "rate_limited") -> bool:
    error = response.json()["error"]
    retry = int(response.headers["Retry-After"])
    return response.status_code == 429 and error["code"] == code and error["retry_after"] == retry


def test_an_anonymous_batch_of_fresh_numbers_stops_at_the_ips_budget(make_settings):
    with serve_app(make_settings, **TIGHT) as (server, _app):
        fresh = [make_1z("BUDGET", serial) for serial in range(1, 6)]
        before = ups_stats(server.url)["track_calls"]
        response = track(server.url, fresh)
        assert is_spent(response) and 1 <= int(response.headers["Retry-After"]) <= 600
        assert ups_stats(server.url)["track_calls"] - before <= 3
        # What was fetched before the budget ran out is cached: asking again costs nothing.
        fetched = [n for n, c in ups_stats(server.url)["track_calls_by_number"].items() if c]
        again = track(server.url, [n for n in fresh if n in fetched])
        assert again.status_code == 200 and ups_stats(server.url)["track_calls"] - before <= 3
        english = requests.get(
            f"{server.url}/api/v1/track?lang=en",
            params={"numbers": make_1z("BUDGET", 9)},
            timeout=30,
        )
        assert is_spent(english) and english.json()["error"]["message"].startswith("Too many")


def test_a_logged_in_user_spends_their_own_budget_not_the_ips(make_settings):
    with serve_app(make_settings, **TIGHT) as (server, _app):
        assert is_spent(track(server.url, [make_1z("SHARED", s) for s in range(1, 5)]))
        token = login(server.url, "budget-user")
        assert track(server.url, [make_1z("MINE", 1), make_1z("MINE", 2)], token).status_code == 200
        assert is_spent(track(server.url, [make_1z("MINE", 3)], token))


def test_nearby_searches_in_new_cells_spend_the_budget_two_locator_calls_each(make_settings):
    with serve_app(make_settings, **TIGHT) as (server, _app):
        url = f"{server.url}/api/v1/locations"
        first = requests.get(url, params={"lat": "22.5431", "lng": "114.0579"}, timeout=30)
        assert first.status_code == 200  # 2 of 3
        second = requests.get(url, params={"lat": "31.2304", "lng": "121.4737"}, timeout=30)
        assert is_spent(second)  # its second family would be the 4th call
        located = requests.get(f"{server.url}/_sandbox/ups/locator/stats", timeout=10).json()
        assert sum(located.values()) == 3
        # A search in the first cell again is answered from the cache, budget or not.
        again = requests.get(url, params={"lat": "22.5432", "lng": "114.0580"}, timeout=30)
        assert again.status_code == 200


def test_locator_calls_are_metered_with_track_calls(make_settings):
    with serve_app(make_settings) as (server, _app):
        requests.get(
            f"{server.url}/api/v1/locations",
            params={"lat": "39.9042", "lng": "116.4074"},
            timeout=30,
        )
        text = requests.get(f"{server.url}/metrics", timeout=10).text
        assert 'upt_ups_calls_total{api="locator",outcome="200"}' in text


def test_requests_leave_the_reserve_to_the_worker(redis_client):
    limits = UpstreamLimits(
        anonymous=Rate(100, 600), user=Rate(100, 600), total=Rate(10, 600), reserve=0.5
    )
    now = [time.time() // 600 * 600 + 1]  # early in a window, so it does not roll over
    budget = UpstreamBudget(RateCounter(redis_client), limits, clock=lambda: now[0])
    for _ in range(4):
        budget.spend()  # the worker (nobody asking): refreshes
    token = asking.set("ip:203.0.113.7")
    try:
        budget.spend()  # the 5th call of 10: requests may bring the total to 5
        try:
            budget.spend()
            raise AssertionError("a request spent the worker's reserve")
        except UpstreamBudgetSpent as spent:
            assert spent.scope == "global" and 1 <= spent.retry_after <= 600
    finally:
        asking.reset(token)
    for _ in range(10):
        budget.spend()  # the worker is counted, never refused
