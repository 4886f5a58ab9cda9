"""`make run`: API (gunicorn), worker and sandboxes in the foreground; Ctrl-C stops all."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

import requests

from backend.adapters import redis_conn
from backend.adapters.embedded_redis import EmbeddedRedis, EmbeddedRedisError, die_with_parent
from backend.settings import DEFAULT_REDIS_URL, Settings, SettingsError

METRICS_DIR_ENV = "PROMETHEUS_MULTIPROC_DIR"


def choose_redis(environ: dict[str, str]) -> tuple[str, str, EmbeddedRedis | None]:
    """The Redis URL to use, a sentence saying where it came from, and the embedded server
    this process started (None when it uses someone else's Redis)."""
    url = environ.get("REDIS_URL", "").strip()
    if url:
        if not redis_conn.is_reachable(url, timeout=2):
            raise SystemExit(
                f"REDIS_URL={redis_conn.describe(url)} does not answer; is it running?"
            )
        return url, f"Redis: {redis_conn.describe(url)} (from REDIS_URL)", None
    local = environ.get("LOCAL_REDIS_URL", "").strip() or DEFAULT_REDIS_URL
    if redis_conn.is_reachable(local):
        return local, f"Redis: {redis_conn.describe(local)} (found running locally)", None
    server = EmbeddedRedis()
    try:
        url = server.start()
    except EmbeddedRedisError as error:
        raise SystemExit(f"{error}") from None
    return (
        url,
        (
            f"Redis: embedded server (valkey-server, Redis-compatible) at {url}. "
            "NOTHING WILL PERSIST: watches and sessions vanish when you stop. "
            "Set REDIS_URL to use a real Redis."
        ),
        server,
    )


def _wait_healthy(base_url: str, stopping: threading.Event, deadline_seconds: float = 30) -> bool:
    deadline = time.monotonic() + deadline_seconds
    while time.monotonic() < deadline and not stopping.is_set():
        try:
            if requests.get(f"{base_url}/healthz", timeout=1).status_code == 200:
                return True
        except requests.RequestException:
            pass
        stopping.wait(0.3)
    return False


def _spawn(environ: dict[str, str], port: int) -> list[subprocess.Popen]:
    """API and worker, each in its own process group (RQ forks its scheduler) that dies with
    this process: a Ctrl-C or SIGTERM sent to our group reaches only us, and we stop them in
    order, Redis last."""
    python = sys.executable
    api = [
        python, "-m", "gunicorn", "backend.wsgi:app",
        "-c", "python:backend.gunicorn_conf", "--bind", f"127.0.0.1:{port}",
    ]  # fmt: skip
    worker = [python, "-m", "backend.worker"]
    return [
        subprocess.Popen(cmd, env=environ, process_group=0, preexec_fn=die_with_parent)
        for cmd in (api, worker)
    ]


def _stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        if process.poll() is None:
            _signal_group(process, signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            _signal_group(process, signal.SIGKILL)
            process.wait(timeout=5)


def _signal_group(process: subprocess.Popen, signum: int) -> None:
    try:
        os.killpg(process.pid, signum)
    except ProcessLookupError:
        pass


def _banner(settings: Settings, redis_note: str) -> str:
    base = f"http://127.0.0.1:{settings.port}"
    mode = "SANDBOX (built-in UPS and WeChat sandboxes)" if settings.sandbox else "PRODUCTION"
    lines = [f"\n  UPS 包裹追踪 — {mode}", f"  {redis_note}", f"  API:      {base}"]
    lines.append(f"  OpenAPI:  {base}/api/v1/openapi.json")
    if settings.sandbox:
        lines.append(f"  Demo numbers: {base}/_sandbox/ups/scenarios")
    return "\n".join([*lines, "  Ctrl-C stops everything.\n"])


def main() -> int:
    environ = dict(os.environ)
    try:
        settings = Settings.from_env(environ)
    except SettingsError as error:
        print(f"configuration error: {error}", file=sys.stderr)
        return 2
    # Ctrl-C and SIGTERM (docker, systemd, a group kill) only ask the loop below to stop, so
    # no signal ever lands in the middle of start-up or shutdown as a traceback.
    stopping = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stopping.set())
    redis_url, redis_note, embedded = choose_redis(environ)
    environ["REDIS_URL"] = redis_url
    # /metrics adds up every process's metrics from files in one directory (multi-process).
    metrics_dir = None if environ.get(METRICS_DIR_ENV) else tempfile.mkdtemp(prefix="upt-metrics-")
    environ.setdefault(METRICS_DIR_ENV, metrics_dir or "")
    processes = _spawn(environ, settings.port)
    try:
        print(_banner(settings, redis_note), flush=True)
        healthy = _wait_healthy(f"http://127.0.0.1:{settings.port}", stopping)
        if not stopping.is_set():
            ready = (
                "ready: /healthz answers 200" if healthy else "WARNING: /healthz does not answer"
            )
            print(f"  {ready}\n", flush=True)
        while not stopping.wait(0.5):
            if any(p.poll() is not None for p in processes):
                print("a process exited; stopping everything", file=sys.stderr)
                return 1
        print("  stopping…", flush=True)
        return 0
    finally:
        _stop(processes)
        if embedded:
            embedded.stop()
        if metrics_dir:
            shutil.rmtree(metrics_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
