"""Tear-down for apps built in tests: close their Redis pools instead of leaving them to GC."""

from __future__ import annotations

from flask import Flask


def close_app(app: Flask) -> None:
    """Close the app's Redis clients (its own and flask-limiter's) now.

    Left to the garbage collector, their pooled sockets raise ResourceWarning during some
    later, unrelated test, which filterwarnings=error turns into a random failure.
    """
    app.extensions["services"].close()
    for limiter in app.extensions.get("limiter", ()):
        client = getattr(limiter.storage, "storage", None)
        if client is not None and hasattr(client, "close"):
            client.close()
