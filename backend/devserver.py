"""`make run`: API (gunicorn), worker and sandboxes in the foreground; Ctrl-C stops all."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import requests

from backend.adapters import redis_conn
from backend.settings import DEFAULT_REDIS_URL, Settings, SettingsError


def choose_redis(environ: dict[str, str]) -> tuple[str, str]:
    """The Redis URL to use and a sentence saying where it came from."""
    url = environ.get("REDIS_URL", "").strip()
    if url:
        if not redis_conn.is_reachable(url, timeout=2):
            raise SystemExit(
                f"REDIS_URL={redis_conn.describe(url)} does not answer; is it running?"
            )
        return url, f"Redis: {redis_conn.describe(url)} (from REDIS_URL)"
    if redis_conn.is_reachable(DEFAULT_REDIS_URL):
        return DEFAULT_REDIS_URL, f"Redis: {DEFAULT_REDIS_URL} (found running locally)"
    url = redis_conn.start_embedded_redis()
    return url, (
        f"Redis: embedded Redis-compatible server at {url}. "
        "NOTHING WILL PERSIST: watches and sessions vanish when you stop. "
        "Set REDIS_URL to use a real Redis."
    )


def _wait_healthy(base_url: str, deadline_seconds: float = 30) -> bool:
    deadline = time.monotonic() + deadline_seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{base_url}/healthz", timeout=1).status_code == 200:
                return True
        except requests.RequestException:
            pass
        time.sleep(0.3)
    return False


def _spawn(environ: dict[str, str], port: int) -> list[subprocess.Popen]:
    python = sys.executable
    api = [
        python, "-m", "gunicorn", "backend.wsgi:app",
        "--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "32",
        "--timeout", "60", "--graceful-timeout", "5",
    ]  # fmt: skip
    worker = [python, "-m", "backend.worker"]
    return [subprocess.Popen(cmd, env=environ) for cmd in (api, worker)]


def _stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def _interrupt(*_: object) -> None:
    """SIGTERM (docker, systemd) stops everything the same way Ctrl-C does."""
    raise KeyboardInterrupt


def main() -> int:
    environ = dict(os.environ)
    try:
        settings = Settings.from_env(environ)
    except SettingsError as error:
        print(f"configuration error: {error}", file=sys.stderr)
        return 2
    redis_url, redis_note = choose_redis(environ)
    environ["REDIS_URL"] = redis_url
    processes = _spawn(environ, settings.port)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        base = f"http://127.0.0.1:{settings.port}"
        mode = "SANDBOX (built-in UPS and WeChat sandboxes)" if settings.sandbox else "PRODUCTION"
        print(f"\n  UPS 包裹追踪 — {mode}\n  {redis_note}")
        print(f"  API:      {base}")
        print(f"  OpenAPI:  {base}/api/v1/openapi.json")
        if settings.sandbox:
            print(f"  Demo numbers: {base}/_sandbox/ups/scenarios")
        print("  Ctrl-C stops everything.\n", flush=True)
        healthy = _wait_healthy(base)
        print(
            f"  {'ready: /healthz answers 200' if healthy else 'WARNING: /healthz does not answer'}\n",
            flush=True,
        )
        while all(p.poll() is None for p in processes):
            time.sleep(0.5)
        print("a process exited; stopping everything", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        _stop(processes)


if __name__ == "__main__":
    sys.exit(main())
