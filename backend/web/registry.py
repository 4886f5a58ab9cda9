"""The use cases each app serves, looked up by type: a view asks for exactly what it uses.

The app factory installs them once per app (backend/app.py); a view writes
`use(Parcels).watch(...)`, so its dependencies show in its code and in its types.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar, cast

from flask import Flask, current_app

T = TypeVar("T")
_KEY = "use_cases"


@dataclass(frozen=True)
class WebConfig:
    """The few settings views read."""

    public_base_url: str
    ups_webhook_credential: str
    sandbox: bool
    rate_limit_prefix: str  # where per-route limits count, next to the global ones
    operator_name: str = ""  # who runs this service, shown on the help page
    unofficial_notice: bool = True  # say that UPS does not operate it
    app_name: str = "包裹查询助手"  # the mini-program's name (share page)


@dataclass(frozen=True)
class MetricsPage:
    """GET /metrics: the Prometheus text of every process, and the token it requires."""

    exposition: Callable[[], bytes]
    token: str  # "" : open in sandbox mode only


@dataclass(frozen=True)
class Health:
    """What /healthz reports: whether the store answers."""

    store_answers: Callable[[], bool]


def install(app: Flask, use_cases: dict[type, object]) -> None:
    """Make `use_cases` (type -> instance) available to this app's views."""
    for kind, instance in use_cases.items():
        if not isinstance(instance, kind):
            raise TypeError(f"{type(instance).__name__} is not a {kind.__name__}")
    app.extensions[_KEY] = dict(use_cases)


def use(kind: type[T]) -> T:
    """The current app's instance of `kind`."""
    return cast(T, current_app.extensions[_KEY][kind])
