"""Built-in UPS and WeChat sandboxes speaking the real wire formats (never in production)."""

import redis
from flask import Flask

from backend.sandbox import state
from backend.settings import Settings


def register_sandboxes(app: Flask, settings: Settings, client: redis.Redis) -> None:
    """Mount the sandboxes under /_sandbox/ups and /_sandbox/wechat, on `client`'s Redis."""
    state.install(app, settings, client)
    # One import and one register_blueprint call per sandbox.
    from backend.sandbox import ups, wechat

    app.register_blueprint(ups.bp)
    app.register_blueprint(wechat.bp)
