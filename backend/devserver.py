"""`make run`: API (gunicorn), worker and sandboxes in the foreground; Ctrl-C stops all."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import requests

from backend.adapters import redis_conn
from backend.adapters.embedded_redis import EmbeddedRedis, EmbeddedRedisError, die_with_parent
from backend.settings import DEFAULT_REDIS_URL, Settings, SettingsError
from backend.stop_signals import StopSignals

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


def _wait_healthy(base_url: str, stop: StopSignals, deadline_seconds: float = 30) -> bool:
    deadline = time.monotonic() + deadline_seconds
    while time.monotonic() < deadline and not stop.requested():
        try:
            if requests.get(f"{base_url}/healthz", timeout=1).status_code == 200:
                return True
        except requests.RequestException:
            pass
        stop.wait(0.3)
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


def _supervise(processes: list[subprocess.Popen], base_url: str, stop: StopSignals) -> int:
    """Say when the API answers, then wait for a stop signal or a process that exits."""
    healthy = _wait_healthy(base_url, stop)
    if not stop.requested():
        ready = "ready: /healthz answers 200" if healthy else "WARNING: /healthz does not answer"
        print(f"  {ready}\n", flush=True)
    while not stop.wait(0.5):
        if any(p.poll() is not None for p in processes):
            print("a process exited; stopping everything", file=sys.stderr)
            return 1
    print("  stopping… (Ctrl-C again to stop at once)", flush=True)
    return 0


def _stop(processes: list[subprocess.Popen], stop: StopSignals, grace: float = 10) -> None:
    """SIGTERM to each process group, then SIGKILL when `grace` runs out or another stop
    signal arrives meanwhile (a second Ctrl-C means now)."""
    seen = stop.count
    for process in processes:
        if process.poll() is None:
            _signal_group(process, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while any(p.poll() is None for p in processes):
        if time.monotonic() >= deadline or stop.wait(0.1, beyond=seen):
            for process in processes:
                _signal_group(process, signal.SIGKILL)  # the group: forked children too
            break
    for process in processes:
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
    # Ctrl-C and SIGTERM (docker, systemd, a group kill) only ask the loops below to stop, so
    # no signal lands in the middle of start-up or shutdown as a traceback (stop_signals.py:
    # why the handler takes no lock). Once everything is stopped, late ones are blocked.
    stop = StopSignals().install()
    print("  starting… (Ctrl-C stops)", flush=True)
    try:
        return _run(settings, environ, stop)
    finally:
        stop.block()


def _run(settings: Settings, environ: dict[str, str], stop: StopSignals) -> int:
    redis_url, redis_note, embedded = choose_redis(environ)
    environ["REDIS_URL"] = redis_url
    # /metrics adds up every process's metrics from files in one directory (multi-process).
    metrics_dir = None if environ.get(METRICS_DIR_ENV) else tempfile.mkdtemp(prefix="upt-metrics-")
    environ.setdefault(METRICS_DIR_ENV, metrics_dir or "")
    try:
        if stop.requested():  # stopped while Redis was starting: start nothing else
            return 0
        processes = _spawn(environ, settings.port)
        try:
            print(_banner(settings, redis_note), flush=True)
            return _supervise(processes, f"http://127.0.0.1:{settings.port}", stop)
        finally:
            _stop(processes, stop)
    finally:
        if embedded:
            embedded.stop()
        if metrics_dir:
            shutil.rmtree(metrics_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
