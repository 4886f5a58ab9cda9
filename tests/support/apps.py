"""Tear-down for apps built in tests: close their Redis pools instead of leaving them to GC."""

from __future__ import annotations

from flask import Flask

from tests.support.stores import release


def close_app(app: Flask) -> None:
    """Close the app's Redis and UPS clients now, and the handles tests opened beside it
    (tests.support.stores.make_app built them).

    Left to the garbage collector, their pooled sockets raise ResourceWarning during some
    later, unrelated test, which filterwarnings=error turns into a random failure.
    """
    release(app)
