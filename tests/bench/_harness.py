"""Shared bench plumbing: a Redis to use, the stack of processes, and a load generator."""

from __future__ import annotations

import http.client
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from backend.adapters import redis_conn  # noqa: E402
from tests.support.redis_server import choose_test_redis_url  # noqa: E402
from tests.support.stack import Stack  # noqa: E402

# A bench is one very busy client: every request and UPS-call budget wide open unless the
# bench says otherwise (the budgets are measured by their own tests, not here).
WIDE_BUDGETS = {
    name: "1000000/minute"
    for name in (
        "RATE_LIMIT_ANONYMOUS", "RATE_LIMIT_USER", "RATE_LIMIT_LOGIN_FAILURES",
        "RATE_LIMIT_LOGIN_USER", "RATE_LIMIT_SHARE_CREATE", "RATE_LIMIT_LINK_CHECK",
        "RATE_LIMIT_SHARE_READ", "UPSTREAM_BUDGET_ANONYMOUS", "UPSTREAM_BUDGET_USER",
        "UPSTREAM_BUDGET_GLOBAL",
    )
}  # fmt: skip


def start_stack(workers: int = 0, **env: str) -> tuple[Stack, str]:
    """Flush the test Redis, start the API (and workers); return the stack and Redis URL."""
    redis_url, embedded = choose_test_redis_url()  # an embedded server dies with this process
    kind = "embedded valkey-server" if embedded else "real"
    redis_conn.connect(redis_url).flushdb()
    stack = Stack(redis_url, Path(tempfile.mkdtemp(prefix="bench-")), **(WIDE_BUDGETS | env))
    stack.start_api()
    for _ in range(workers):
        stack.start_worker()
    print(f"  (Redis: {kind}; API {stack.url}; logs in {stack.log_dir})")
    return stack, redis_url


def throughput(url: str, seconds: float = 5.0, threads: int = 16) -> float:
    """Completed 200 responses per second for `url`, from `threads` keep-alive clients.

    The clients use http.client, not requests: the load generator shares the machine with
    the server, and requests spends more CPU per call than a cached answer costs the server,
    which would flatten every ratio between two routes towards 1.
    """
    parts = urlsplit(url)
    target = f"{parts.path}?{parts.query}" if parts.query else parts.path
    stop = time.monotonic() + seconds
    counts = [0] * threads

    def run(index: int) -> None:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        while time.monotonic() < stop:
            connection.request("GET", target)
            response = connection.getresponse()
            response.read()
            if response.status == 200:
                counts[index] += 1
        connection.close()

    workers = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
    started = time.monotonic()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return sum(counts) / (time.monotonic() - started)
