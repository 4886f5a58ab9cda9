"""Tear-down for apps built in tests: close their Redis pools instead of leaving them to GC."""

from __future__ import annotations

from flask import Flask


def close_app(app: Flask) -> None:
    """Close the app's Redis and UPS clients now.

    Left to the garbage collector, their pooled sockets raise ResourceWarning during some
    later, unrelated test, which filterwarnings=error turns into a random failure.
    """
    app.extensions["services"].close()
