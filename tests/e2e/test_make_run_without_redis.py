"""`make run` on a newcomer's machine: no REDIS_URL and nothing on the default Redis port.

The devserver starts its embedded server and the whole product works over HTTP — lookup,
login, watch, subscribe, a status change, the WeChat message — then Ctrl-C stops everything
without a traceback and leaves no server behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from backend.adapters.redis_conn import free_port, is_reachable
from tests.support.e2e import call, subscribed, wait_for
from tests.support.stack import ROOT
from tests.support.wechat import login_code

pytestmark = pytest.mark.e2e

SCENARIO = "address_exception_then_delivered"
START_SECONDS = 60
OUT_FOR_DELIVERY, DELIVERED = "sandbox-tpl-out-for-delivery", "sandbox-tpl-delivered"


class DevServer:
    """`python -m backend.devserver` (what `make run` runs) with its output collected."""

    def __init__(self, port: int, closed_port: int) -> None:
        env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "SANDBOX")}
        # The default Redis port as a newcomer's machine has it: nothing answers there.
        env.update(LOCAL_REDIS_URL=f"redis://127.0.0.1:{closed_port}/0", PORT=str(port))
        env.update(LOG_LEVEL="WARNING", QUIET_HOURS="off")
        self.base = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "backend.devserver"], cwd=ROOT, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
        )  # fmt: skip
        self.lines: list[str] = []
        self._ready = threading.Event()
        threading.Thread(target=self._collect, daemon=True).start()

    def _collect(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line)
            if "ready:" in line:
                self._ready.set()

    def wait_ready(self) -> float:
        started = time.monotonic()
        assert self._ready.wait(START_SECONDS), "".join(self.lines)
        return time.monotonic() - started

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def interrupt(self) -> int:
        """Ctrl-C in a terminal: SIGINT to the whole foreground process group."""
        os.killpg(self.process.pid, signal.SIGINT)
        return self.process.wait(timeout=60)


def test_make_run_without_redis_gives_the_whole_product_and_stops_cleanly():
    closed = free_port()
    assert not is_reachable(f"redis://127.0.0.1:{closed}/0")
    server = DevServer(free_port(), closed)
    try:
        server.wait_ready()
        base = server.base
        banner = server.output
        assert "embedded server" in banner and "NOTHING WILL PERSIST" in banner
        embedded_url = next(w for w in banner.split() if w.startswith("redis://"))
        scenarios = call("GET", f"{base}/_sandbox/ups/scenarios")
        number = next(s["number"] for s in scenarios if s["scenario"] == SCENARIO)
        call("POST", f"{base}/_sandbox/ups/parcels/{number}/reset", json={})

        looked_up = call("GET", f"{base}/api/v1/track", params={"numbers": number})
        assert looked_up["results"][0]["ok"] is True

        login = {"code": login_code("nia")}
        token = call("POST", f"{base}/api/v1/auth/login", json=login)["token"]
        call("PUT", f"{base}/api/v1/parcels/{number}", token, json={})
        templates = call("GET", f"{base}/api/v1/subscriptions/templates")
        ids = [t["id"] for t in templates["templates"]]
        body = {"user": "nia", "template_ids": ids, "action": "accept"}
        call("POST", f"{base}/_sandbox/wechat/subscribe", json=body)
        credits = call("GET", f"{base}/api/v1/subscriptions", token)
        assert all(credits["credits"].get(t) == 1 for t in ids), credits

        # The worker subscribes watched numbers to Track Alert; UPS then pushes each scan.
        assert wait_for(lambda: number in subscribed(base), 30, 0.2), (
            "not subscribed to Track Alert"
        )
        statuses = [looked_up["results"][0]["status"]["code"]]
        while statuses[-1] != "delivered":
            step = call("POST", f"{base}/_sandbox/ups/parcels/{number}/advance")
            statuses.append(step["status"])
            _wait_for_status(base, number, token, statuses[-1])
        messages = _wait_for_messages(base, DELIVERED)
        assert {m["template_id"] for m in messages} >= {OUT_FOR_DELIVERY, DELIVERED}, messages
        assert len({repr(sorted(m.items())) for m in messages}) == len(messages), "a duplicate"
        assert all(number in str(m["data"]) for m in messages)
    finally:
        code = server.interrupt()
    output = server.output
    assert code == 0, output
    assert "Traceback" not in output, output
    assert not is_reachable(embedded_url), "the embedded server outlived make run"


def _wait_for_status(base: str, number: str, token: str, status: str) -> None:
    """The worker has refreshed the parcel after UPS's scan (Track Alert or polling)."""

    def current() -> str:
        return call("GET", f"{base}/api/v1/parcels/{number}", token)["status"]["code"]

    assert wait_for(lambda: current() == status, 30, 0.2), f"never reached {status}"


def _wait_for_messages(base: str, template: str) -> list[dict]:
    def sent() -> list[dict]:
        return call("GET", f"{base}/_sandbox/wechat/messages")

    assert wait_for(lambda: any(m["template_id"] == template for m in sent()), 30, 0.2), template
    time.sleep(1.0)  # a second (duplicate) message would arrive now
    return sent()
