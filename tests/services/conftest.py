"""Service tests run on tests/fakes alone: no Redis fixture, and no socket may be opened."""

from __future__ import annotations

import socket

import pytest

# Fixtures of tests/conftest.py that reach a real Redis or serve HTTP.
_OUTSIDE = {"redis_url", "redis_client", "make_settings", "settings", "app", "client", "live"}


@pytest.fixture(autouse=True)
def in_memory_only(request, monkeypatch):
    used = _OUTSIDE & set(request.fixturenames)
    assert not used, f"service tests use fakes, not {sorted(used)}"

    def refuse(*_args, **_kwargs):
        raise AssertionError("a service test tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
