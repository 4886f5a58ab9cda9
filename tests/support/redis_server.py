"""The Redis the tests use: REDIS_URL's server (database 15), or an embedded one."""

from __future__ import annotations

import os
from urllib.parse import urlparse

from backend.adapters import redis_conn
from backend.settings import DEFAULT_REDIS_URL

# Tests flush their database; never the one an app may be using. Parallel runs on one
# machine can pick different databases with TEST_REDIS_DB.
TEST_DB = int(os.environ.get("TEST_REDIS_DB", "15"))


def choose_test_redis_url() -> tuple[str, str]:
    """The URL to test against and where it came from ('real' or 'embedded')."""
    configured = os.environ.get("REDIS_URL", "").strip() or DEFAULT_REDIS_URL
    if redis_conn.is_reachable(configured, timeout=1):
        return urlparse(configured)._replace(path=f"/{TEST_DB}").geturl(), "real"
    if os.environ.get("REQUIRE_REDIS") == "1":
        raise RuntimeError(
            f"REQUIRE_REDIS=1 but Redis at {redis_conn.describe(configured)} does not answer"
        )
    return redis_conn.start_embedded_redis(), "embedded"


class PrivateRedis:
    """A redis-server of this test's own on a free port, with an append-only file so that
    a kill and restart keeps what was written: outage tests stop this one, never the
    shared server."""

    def __init__(self, directory: str) -> None:
        import shutil

        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is required (make system-deps installs it)")
        self._binary, self._dir = binary, directory
        self.port = redis_conn.free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self._process = None

    def start(self) -> PrivateRedis:
        import subprocess
        import time

        self._process = subprocess.Popen(
            [
                self._binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--dir",
                self._dir,
                "--save",
                "",
                "--appendonly",
                "yes",
                "--appendfsync",
                "always",
                "--daemonize",
                "no",
            ],  # fmt: skip
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not redis_conn.is_reachable(self.url, timeout=0.2):
            if time.monotonic() > deadline:
                raise RuntimeError("the private redis-server did not start")
            time.sleep(0.05)
        return self

    def kill(self) -> None:
        """SIGKILL, like a crash; the port refuses connections at once."""
        if self._process is not None:
            self._process.kill()
            self._process.wait(timeout=10)
            self._process = None
