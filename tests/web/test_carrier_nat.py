"""Budgets vs carrier NAT: in China many mobile users reach us from one public address.

Over real HTTP every request of these tests comes from 127.0.0.1: one address, as behind
a carrier's NAT. Logged-in users each have their own budgets; only failed logins and
anonymous requests are counted per address (README "Rate limits and carrier NAT").
"""

from __future__ import annotations

import requests

from backend.settings import Settings
from tests.support.shares import scenario_number
from tests.support.wechat import login, login_code, serve_app, stats

USERS = 50


def _login(base: str, code: str, address: str | None = None) -> requests.Response:
    headers = {"X-Forwarded-For": address} if address else {}
    return requests.post(
        f"{base}/api/v1/auth/login", json={"code": code}, headers=headers, timeout=10
    )


def test_fifty_users_behind_one_address_log_in_and_look_up_on_their_own_budgets(make_settings):
    overrides = {"rate_limit_anonymous": "20/minute", "rate_limit_login_failures": "5/minute"}
    with serve_app(make_settings, **overrides) as (server, _app):
        base = server.url
        number = scenario_number(base, "out_for_delivery")
        # A few mistyped or expired codes along the way stay under the address's budget.
        assert [_login(base, "expired-code").status_code for _ in range(4)] == [401] * 4
        tokens = [login(base, f"nat-user-{i}") for i in range(USERS)]  # 200 each, or it fails
        codes = []
        for token in tokens:
            auth = {"Authorization": f"Bearer {token}"}
            for _ in range(2):
                codes.append(
                    requests.get(
                        f"{base}/api/v1/track", params={"numbers": number}, headers=auth, timeout=10
                    ).status_code  # fmt: skip
                )
        assert codes == [200] * (2 * USERS)
        # Without a token the address is all we know: its anonymous budget is shared.
        anonymous = [requests.get(f"{base}/api/v1/help", timeout=10).status_code for _ in range(21)]
        assert anonymous[:20] == [200] * 20 and anonymous[20] == 429


def test_spent_failed_logins_refuse_that_address_before_asking_wechat(make_settings):
    overrides = {"rate_limit_login_failures": "5/minute", "trusted_proxies": 1}
    with serve_app(make_settings, **overrides) as (server, _app):
        base, crowded, elsewhere = server.url, "203.0.113.7", "198.51.100.9"
        token = login(base, "already-in")  # logged in before the failures
        assert [_login(base, "bad", crowded).status_code for _ in range(5)] == [401] * 5
        asked = stats(base)["jscode2session_calls"]
        good = login_code("newcomer")
        refused = _login(base, good, crowded)
        assert refused.status_code == 429 and refused.json()["error"]["code"] == "rate_limited"
        assert 1 <= int(refused.headers["Retry-After"]) <= 60
        assert stats(base)["jscode2session_calls"] == asked  # WeChat was not asked
        assert _login(base, good, elsewhere).status_code == 200  # so the code is still good
        mine = requests.get(
            f"{base}/api/v1/parcels", headers={"Authorization": f"Bearer {token}",
                                               "X-Forwarded-For": crowded}, timeout=10,
        )  # fmt: skip
        assert mine.status_code == 200  # a logged-in user there is not locked out


def test_successful_logins_are_limited_per_user_not_per_address(make_settings):
    with serve_app(make_settings, rate_limit_login_user="3/minute") as (server, _app):
        base = server.url
        assert [_login(base, login_code("nia")).status_code for _ in range(3)] == [200] * 3
        fourth = _login(base, login_code("nia"))
        assert fourth.status_code == 429 and "token" not in fourth.json()
        assert _login(base, login_code("omar")).status_code == 200  # same address
        # The refusal was not a failure: the address's failure budget is untouched.
        assert [_login(base, "bad").status_code for _ in range(3)] == [401] * 3


def test_every_budget_is_read_from_the_environment():
    env = {
        "SANDBOX": "1",
        "RATE_LIMIT_ANONYMOUS": "600/minute",
        "RATE_LIMIT_USER": "1000/minute",
        "RATE_LIMIT_LOGIN_FAILURES": "7 per 5 minutes",
        "RATE_LIMIT_LOGIN_USER": "4/minute",
        "RATE_LIMIT_SHARE_CREATE": "50/hour",
        "RATE_LIMIT_LINK_CHECK": "10/minute",
        "RATE_LIMIT_SHARE_READ": "300/minute",
    }
    settings = Settings.from_env(env)
    read = {name: getattr(settings, name.lower()) for name in env if name != "SANDBOX"}
    assert read == {name: value for name, value in env.items() if name != "SANDBOX"}
    defaults = Settings.from_env({"SANDBOX": "1"})
    assert (defaults.rate_limit_login_failures, defaults.rate_limit_login_user) == (
        "20/minute",
        "10/minute",
    )
