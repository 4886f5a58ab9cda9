"""`python -m backend track` against a running sandbox, and without one."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from backend import __main__ as cli
from backend.adapters.redis_conn import free_port
from backend.sandbox.ups.journeys import BY_KEY


@pytest.fixture
def sandbox_env(monkeypatch, redis_url):
    for name in ("UPS_CLIENT_ID", "UPS_CLIENT_SECRET", "UPS_BASE_URL", "WECHAT_APPID"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SANDBOX", "1")
    monkeypatch.setenv("REDIS_URL", redis_url)
    return monkeypatch


def test_track_against_the_running_sandbox(live, sandbox_env, capsys):
    sandbox_env.setenv("SANDBOX_BASE_URL", live[0].url + "/_sandbox")
    numbers = [BY_KEY["out_for_delivery"].number, BY_KEY["signature_delivered"].number]
    assert cli.main(["track", *numbers]) == cli.OK
    out = capsys.readouterr().out
    assert "派送中 (out_for_delivery)" in out and "已签收 (delivered)" in out
    assert "预计送达" in out and "签收人: CHEN JING" in out


def test_not_found_exits_one(live, sandbox_env, capsys):
    sandbox_env.setenv("SANDBOX_BASE_URL", live[0].url + "/_sandbox")
    assert cli.main(["track", BY_KEY["not_found"].number, "--lang", "en"]) == cli.NOT_ALL_FOUND
    assert "not_found" in capsys.readouterr().out


def test_without_a_running_sandbox_it_says_to_start_one(redis_url):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("UPS_", "WECHAT_"))}
    env |= {
        "SANDBOX": "1",
        "REDIS_URL": redis_url,
        "SANDBOX_BASE_URL": f"http://127.0.0.1:{free_port()}/_sandbox",
    }
    done = subprocess.run(
        [sys.executable, "-m", "backend", "track", BY_KEY["in_transit"].number],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == cli.UNAVAILABLE
    assert "not reachable" in done.stderr and "make run" in done.stderr
