"""One environment value read and checked: a clear `configuration error` line for a bad
one, so start-up stops before anything connects (backend/settings.py reads them all)."""

from __future__ import annotations

from collections.abc import Mapping

from backend.domain.rates import parse_rate


class SettingsError(ValueError):
    """The environment describes a configuration the service cannot run with."""


def flag(value: str | None) -> bool | None:
    if value is None or value.strip() == "":
        return None
    return value.strip().lower() in {"1", "true", "yes", "on"}


def number(environ: Mapping[str, str], name: str, default: float) -> float:
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a number, got {raw!r}") from None
    if value <= 0:
        raise SettingsError(f"{name} must be positive, got {raw!r}")
    return value


def sentinels(raw: str) -> tuple[tuple[str, int], ...]:
    """'10.0.0.1:26379,10.0.0.2:26379' → ((host, port), …)."""
    found = []
    for item in filter(None, (part.strip() for part in raw.split(","))):
        host, _, port = item.rpartition(":")
        if not host or not port.isdigit():
            raise SettingsError(f"REDIS_SENTINELS must look like host:port,host:port; got {item!r}")
        found.append((host.strip("[]"), int(port)))
    return tuple(found)


def count(environ: Mapping[str, str], name: str) -> int:
    raw = environ.get(name, "").strip() or "0"
    if not raw.isdigit():
        raise SettingsError(f"{name} must be a whole number, got {raw!r}")
    return int(raw)


def rate(environ: Mapping[str, str], name: str, default: str) -> str:
    raw = environ.get(name, "").strip() or default
    try:
        parse_rate(raw)
    except ValueError as error:
        raise SettingsError(f"{name}: {error}") from None
    return raw


def share(environ: Mapping[str, str], name: str, default: float) -> float:
    raw = environ.get(name, "").strip()
    try:
        value = float(raw) if raw else default
    except ValueError:
        raise SettingsError(f"{name} must be a number from 0 to 1, got {raw!r}") from None
    if not 0 <= value < 1:
        raise SettingsError(f"{name} must be from 0 to 1 (below 1), got {raw!r}")
    return value


MINIPROGRAM_STATES = ("formal", "trial", "developer")


def state(raw: str) -> str:
    state = raw.lower() or "formal"
    if state not in MINIPROGRAM_STATES:
        raise SettingsError(f"MINIPROGRAM_STATE must be one of {', '.join(MINIPROGRAM_STATES)}")
    return state


def alert_type(raw: str) -> str:
    kind = raw.lower() or "enhanced"
    if kind not in ("enhanced", "standard"):
        raise SettingsError(f"TRACK_ALERT_TYPE must be enhanced or standard, not {raw!r}")
    return kind


def hours(raw: str) -> tuple[int, int]:
    """'22-8' → (22, 8); empty or 'off' → (0, 0), which disables quiet hours."""
    if raw.lower() in {"", "off", "none"}:
        return (0, 0)
    try:
        start, end = (int(part) for part in raw.split("-"))
    except ValueError:
        raise SettingsError(f"QUIET_HOURS must look like 22-8, got {raw!r}") from None
    if not (0 <= start <= 23 and 0 <= end <= 23):
        raise SettingsError(f"QUIET_HOURS hours must be 0..23, got {raw!r}")
    return (start, end)
