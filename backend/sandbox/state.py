"""What the composition root hands the sandboxes: the app's settings and its Redis."""

from __future__ import annotations

from dataclasses import dataclass

import redis
from flask import Flask, current_app

from backend.settings import Settings

_KEY = "sandbox"


@dataclass(frozen=True)
class SandboxState:
    settings: Settings
    redis: redis.Redis


def install(app: Flask, settings: Settings, client: redis.Redis) -> None:
    app.extensions[_KEY] = SandboxState(settings, client)


def settings() -> Settings:
    """The app's settings: the sandboxes accept exactly the credentials the app uses."""
    return current_app.extensions[_KEY].settings


def store() -> redis.Redis:
    """Sandbox state lives in Redis because the API runs as several processes."""
    return current_app.extensions[_KEY].redis
