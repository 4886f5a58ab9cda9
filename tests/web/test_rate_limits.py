"""Rate limits: one budget per client across every /api/v1 route (the IP, or the user when
logged in), tighter budgets for failed logins, share creation and link checks, 429 envelopes
with Retry-After, and probes and machine callers never limited. Carrier NAT (many users,
one address): tests/web/test_carrier_nat.py."""

from __future__ import annotations

import pytest
import requests

from backend.settings import SettingsError
from backend.web.limits import ROUTE_BUDGETS, Rate, parse_rate, retry_after
from tests.support.shares import Sharer, scenario_number
from tests.support.wechat import login, serve_app

ANON_ROUTES = [
    ("GET", "/api/v1/help", {}),
    ("GET", "/api/v1/scan?code=1ZSBXUS10310000042", {}),
    ("GET", "/api/v1/subscriptions/templates", {}),
    ("POST", "/api/v1/links/check", {"json": {"url": "https://www.ups.com"}}),
]


def is_limited(response: requests.Response, window: int = 60) -> bool:
    return (
        response.status_code == 429
        and response.json()["error"]["code"] == "rate_limited"
        and 1 <= int(response.headers["Retry-After"]) <= window
    )


def test_the_anonymous_budget_is_shared_by_every_route(make_settings):
    with serve_app(make_settings, rate_limit_anonymous="4/minute") as (server, _app):
        codes = [
            requests.request(method, server.url + path, timeout=10, **kwargs).status_code
            for method, path, kwargs in ANON_ROUTES
        ]
        assert codes == [200, 200, 200, 200]
        for method, path, kwargs in ANON_ROUTES:
            assert is_limited(requests.request(method, server.url + path, timeout=10, **kwargs))
        english = requests.get(f"{server.url}/api/v1/help?lang=en", timeout=10)
        assert english.json()["error"]["message"].startswith("Too many requests")
        # Probes, the OpenAPI document and machine callers are outside the budget.
        assert requests.get(f"{server.url}/healthz", timeout=10).status_code == 200
        assert requests.get(f"{server.url}/api/v1/openapi.json", timeout=10).status_code == 200


def test_a_logged_in_user_has_a_budget_of_their_own(make_settings):
    overrides = {"rate_limit_anonymous": "3/minute", "rate_limit_user": "5/minute"}
    with serve_app(make_settings, **overrides) as (server, _app):
        token = login(server.url, "budgeted")  # not in the IP's shared budget
        auth = {"Authorization": f"Bearer {token}"}
        assert [requests.get(f"{server.url}/api/v1/help", timeout=10).status_code
                for _ in range(4)] == [200, 200, 200, 429]  # fmt: skip
        mine = [
            requests.get(f"{server.url}/api/v1/parcels", headers=auth, timeout=10) for _ in range(6)
        ]
        assert [r.status_code for r in mine[:5]] == [200] * 5 and is_limited(mine[5])
        # The user's budget covers every route they call, not the parcels list alone.
        assert is_limited(requests.get(f"{server.url}/api/v1/help", headers=auth, timeout=10))


def test_failed_logins_have_a_tight_budget_per_ip_outside_the_shared_one(make_settings):
    overrides = {"rate_limit_anonymous": "3/minute", "rate_limit_login_failures": "10/minute"}
    with serve_app(make_settings, **overrides) as (server, _app):
        url = f"{server.url}/api/v1/auth/login"
        codes = [
            requests.post(url, json={"code": "not-a-code"}, timeout=10).status_code
            for _ in range(10)
        ]
        assert codes == [401] * 10
        assert is_limited(requests.post(url, json={"code": "sandbox:late"}, timeout=10))
        assert requests.get(f"{server.url}/api/v1/help", timeout=10).status_code == 200


def test_link_checks_have_a_tight_budget(make_settings):
    with serve_app(make_settings, rate_limit_anonymous="1000/minute") as (server, _app):
        url = f"{server.url}/api/v1/links/check"
        body = {"text": "UPS: 请到 https://ups-fee.com/pay 缴纳关税"}
        codes = [requests.post(url, json=body, timeout=10).status_code for _ in range(30)]
        assert codes == [200] * 30
        assert is_limited(requests.post(url, json=body, timeout=10))


def test_share_creation_has_a_tight_hourly_budget(make_settings):
    with serve_app(make_settings, rate_limit_user="1000/minute") as (server, _app):
        number = scenario_number(server.url, "out_for_delivery")
        alice = Sharer(server.url, "prolific")
        alice.watch(number)
        codes = [alice.share(number).status_code for _ in range(30)]
        assert codes == [201] * 30
        assert is_limited(alice.share(number), window=3600)
        assert Sharer(server.url, "other").share(number).status_code == 404  # own budget


@pytest.mark.parametrize(
    ("text", "rate"),
    [("120/minute", Rate(120, 60)), ("10 per 5 minutes", Rate(10, 300)),
     ("1000/day", Rate(1000, 86400)), ("3/second", Rate(3, 1)), (" 30 / HOUR ", Rate(30, 3600))],
)  # fmt: skip
def test_rates_are_read_in_the_usual_notations(text, rate):
    assert parse_rate(text) == rate


@pytest.mark.parametrize(
    "name", ["anonymous", "user", "login_failures", "login_user", "share_create", "link_check",
             "share_read"],
)  # fmt: skip
def test_a_bad_rate_setting_stops_start_up_naming_its_variable(make_settings, name):
    from backend.app import create_app

    with pytest.raises(SettingsError, match=f"RATE_LIMIT_{name.upper()}"):
        create_app(make_settings(**{f"rate_limit_{name}": "lots"}))


def test_retry_after_is_the_rest_of_the_window():
    assert retry_after(Rate(5, 60), now=600.0) == "60"
    assert retry_after(Rate(5, 60), now=659.5) == "1"
    assert {budget for budget, _rate in ROUTE_BUDGETS.values()} == {"share-create", "link-check"}


def test_behind_a_trusted_proxy_each_client_address_has_its_own_budget(make_settings):
    overrides = {"rate_limit_anonymous": "2/minute", "trusted_proxies": 1}
    with serve_app(make_settings, **overrides) as (server, _app):
        url = f"{server.url}/api/v1/help"

        def as_client(ip: str) -> int:
            return requests.get(url, headers={"X-Forwarded-For": ip}, timeout=10).status_code

        assert [as_client("203.0.113.7") for _ in range(3)] == [200, 200, 429]
        assert as_client("198.51.100.9") == 200


def test_without_trusted_proxies_a_forged_forwarded_for_changes_nothing(make_settings):
    with serve_app(make_settings, rate_limit_anonymous="2/minute") as (server, _app):
        url = f"{server.url}/api/v1/help"
        codes = [
            requests.get(url, headers={"X-Forwarded-For": f"192.0.2.{i}"}, timeout=10).status_code
            for i in range(3)
        ]
        assert codes == [200, 200, 429]
