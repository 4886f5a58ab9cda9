"""The notification journey the end-to-end tests drive: users log in, watch one parcel and
accept subscribe popups through the API as the mini-program does, while the UPS and WeChat
sandboxes play the outside world (on the same server, or on one of their own)."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass

import redis
import requests

from backend.adapters import redis_keys
from tests.support.wechat import login_code

SCENARIO = "address_exception_then_delivered"
SC, ATTENTION = "sandbox-tpl-status-change", "sandbox-tpl-attention"
OUT, DELIVERED = "sandbox-tpl-out-for-delivery", "sandbox-tpl-delivered"
STEP_TIMEOUT = 30


class Journey:
    """Drives the HTTP API as the mini-program and the sandboxes as the outside world."""

    def __init__(self, api_url: str, where: Where, sandbox_url: str = "") -> None:
        self.url, self.sandbox_url = api_url, sandbox_url or api_url
        self.redis, self.queue = where.data, where.queue
        # While the data's Redis fails over, a patient journey retries what answered 503
        # (every 503 is kept in `unavailable`); anything else but 200 fails the test.
        self.patient = False
        # How long a step may take to settle; a journey whose worker is killed again and
        # again (each restart imports the app anew) allows more on a loaded machine.
        self.step_timeout = STEP_TIMEOUT
        self.unavailable: list[tuple[float, str]] = []
        self.number = next(
            s["number"] for s in self.get("/_sandbox/ups/scenarios") if s["scenario"] == SCENARIO
        )
        self.post(f"/_sandbox/ups/parcels/{self.number}/reset", json={"step": 1})

    def get(self, path: str, token: str | None = None):
        return self.call("GET", path, token)

    def post(self, path: str, token: str | None = None, **kwargs):
        return self.call("POST", path, token, **kwargs)

    def call(self, method: str, path: str, token: str | None = None, **kwargs):
        base = self.sandbox_url if path.startswith("/_sandbox") else self.url
        deadline = time.monotonic() + STEP_TIMEOUT
        while True:
            response = requests.request(method, base + path, headers=_auth(token), timeout=30,
                                        **kwargs)  # fmt: skip
            if response.status_code != 503 or not self.patient or time.monotonic() > deadline:
                break
            self.unavailable.append((time.monotonic(), path))
            time.sleep(0.05)
        assert response.status_code == 200, (method, path, response.status_code, response.text)
        return response.json()

    def login(self, name: str) -> str:
        return self.post("/api/v1/auth/login", json={"code": login_code(name)})["token"]

    def watch(self, token: str) -> None:
        self.call("PUT", f"/api/v1/parcels/{self.number}", token, json={})

    def subscribe_in_popup(self, user: str, templates: list[str]) -> None:
        self.post("/_sandbox/wechat/subscribe",
                  json={"user": user, "template_ids": templates, "action": "accept"})  # fmt: skip
        time.sleep(1.1)  # WeChat's CreateTime has one-second resolution

    def advance_and_settle(self) -> str:
        status = self.post(f"/_sandbox/ups/parcels/{self.number}/advance")["status"]
        self.wait(lambda: self.settled(status), f"worker never reached {status}", self.step_timeout)
        return status

    def settled(self, status: str) -> bool:
        state = self.redis.hgetall(redis_keys.tracked(self.number))
        return state.get("status") == status and not any(k.startswith("pending:") for k in state)

    def messages(self) -> list[dict]:
        return self.get("/_sandbox/wechat/messages")

    @staticmethod
    def wait(condition, failure: str, timeout: float = STEP_TIMEOUT) -> None:
        deadline, last_error = time.monotonic() + timeout, None
        while time.monotonic() < deadline:
            try:
                if condition():
                    return
            except redis.ConnectionError as error:  # our own look at a Redis failing over
                last_error = error
            time.sleep(0.2)
        raise AssertionError(f"{failure} (last Redis error: {last_error!r})")


def _auth(token: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"} if token else {}


def signature(message: dict) -> tuple:
    """What makes two messages the same notification: who, which template, which change."""
    return (
        message["touser"],
        message["template_id"],
        message["page"],
        repr(sorted(message["data"].items())),
    )


@dataclass
class Where:
    """The data's client and RQ's, however the stack reaches them."""

    data: redis.Redis
    queue: redis.Redis


def per_user_templates(messages: list[dict]) -> list[dict[str, int]]:
    """Each recipient's templates, users ordered by message count (openids are opaque)."""
    users: dict[str, Counter] = {}
    for message in messages:
        users.setdefault(message["touser"], Counter())[message["template_id"]] += 1
    return sorted((dict(c) for c in users.values()), key=lambda c: -sum(c.values()))
