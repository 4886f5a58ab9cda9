"""What the end-to-end tests share: a running stack, the API called as the mini-program
calls it, the sandbox's Track Alert subscriptions, and waiting for a condition."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import requests

from tests.support.stack import Stack


@contextlib.contextmanager
def running_stack(redis_url: str, log_dir: Path, **env: str) -> Iterator[Stack]:
    """The API and one worker on `redis_url` (quiet hours off), stopped afterwards."""
    stack = Stack(redis_url, log_dir, QUIET_HOURS="off", **env)
    stack.start_api()
    stack.start_worker()
    try:
        yield stack
    finally:
        stack.stop()


def call(method: str, url: str, token: str | None = None, **kwargs) -> dict:
    """One API call that must succeed (200 or 204); its JSON body, or {} when empty."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = requests.request(method, url, headers=headers, timeout=30, **kwargs)
    assert response.status_code in (200, 204), response.text
    return response.json() if response.content else {}


def subscribed(url: str) -> set[str]:
    """Numbers the UPS sandbox has Track Alert subscriptions for."""
    body = call("GET", f"{url}/_sandbox/ups/track-alert/subscriptions")
    return {entry["number"] for entry in body["subscriptions"]}


def wait_for(condition: Callable[[], object], timeout: float, step: float = 0.02):
    """The first truthy value of `condition()` within `timeout` seconds, else None."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(step)
    return None
