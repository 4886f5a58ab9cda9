"""Moments told per journey (issue #28), side by side with and without real-world faults.

Simulated WeChat users watch the journeys the issue lists from their first scan to the end
(tests/support/moments.py plays them: sandbox UPS and WeChat over real HTTP, real Redis,
the refresh job run inline as the worker runs it). Two figures per journey:

- engaged user (taps when they start watching, again whenever a message brings them in):
  critical moments told ÷ reached, goal 100 %, no duplicates;
- one-tap user (taps once): moments told, goal ≥ min(3, reached), no routine sends.

Run twice: sandboxes answering at once, then UPS at 300 ms with 10 % failures and WeChat at
100 ms with 10 % busy answers (-1), which only costs retries.
"""

from __future__ import annotations

import logging
import time

import _harness  # noqa: F401  (puts the project on sys.path)
import requests

from backend.adapters import redis_conn
from backend.settings import Settings
from tests.support.apps import close_app
from tests.support.live_server import LiveServer
from tests.support.moments import JOURNEYS, Player
from tests.support.redis_server import choose_test_redis_url
from tests.support.stores import make_app, shared

CONDITIONS = (
    ("no latency, no faults", {}, {}),
    ("UPS 300 ms + 10 % failures, WeChat 100 ms + 10 % busy",
     {"latency_ms": 300, "error_rate": 0.1}, {"latency_ms": 100, "error_rate": 0.1, "errcode": -1}),
)  # fmt: skip


def play(journey: str, number: str, faults: tuple[dict, dict], redis_url: str):
    """One journey on a fresh app and an empty database (logins are limited per client)."""
    redis_conn.connect(redis_url).flushdb()
    server = LiveServer()
    settings = Settings(sandbox=True, redis_url=redis_url, log_level="WARNING", port=server.port,
                        public_base_url=server.url).completed()  # fmt: skip
    app = make_app(settings)
    server.serve(app)
    try:
        for path, body in zip(("ups", "wechat"), faults, strict=True):
            if body:
                requests.post(f"{server.url}/_sandbox/{path}/faults", json=body, timeout=10)
        parts = shared(app)
        player = Player(server.url, parts, parts.refresher.refresh)
        return player.play(journey, number, run_id=number[-6:])
    finally:
        server.stop()
        close_app(app)


def run(label: str, faults: tuple[dict, dict], redis_url: str) -> None:
    print(f"\n  {label}")
    print(f"  {'number':<20}{'reached':>8}{'engaged':>12}{'dupes':>7}{'one-tap':>9}"
          f"{'goal':>6}{'routine':>9}{'seconds':>9}  journey")  # fmt: skip
    for journey, number in JOURNEYS:
        started = time.monotonic()
        figures = play(journey, number, faults, redis_url)
        row, spent = figures.row(), time.monotonic() - started
        engaged = f"{row['engaged_told']}/{row['reached']} {row['engaged_pct']:.0f}%"
        print(f"  {number:<20}{row['reached']:>8}{engaged:>12}{row['engaged_duplicates']:>7}"
              f"{row['one_tap_told']:>9}{row['one_tap_goal']:>6}"
              f"{row['one_tap_routine_sends']:>9}{spent:>9.1f}  {journey}")  # fmt: skip
        missed = [m for m in figures.reached if m not in figures.one_tap.told]
        if missed:
            print(f"  {'':<20}one tap cannot pay for: {', '.join(missed)}")


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request: noise here
    redis_url, embedded = choose_test_redis_url()
    print(f"  (Redis: {'embedded' if embedded else 'real'} {redis_url})")
    for label, ups_faults, wechat_faults in CONDITIONS:
        run(label, (ups_faults, wechat_faults), redis_url)


if __name__ == "__main__":
    main()
