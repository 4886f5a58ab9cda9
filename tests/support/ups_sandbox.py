"""Fixtures and helpers for tests that drive the UPS sandbox and build real UPS clients."""

from __future__ import annotations

import base64
import uuid
from datetime import timedelta

import pytest
import requests

from backend.adapters.http import make_session
from backend.adapters.ups.client import UpsClient
from backend.domain.model import Eta
from backend.domain.statuses import Status, is_final
from backend.sandbox.ups import render
from backend.sandbox.ups.journeys.base import Scenario
from tests.support.stores import settings_of, stores

BASIC = "Basic " + base64.b64encode(b"sandbox-client:sandbox-secret").decode()


class Sandbox:
    """The UPS sandbox's control endpoints of a live app."""

    def __init__(self, base_url: str) -> None:
        self.base = base_url.rstrip("/")

    def url(self, path: str) -> str:
        return self.base + path

    def post(self, path: str, body: dict | None = None) -> requests.Response:
        return requests.post(self.url(path), json=body, timeout=10)

    def advance(self, number: str) -> dict:
        response = self.post(f"/parcels/{number}/advance")
        assert response.status_code == 200, response.text
        return response.json()

    def reset(self, number: str, step: int = 1) -> dict:
        response = self.post(f"/parcels/{number}/reset", {"step": step})
        assert response.status_code == 200, response.text
        return response.json()

    def stats(self) -> dict:
        return requests.get(self.url("/stats"), timeout=10).json()

    def faults(self, **faults) -> None:
        response = self.post("/faults", faults)
        assert response.status_code == 200, response.text

    def expire_tokens(self) -> int:
        return self.post("/tokens/expire").json()["expired"]

    def token(self, authorization: str = BASIC, grant: str = "client_credentials"):
        """A raw token request; extra form fields are ignored, as UPS does."""
        return requests.post(
            self.url("/security/v1/oauth/token"),
            headers={"Authorization": authorization},
            data={"grant_type": grant, "scope": "public"},
            timeout=5,
        )

    def track(self, number: str, bearer: str, locale: str = "en_US", **params):
        """A raw track request with the headers UPS requires."""
        headers = {
            "transId": uuid.uuid4().hex,
            "transactionSrc": "tests",
            "Authorization": f"Bearer {bearer}",
        }
        query = {"locale": locale, "returnSignature": "false"} | params
        url = self.url(f"/api/track/v1/details/{number}")
        return requests.get(url, headers=headers, params=query, timeout=5)


def make_client(app, timeout=(2.0, 3.0), backoff=0.01, **overrides) -> UpsClient:
    """A production UpsClient aimed at the app's own sandbox, on the app's Redis."""
    settings = settings_of(app)
    args = {
        "base_url": settings.ups_base_url,
        "client_id": settings.ups_client_id,
        "client_secret": settings.ups_client_secret,
    } | overrides
    session = make_session(timeout=timeout, backoff=backoff)
    return UpsClient(session, stores(app).redis, **args)


def expected_eta(scenario: Scenario, count: int, now: float) -> Eta | None:
    """The ETA the journey's plan promises after `count` scans, as the client should read it."""
    latest = scenario.steps[count - 1].event.status
    if is_final(latest) or latest is Status.READY_FOR_PICKUP:
        return None
    sdd, rdd = render.delivery_plan(scenario, count)
    plan = rdd or sdd
    if plan is None:
        return None
    place = scenario.destination.place if scenario.destination else scenario.steps[-1].place
    day = (render.local_time(now, place).date() + timedelta(days=plan.days)).isoformat()
    hhmm = lambda value: f"{value[:2]}:{value[2:4]}" if value else None  # noqa: E731
    kinds = {"EOD": "end_of_day", "CMT": "commit"} | dict.fromkeys(("EDW", "CDW", "IDW"), "window")
    plain = "rescheduled" if plan is rdd else "scheduled"
    kind = kinds.get(plan.time_type, plain)
    return Eta(day, hhmm(plan.start), hhmm(plan.end), kind, rescheduled=plan is rdd)


@pytest.fixture
def ups_sandbox(live) -> Sandbox:
    """Control endpoints of the live app's UPS sandbox."""
    return Sandbox(live[0].url + "/_sandbox/ups")


@pytest.fixture
def ups_clients(live):
    """make_client for the live app; every client it builds is closed after the test."""
    built: list[UpsClient] = []

    def build(**kwargs) -> UpsClient:
        built.append(make_client(live[1], **kwargs))
        return built[-1]

    yield build
    for client in built:
        client.close()


@pytest.fixture
def ups(ups_clients) -> UpsClient:
    """A production UpsClient talking to the live app's sandbox."""
    return ups_clients()
