"""`make run` stops on Ctrl-C / SIGTERM whatever the moment, and never hangs.

The devserver once sat in a futex wait after SIGTERM: its handler took a lock
(`threading.Event.set()`) that the interrupted main thread held. Two levels here: the stop
path hammered in one process (a thousand signals and more at random moments, in start-up,
the health wait, the wait loop and the shutdown itself), and the real devserver stopped
several times at random moments. Every wait has a timeout, so a hang fails the test.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
import requests

from backend.adapters.redis_conn import free_port
from tests.support.stack import ROOT

pytestmark = pytest.mark.e2e

HAMMER = [sys.executable, "-m", "tests.support.stop_hammer"]
SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _hammer(*args: str, timeout: float) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*HAMMER, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )


def test_the_stop_path_survives_a_thousand_signals_at_random_moments():
    seed = random.randrange(1 << 30)
    run = _hammer("--signals", "1500", "--seed", str(seed), "--hang-after", "45", timeout=60)
    assert run.returncode == 0, f"seed {seed}: a hang or a crash\n{run.stderr[-6000:]}"
    result = json.loads(run.stdout.strip().splitlines()[-1])
    print(f"stop-path hammer (seed {seed}): {result}")
    assert result["signals"] >= 1500  # it signals on until the last round has ended
    assert result["rounds"] > 100  # each round: install, spawn, wait, stop, uninstall


def test_the_hammer_catches_a_handler_that_takes_a_lock():
    """The old handler (`Event.set()` in the handler) under the same hammer: the handler
    re-enters the Event's lock held by the thread it interrupted. One signal would wait
    forever; the hammer's next signals pile up nested handlers on that same lock."""
    try:
        run = _hammer("--legacy", "--signals", "20000", "--hang-after", "15", timeout=40)
    except subprocess.TimeoutExpired:
        return  # hung outright: caught
    assert run.returncode != 0, run.stdout
    assert "self._event.set()" in run.stderr and "with self._cond" in run.stderr


class DevServer:
    """`python -m backend.devserver` on the test Redis, its output collected line by line.

    Every process it starts inherits a marker in its environment, so the test can tell
    whether any of them (gunicorn's workers, RQ's forks) outlived it."""

    def __init__(self, redis_url: str) -> None:
        self.port = free_port()
        self.marker = f"stop-path-{uuid.uuid4().hex}"
        env = {**os.environ, "REDIS_URL": redis_url, "PORT": str(self.port)}
        env.update(LOG_LEVEL="WARNING", STOP_PATH_TEST=self.marker)
        env.pop("SANDBOX", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "backend.devserver"], cwd=ROOT, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
        )  # fmt: skip
        self.lines: list[str] = []
        self.started, self.banner, self.ready = (threading.Event() for _ in range(3))
        threading.Thread(target=self._collect, daemon=True).start()

    def _collect(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line)
            for mark, event in (("starting", self.started), ("API:", self.banner)):
                if mark in line:
                    event.set()
            if "ready:" in line:
                self.ready.set()

    def signal(self, signum: int) -> None:
        """To the process group, as a terminal's Ctrl-C or `kill -- -pgid` does."""
        try:
            os.killpg(self.process.pid, signum)
        except ProcessLookupError:
            pass  # already gone

    def survivors(self) -> list[int]:
        """Processes still carrying this devserver's marker."""
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    environ = (entry / "environ").read_bytes()
                except OSError:
                    continue
                if self.marker.encode() in environ:
                    found.append(int(entry.name))
        return found


def _burst(server: DevServer, count: int, rng: random.Random) -> int:
    sent = 0
    for _ in range(count):
        server.signal(rng.choice(SIGNALS))
        sent += 1
        time.sleep(rng.uniform(0, 0.02))
    return sent


@pytest.mark.parametrize("moment", ["start-up", "start-up-burst", "wait-loop", "wait-loop-burst"])
def test_the_real_devserver_stops_whatever_the_moment(redis_url, moment):
    rng = random.Random()
    server = DevServer(redis_url)
    try:
        assert server.started.wait(30), "".join(server.lines)
        if moment.startswith("start-up"):
            # Somewhere between the handlers' installation and "ready": Redis check,
            # spawning gunicorn and the worker, or the health wait.
            time.sleep(rng.uniform(0, 1.5))
        else:
            assert server.ready.wait(60), "".join(server.lines)
            time.sleep(rng.uniform(0, 0.6))
        if moment.endswith("burst"):
            _burst(server, 30, rng)
        else:
            server.signal(rng.choice(SIGNALS))
        code = server.process.wait(timeout=40)
    finally:
        if server.process.poll() is None:
            server.signal(signal.SIGKILL)
            server.process.wait(timeout=10)
    output = "".join(server.lines)
    assert code == 0, output
    assert "Traceback" not in output, output
    deadline = time.monotonic() + 10
    while server.survivors() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert server.survivors() == [], f"processes outlived the devserver\n{output}"
    with pytest.raises(requests.ConnectionError):
        requests.get(f"http://127.0.0.1:{server.port}/healthz", timeout=2)
