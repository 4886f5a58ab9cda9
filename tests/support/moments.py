"""Sandbox journeys played with simulated WeChat users (issue #28's measure).

A tap is what the mini-program does when the user taps 关注 or 继续提醒我: ask the API which
templates to request for the parcel (`ask`), answer the popup with one of WeChat's accept
words (the sandbox grants the quota and pushes the answer to /wechat/push), then report the
answers with the number (POST /api/v1/subscriptions). The parcel then moves one scan at a
time and the refresh job runs inline (the worker's job body; UPS and WeChat are the
sandboxes over real HTTP, Redis is real).

A critical moment is reached when the parcel enters one of CRITICAL (or the day-before
pickup reminder falls due); it counts as told when a message reaches the user while the
parcel is in that state. The engaged user taps when they start watching and again each time
a message brings them in; the one-tap user taps once.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

import requests

from backend.adapters import redis_keys
from backend.domain.moments import CRITICAL, PICKUP_REMINDER
from backend.domain.statuses import Status
from tests.support.wechat import login_code

# The journeys the issue lists: (name, number).
JOURNEYS = (
    ("customs asks for documents, New York -> Beijing", "1ZSBXUS26630000019"),
    ("customs asks for documents, Atlanta -> Shanghai", "1ZSBXUS26630000028"),
    ("incomplete address, then delivered", "1ZSBXEX10340000028"),
    ("an attempt, then an Access Point", "1ZSBXUS10310000097"),
    ("two attempts, then returned to sender", "1ZSBXEX10340000037"),
    ("full domestic journey", "1ZSBXUS10110000028"),
)
ACCEPT_WORDS = ("accept", "acceptWithAlert", "acceptWithForcePush", "acceptWithAudio")
CHINA = timezone(timedelta(hours=8))
SETTLE_TRIES = 40


@dataclass
class User:
    name: str
    engaged: bool
    token: str = ""
    openid: str = ""
    seen: int = 0  # messages of the inbox already attributed
    told: list[str] = field(default_factory=list)  # moment ids told (duplicates kept)
    routine_sends: int = 0  # messages while the parcel was in a routine state
    taps: int = 0


@dataclass
class Figures:
    journey: str
    number: str
    reached: list[str]
    engaged: User
    one_tap: User

    def told(self, user: User) -> int:
        return len(set(user.told) & set(self.reached))

    def duplicates(self, user: User) -> int:
        return len(user.told) - len(set(user.told))

    def row(self) -> dict:
        reached = len(self.reached)
        return {
            "journey": self.journey, "number": self.number, "reached": reached,
            "engaged_told": self.told(self.engaged),
            "engaged_pct": 100.0 * self.told(self.engaged) / reached if reached else 100.0,
            "engaged_duplicates": self.duplicates(self.engaged),
            "engaged_taps": self.engaged.taps,
            "one_tap_told": self.told(self.one_tap),
            "one_tap_goal": min(3, reached),
            "one_tap_routine_sends": self.one_tap.routine_sends,
            "one_tap_duplicates": self.duplicates(self.one_tap),
        }  # fmt: skip


class Player:
    """Plays one journey against a running app whose services are at hand."""

    def __init__(self, base_url: str, services, refresh: Callable[[str], object]) -> None:
        self.url = base_url
        self.services = services
        self.refresh = refresh  # the worker's job body for one number
        self._words = itertools.cycle(ACCEPT_WORDS)

    def call(self, method: str, path: str, token: str = "", **kwargs) -> dict:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = requests.request(method, self.url + path, headers=headers, timeout=60,
                                    **kwargs)  # fmt: skip
        assert response.status_code in (200, 204), (path, response.status_code, response.text)
        return response.json() if response.status_code == 200 else {}

    def tap(self, user: User, number: str, watch: bool = False) -> None:
        """关注 (watch=True) or 继续提醒我: the popup, then the watch, then the report."""
        ask = self.call("GET", f"/api/v1/subscriptions/templates?number={number}")["ask"]
        word = next(self._words)
        if ask:
            body = {"user": user.name, "template_ids": ask, "action": word}
            user.openid = self.call("POST", "/_sandbox/wechat/subscribe", json=body)["openid"]
            user.taps += 1
        if watch:
            self.call("PUT", f"/api/v1/parcels/{number}", user.token, json={"nickname": "相机镜头"})
        if ask:
            results = {"results": dict.fromkeys(ask, word), "number": number}
            self.call("POST", "/api/v1/subscriptions", user.token, json=results)

    def play(self, journey: str, number: str, run_id: str) -> Figures:
        self.call("POST", f"/_sandbox/ups/parcels/{number}/reset", json={"step": 1})
        users = [User(f"engaged-{run_id}", True), User(f"onetap-{run_id}", False)]
        for user in users:
            user.token = self.call("POST", "/api/v1/auth/login",
                                   json={"code": login_code(user.name)})["token"]  # fmt: skip
            self.tap(user, number, watch=True)
            user.seen = len(self._inbox(user))
        reached: list[str] = []
        previous, done = None, False
        while not done:
            answer = self.call("POST", f"/_sandbox/ups/parcels/{number}/advance")
            step, done, status = answer["step"], answer["done"], Status(answer["status"])
            self._settle(number, status)
            moment = f"{step}:{status.value}"
            if status in CRITICAL and status is not previous:  # a new moment, not a repeat scan
                reached.append(moment)
            self._collect(users, number, moment, status in CRITICAL)
            previous = status
        reminder = self._pickup_reminder(number)
        if reminder:
            reached.append(reminder)
            self._collect(users, number, reminder, True)
        return Figures(journey, number, reached, users[0], users[1])

    def _settle(self, number: str, status: Status) -> None:
        """Run the refresh job until the change is recorded and told to every watcher (a
        failing UPS or WeChat only means more runs, as the worker's retries would)."""
        for _ in range(SETTLE_TRIES):
            self.refresh(number)
            state = self.services.store.hgetall(redis_keys.tracked(number))
            if state.get("status") == status.value and not any(
                key.startswith("pending:") for key in state
            ):
                return
            time.sleep(0.05)
        raise AssertionError(f"{number} never settled at {status.value}")

    def _pickup_reminder(self, number: str) -> str | None:
        """At an Access Point with a last pickup day: the reminder, played the day before."""
        shipment = self.services.lookup.lookup_one(number, "zh").snapshot.shipment
        if shipment.status is not Status.READY_FOR_PICKUP or not shipment.pickup_by:
            return None
        day = date.fromisoformat(shipment.pickup_by) - timedelta(days=1)
        morning = datetime(day.year, day.month, day.day, 10, tzinfo=CHINA).timestamp()
        for _ in range(SETTLE_TRIES):  # retried like the worker would on a busy WeChat
            outcomes = self.services.refresher.remind(number, shipment, now=morning)
            if not {"retry", "held"} & set(outcomes):
                break
        return PICKUP_REMINDER

    def _inbox(self, user: User) -> list[dict]:
        messages = self.call("GET", "/_sandbox/wechat/messages")
        return [m for m in messages if m["touser"] == user.openid]

    def _collect(self, users: list[User], number: str, moment: str, critical: bool) -> None:
        for user in users:
            new = self._inbox(user)[user.seen :]
            user.seen += len(new)
            for _message in new:
                if critical:
                    user.told.append(moment)
                else:
                    user.routine_sends += 1
            if new and user.engaged:  # the message brings them in: renewing is offered
                self.tap(user, number)
                user.seen = len(self._inbox(user))
