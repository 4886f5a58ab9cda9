"""Typed UPS failures, read from UPS error bodies and from track-response warnings.

Each is also the vendor-neutral domain error it means, so services never see UPS codes.
"""

from __future__ import annotations

from typing import Any

from backend.domain.errors import (
    CarrierError,
    CarrierUnavailable,
    NumberNotFound,
    NumberRejected,
    ProductNotEnabled,
)


class UpsError(CarrierError):
    """UPS could not give an answer; `code` is our snake_case code for the API envelope."""

    def __init__(self, message: str = "", ups_code: str = "", http_status: int | None = None):
        super().__init__(message or ups_code or self.code)
        self.message = message  # UPS's text, e.g. "Invalid inquiry number"
        self.ups_code = ups_code  # UPS's code, e.g. "TV1002"
        self.http_status = http_status

    @property
    def detail(self) -> str:
        return self.ups_code or (f"HTTP {self.http_status}" if self.http_status else self.code)


class TrackingNotFoundError(UpsError, NumberNotFound):
    """UPS knows nothing about the number (yet): warning TW0001 or a shipment without packages."""

    code = "not_found"


class InvalidNumberError(UpsError, NumberRejected):
    """UPS refused the inquiry number itself (TV1002)."""

    code = "invalid_number"


class UpstreamUnavailableError(UpsError, CarrierUnavailable):
    """UPS failed, timed out or answered something we cannot use; worth retrying later."""

    code = "upstream_unavailable"


class UpstreamRateLimitedError(UpstreamUnavailableError):
    """UPS throttled us (10429 / HTTP 429): back off before calling again."""


class UpsAuthError(UpstreamUnavailableError):
    """Our credentials or token were refused: an operator problem, not the user's."""


class UpsProductNotEnabledError(UpsError, ProductNotEnabled):
    """UPS refused an API our token works for elsewhere (401 after a fresh token, or 403):
    the app on the UPS developer portal lacks that product."""

    code = "upstream_unavailable"


NOT_FOUND_WARNING = "TW0001"
# Known UPS codes. 250002/250003/UJ0001/251004: bad, missing or expired token or licence
# on resource APIs; 10401: bad client id/secret at the token endpoint.
_BY_UPS_CODE: dict[str, type[UpsError]] = {
    "TV1002": InvalidNumberError,
    NOT_FOUND_WARNING: TrackingNotFoundError,
    "10429": UpstreamRateLimitedError,
    "250002": UpsAuthError,
    "250003": UpsAuthError,
    "UJ0001": UpsAuthError,
    "251004": UpsAuthError,
    "10401": UpsAuthError,
}
_BY_HTTP_STATUS: dict[int, type[UpsError]] = {429: UpstreamRateLimitedError, 401: UpsAuthError}


def _code_and_message(item: Any) -> tuple[str, str] | None:
    if not isinstance(item, dict):
        return None
    code, message = item.get("code"), item.get("message")
    return (str(code).strip() if code is not None else "", str(message or "").strip())


def _listed(payload: Any, key: str) -> list[tuple[str, str]]:
    items = payload.get(key) if isinstance(payload, dict) else None
    if not isinstance(items, list):
        return []
    return [pair for pair in map(_code_and_message, items) if pair is not None]


def _errors(payload: Any) -> list[tuple[str, str]]:
    """(code, message) pairs from `response.errors[]` and from the unwrapped `errors[]`."""
    wrapped = payload.get("response") if isinstance(payload, dict) else None
    return _listed(wrapped, "errors") + _listed(payload, "errors")


def error_from_payload(status_http: int, payload: dict | None) -> UpsError:
    """The typed error for a failed UPS call, from its HTTP status and (maybe absent) body."""
    errors = _errors(payload)
    for ups_code, message in errors:
        if ups_code in _BY_UPS_CODE:
            return _BY_UPS_CODE[ups_code](message, ups_code, status_http)
    ups_code, message = errors[0] if errors else ("", "")
    kind = _BY_HTTP_STATUS.get(status_http, UpstreamUnavailableError)
    return kind(message or f"HTTP {status_http}", ups_code, status_http)


def warning_error(shipment: dict) -> UpsError | None:
    """The error hidden in a HTTP-200 shipment's `warnings[]` (TW0001 = not found), if any."""
    for ups_code, message in _listed(shipment, "warnings"):
        if ups_code == NOT_FOUND_WARNING:
            return TrackingNotFoundError(message, ups_code, 200)
    return None
