"""Start the API (gunicorn) and worker processes the way `make run` does, for e2e tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests

from backend.adapters.redis_conn import free_port

ROOT = Path(__file__).resolve().parents[2]


class Stack:
    """An API and any number of workers on one Redis; each process can be killed alone."""

    def __init__(self, redis_url: str, log_dir: Path, **env: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_dir = log_dir
        self.env = {
            **os.environ,
            "REDIS_URL": redis_url,
            "PORT": str(self.port),
            "SANDBOX": "1",
            "PUBLIC_BASE_URL": self.url,
            "LOG_LEVEL": "INFO",
            # Every process writes its metrics here; GET /metrics adds them up, as in make run.
            "PROMETHEUS_MULTIPROC_DIR": str(self._metrics_dir(log_dir)),
            **env,
        }
        self.api: subprocess.Popen | None = None
        self.workers: list[subprocess.Popen] = []

    @staticmethod
    def _metrics_dir(log_dir: Path) -> Path:
        path = log_dir / "metrics"
        path.mkdir(exist_ok=True)
        return path

    def _spawn(self, name: str, command: list[str]) -> subprocess.Popen:
        log = open(self.log_dir / f"{name}.log", "ab")  # noqa: SIM115 (closed with the process)
        # Own process group: RQ forks its scheduler, and a kill must take the child too.
        return subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=log, stderr=log, start_new_session=True
        )

    def start_api(self) -> None:
        self.api = self._spawn(
            "api",
            [sys.executable, "-m", "gunicorn", "backend.wsgi:app",
             "-c", "python:backend.gunicorn_conf", "--bind", f"127.0.0.1:{self.port}"],
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return
            except requests.RequestException:
                time.sleep(0.2)
        raise RuntimeError(f"API did not start; see {self.log_dir / 'api.log'}")

    def start_worker(self) -> subprocess.Popen:
        name = f"worker-{len(self.workers)}"
        worker = self._spawn(name, [sys.executable, "-m", "backend.worker"])
        worker.log_path = self.log_dir / f"{name}.log"  # type: ignore[attr-defined]
        self.workers.append(worker)
        return worker

    def wait_until_working(self, worker: subprocess.Popen, timeout: float = 30) -> bool:
        """True once RQ in `worker` says it started (its log names the process id)."""
        deadline, mark = time.monotonic() + timeout, f"started with PID {worker.pid},"
        while time.monotonic() < deadline and worker.poll() is None:
            if mark in worker.log_path.read_text(errors="replace"):  # type: ignore[attr-defined]
                return True
            time.sleep(0.05)
        return False

    def kill_worker(self, worker: subprocess.Popen) -> None:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)
        self.workers.remove(worker)

    def stop(self) -> None:
        for process in [*self.workers, self.api]:
            if process and process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in [*self.workers, self.api]:
            if process:
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
