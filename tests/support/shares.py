"""Helpers for the share tests: sandbox numbers, watching and sharing, and personal strings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import requests
from flask import Flask

from tests.support.stores import settings_of
from tests.support.ups_sandbox import Sandbox, make_client
from tests.support.wechat import login


class Sharer:
    """One logged-in sandbox user of a live app."""

    def __init__(self, base_url: str, name: str) -> None:
        self.base = base_url
        self.token = login(base_url, name)
        self.headers = {"Authorization": f"Bearer {self.token}"}

    def watch(self, number: str, nickname: str | None = None) -> None:
        url = f"{self.base}/api/v1/parcels/{number}"
        response = requests.put(url, json={"nickname": nickname}, headers=self.headers, timeout=10)
        assert response.status_code == 200, response.text

    def share(self, number: str, **body: Any) -> requests.Response:
        url = f"{self.base}/api/v1/parcels/{number}/share"
        return requests.post(url, json=body, headers=self.headers, timeout=10)

    def revoke(self, share_id: str) -> requests.Response:
        url = f"{self.base}/api/v1/shares/{share_id}"
        return requests.delete(url, headers=self.headers, timeout=10)


def scenario_number(base_url: str, scenario: str) -> str:
    """The sandbox number that plays `scenario`."""
    listing = requests.get(f"{base_url}/_sandbox/ups/scenarios", timeout=10).json()
    return next(item["number"] for item in listing if item["scenario"] == scenario)


def _packages(body: dict) -> Iterator[dict]:
    for shipment in body["trackResponse"]["shipment"]:
        yield from shipment.get("package", [])


def _from_package(package: dict) -> Iterator[tuple[str, str]]:
    """(what, value) for every personal value UPS put in one package."""
    for party in package.get("packageAddress", []):
        kind = party.get("type", "party")
        yield f"{kind} name", party.get("name", "")
        yield f"{kind} attention", party.get("attentionName", "")
        for field in ("addressLine1", "addressLine2", "addressLine3", "postalCode"):
            yield f"{kind} {field}", party.get("address", {}).get(field, "")
    info = package.get("deliveryInformation", {})
    yield "receivedBy", info.get("receivedBy", "")
    yield "signature", info.get("signature", {}).get("image", "")
    yield "left at", info.get("location", "")
    for reference in package.get("referenceNumber", []):
        yield "reference", reference.get("number", "")
    for activity in package.get("activity", []):
        yield (
            "scan postalCode",
            activity.get("location", {}).get("address", {}).get("postalCode", ""),
        )


def personal_strings(app: Flask, number: str) -> dict[str, set[str]]:
    """Personal values of `number` as the UPS sandbox sends them, by kind.

    Taken from the raw Track JSON (zh and en) through the production UPS client; the
    signature image comes from one extra raw call with returnSignature=true, which the
    client itself never asks for.
    """
    client = make_client(app)
    bodies = [client.fetch_details(number, lang) for lang in ("zh", "en")]
    sandbox = Sandbox(settings_of(app).ups_base_url)
    signed = sandbox.track(number, client.tokens.get(), returnSignature="true")
    assert signed.status_code == 200, signed.text
    found: dict[str, set[str]] = {}
    for body in [*bodies, signed.json()]:
        for package in _packages(body):
            for what, value in _from_package(package):
                if value:
                    found.setdefault(what, set()).add(value)
    return found


def strings_in(value: Any) -> Iterator[str]:
    """Every key and string value of a JSON document, at any depth."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)
    elif isinstance(value, str):
        yield value
