"""Helpers for the WeChat tests: sandbox controls, logins and WeChat-style signed pushes."""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import time
from collections.abc import Iterator

import requests
from flask import Flask

from backend.adapters.wechat.push import sign
from tests.support.apps import close_app
from tests.support.live_server import LiveServer
from tests.support.stores import make_app

STATUS_TEMPLATE = "sandbox-tpl-status-change"
GOOD_DATA = {
    "character_string1": "1Z999AA10123456784",
    "phrase2": "派送中",
    "time3": "2026年11月24日 15:01",
    "thing4": "请保持电话畅通",
}
_nonce = itertools.count(1)


def sandbox_url(server_url: str) -> str:
    return f"{server_url}/_sandbox/wechat"


def login_code(name: str) -> str:
    """A fresh sandbox wx.login code for `name` (each code works once)."""
    return f"sandbox:{name}#{next(_nonce)}-{time.monotonic_ns()}"


def login(server_url: str, name: str) -> str:
    """Log `name` in through the API; return the bearer token."""
    response = requests.post(
        f"{server_url}/api/v1/auth/login", json={"code": login_code(name)}, timeout=10
    )
    assert response.status_code == 200, response.text
    return response.json()["token"]


def stats(server_url: str) -> dict[str, int]:
    return requests.get(f"{sandbox_url(server_url)}/stats", timeout=10).json()


def subscribe(server_url: str, user: str, template_ids: list[str], action: str = "accept"):
    body = {"user": user, "template_ids": template_ids, "action": action}
    response = requests.post(f"{sandbox_url(server_url)}/subscribe", json=body, timeout=10)
    assert response.status_code == 200, response.text
    return response.json()


def expire_tokens(server_url: str, mode: str = "expire") -> None:
    response = requests.post(
        f"{sandbox_url(server_url)}/tokens/expire", json={"mode": mode}, timeout=10
    )
    assert response.status_code == 200, response.text


def signed_query(
    token: str, timestamp: str | None = None, nonce: str | None = None
) -> dict[str, str]:
    """The query string WeChat puts on a plaintext-mode push: now and a fresh nonce by default."""
    timestamp = timestamp or str(int(time.time()))
    nonce = nonce or str(next(_nonce) * 7919 + time.monotonic_ns() % 10**9)
    return {"signature": sign(token, timestamp, nonce), "timestamp": timestamp, "nonce": nonce}


@contextlib.contextmanager
def serve_app(
    make_settings, plaintext_push: bool = False, **overrides
) -> Iterator[tuple[LiveServer, Flask]]:
    """Like the `live` fixture, with settings overrides (push token, templates, ...);
    `plaintext_push`: no EncodingAESKey, so pushes are signed in the query only."""
    server = LiveServer()
    settings = make_settings(port=server.port, public_base_url=server.url, **overrides)
    if plaintext_push:  # after completed(), which gives the sandbox a key
        settings = dataclasses.replace(settings, wechat_push_aes_key="")
    app = make_app(settings)
    server.serve(app)
    try:
        yield server, app
    finally:
        server.stop()
        close_app(app)
