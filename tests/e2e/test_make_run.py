"""`make run`'s entry point: API, worker and sandboxes start, answer, and stop on Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
import requests

from backend.adapters.redis_conn import free_port
from backend.devserver import choose_redis
from tests.support.stack import ROOT

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_devserver_serves_health_and_the_sandbox_then_stops_everything(redis_url, signum):
    """Ctrl-C in a terminal and a SIGTERM to the process group (docker, systemd, a script)
    both stop every process, with no traceback."""
    port = free_port()
    env = {**os.environ, "REDIS_URL": redis_url, "PORT": str(port), "LOG_LEVEL": "WARNING"}
    env.pop("SANDBOX", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "backend.devserver"], cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 40
        health = None
        while time.monotonic() < deadline and health is None:
            try:
                health = requests.get(f"{base}/healthz", timeout=1)
            except requests.RequestException:
                time.sleep(0.3)
        assert health is not None and health.status_code == 200
        assert health.json()["sandbox"] is True
        assert requests.get(f"{base}/_sandbox/ups/scenarios", timeout=5).json()
    finally:
        os.killpg(process.pid, signum)
        output, _ = process.communicate(timeout=30)
    assert process.returncode == 0
    assert "SANDBOX" in output and "Ctrl-C" in output
    assert "Traceback" not in output, output
    with pytest.raises(requests.ConnectionError):
        requests.get(f"http://127.0.0.1:{port}/healthz", timeout=2)


def test_an_unreachable_redis_url_is_a_clear_start_up_error():
    with pytest.raises(SystemExit, match="does not answer"):
        choose_redis({"REDIS_URL": "redis://127.0.0.1:1/0"})


def test_bad_settings_stop_start_up_with_one_clear_line():
    env = {**os.environ, "SANDBOX": "0", "REDIS_URL": "redis://127.0.0.1:1/0"}
    result = subprocess.run(
        [sys.executable, "-m", "backend.devserver"], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert result.returncode == 2
    assert "configuration error" in result.stderr and "SECRET_KEY" in result.stderr
