"""The Redis the tests use: REDIS_URL's server (database 15), or the embedded server."""

from __future__ import annotations

import os
import subprocess
import time
from urllib.parse import urlparse

from backend.adapters import redis_conn
from backend.adapters.embedded_redis import EmbeddedRedis, server_binary
from backend.settings import DEFAULT_REDIS_URL

# Tests flush their database; never the one an app may be using. Parallel runs on one
# machine can pick different databases with TEST_REDIS_DB.
TEST_DB = int(os.environ.get("TEST_REDIS_DB", "15"))


def choose_test_redis_url() -> tuple[str, EmbeddedRedis | None]:
    """The URL to test against, and the embedded server started for it (None: a real Redis).

    Without a Redis the suite runs on the same embedded server `make run` starts, database
    TEST_DB like on a real one, so no test is skipped for want of Redis."""
    configured = os.environ.get("REDIS_URL", "").strip() or DEFAULT_REDIS_URL
    if redis_conn.is_reachable(configured, timeout=1):
        return _database(configured, TEST_DB), None
    if os.environ.get("REQUIRE_REDIS") == "1":
        raise RuntimeError(
            f"REQUIRE_REDIS=1 but Redis at {redis_conn.describe(configured)} does not answer"
        )
    server = EmbeddedRedis()
    return _database(server.start(), TEST_DB), server


def _database(url: str, db: int) -> str:
    return urlparse(url)._replace(path=f"/{db}").geturl()


class PrivateRedis:
    """A server of this test's own on a free port (the embedded binary, or redis-server), with
    an append-only file so that a kill and restart keeps what was written: outage tests stop
    this one, never the shared server."""

    def __init__(self, directory: str) -> None:
        self._binary, self._dir = server_binary(), directory
        self.port = redis_conn.free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self._process: subprocess.Popen | None = None

    def start(self) -> PrivateRedis:
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
                raise RuntimeError("the private Redis server did not start")
            time.sleep(0.05)
        return self

    def kill(self) -> None:
        """SIGKILL, like a crash; the port refuses connections at once."""
        if self._process is not None:
            self._process.kill()
            self._process.wait(timeout=10)
            self._process = None
