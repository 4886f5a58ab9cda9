"""Shared fixtures: a real Redis (or embedded), settings, the app, and a live HTTP server."""

from __future__ import annotations

import contextlib
import dataclasses

import pytest

from backend.adapters import redis_conn
from backend.settings import Settings
from tests.support.apps import close_app
from tests.support.live_server import LiveServer
from tests.support.redis_server import choose_test_redis_url
from tests.support.stores import make_app
from tests.support.topologies import binary_or_reason, running


@pytest.fixture(scope="session")
def redis_url() -> str:
    try:
        url, embedded = choose_test_redis_url()
    except RuntimeError as error:
        pytest.exit(str(error), returncode=3)
    yield url
    if embedded:
        embedded.stop()


@pytest.fixture(scope="session")
def redis_topologies():
    """topology("cluster" | "sentinel"): that real topology, started on first use and kept
    for the session (tests flush it). Without a server binary the test is skipped, saying so."""
    started, exits = {}, contextlib.ExitStack()

    def topology(kind: str):
        if kind not in started:
            binary, reason = binary_or_reason()
            if binary is None:
                pytest.skip(reason)
            started[kind] = exits.enter_context(running(kind))
        return started[kind]

    with exits:
        yield topology


@pytest.fixture
def redis_client(redis_url):
    client = redis_conn.connect(redis_url)
    client.flushdb()
    yield client
    client.flushdb()
    client.close()


@pytest.fixture
def make_settings(redis_url, redis_client):
    """Build sandbox-mode settings on the test Redis, with overrides."""

    def build(**overrides) -> Settings:
        base = Settings(sandbox=True, redis_url=redis_url, log_level="WARNING")
        return dataclasses.replace(base, **overrides).completed()

    return build


@pytest.fixture
def settings(make_settings) -> Settings:
    return make_settings()


@pytest.fixture
def app(settings):
    app = make_app(settings)
    yield app
    close_app(app)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def live(make_settings):
    """An app served over real HTTP; its sandboxes are reached through that same server.

    Yields (live_server, app): the app's UPS and WeChat clients call the sandboxes over HTTP.
    """
    server = LiveServer()
    settings = make_settings(port=server.port, public_base_url=server.url)
    app = make_app(settings)
    server.serve(app)
    yield server, app
    server.stop()
    close_app(app)
