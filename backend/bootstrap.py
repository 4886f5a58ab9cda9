"""Composition root: the one place that builds concrete adapters and wires services."""

from __future__ import annotations

from dataclasses import dataclass

import redis

from backend.adapters import redis_conn
from backend.settings import Settings


@dataclass
class Services:
    """Everything the web layer and the worker use, built once per process."""

    settings: Settings
    redis: redis.Redis


def build_services(settings: Settings) -> Services:
    """Create clients without connecting: nothing talks to the network until used."""
    return Services(settings=settings, redis=redis_conn.connect(settings.redis_url))
