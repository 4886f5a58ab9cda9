"""UPS Locator transport: POST /api/locations/v3/search/availabilities/{1|64}.

Implements the Locator port on the shared OAuth token of the Track client. UPS failures are
read into typed UpsErrors, then translated into the domain's vendor-neutral LocatorErrors:
nothing above this module sees a UPS code.
"""

from __future__ import annotations

import uuid

import requests

from backend.adapters.ups.calls import timed_post, ups_headers
from backend.adapters.ups.errors import UpsError, error_from_payload
from backend.adapters.ups.locator_mapping import parse_locator_response
from backend.adapters.ups.locator_request import LOCALE, locator_body, req_option
from backend.adapters.ups.token import UpsTokenProvider
from backend.domain.locations import (
    LocatorAnswer,
    LocatorQuery,
    LocatorQueryRejectedError,
    LocatorUnavailableError,
)
from backend.ports.metrics import Metrics, NullMetrics

SEARCH_PATH = "/api/locations/{version}/search/availabilities/"
# UPS codes that blame the request itself (malformed, invalid, missing or bad field).
REJECTED_CODES = frozenset({"10001", "10002", "20007", "20008"})


class UpsLocator:
    """Searches UPS locations for the Locator port; safe to share between threads."""

    def __init__(
        self,
        session: requests.Session,
        tokens: UpsTokenProvider,
        base_url: str,
        transaction_src: str = "ups-tracker",
        version: str = "v3",  # v1 and v2 are still served; v3 is current (2025-03)
        metrics: Metrics | None = None,
    ) -> None:
        self._metrics = metrics or NullMetrics()
        self._version = version
        self._session = session
        self._tokens = tokens
        self._base = base_url.rstrip("/")
        self._transaction_src = transaction_src

    def search(self, query: LocatorQuery) -> LocatorAnswer:
        try:
            return parse_locator_response(self._post(query))
        except UpsError as error:
            raise _neutral(error) from None

    def _post(self, query: LocatorQuery) -> dict:
        """The JSON answer; a 401 drops the token and tries once more with a fresh one."""
        token = self._tokens.get()
        response = self._send(query, token)
        if response.status_code == 401:
            self._tokens.invalidate(token)
            response = self._send(query, self._tokens.refresh(rejected=token))
        try:
            body = response.json()
        except ValueError:
            raise error_from_payload(response.status_code, None) from None
        if response.status_code != 200 or not isinstance(body, dict):
            raise error_from_payload(response.status_code, body if isinstance(body, dict) else None)
        return body

    def _send(self, query: LocatorQuery, token: str) -> requests.Response:
        trans_id = uuid.uuid4().hex
        url = self._base + SEARCH_PATH.format(version=self._version) + req_option(query)
        return timed_post(
            self._session, url, f"UPS locator {req_option(query)}",
            lambda error: LocatorUnavailableError(f"UPS Locator unreachable: {error}"),
            lambda outcome, seconds: self._metrics.carrier_call(outcome, seconds, api="locator"),
            json=locator_body(query, trans_id), params={"Locale": LOCALE},
            headers=ups_headers(token, self._transaction_src, trans_id),
        )  # fmt: skip


def _neutral(error: UpsError) -> Exception:
    """The vendor-neutral error for a UPS failure (the UPS code stays in the message)."""
    detail = f"UPS Locator {error.http_status or ''} {error.ups_code} {error.message}".strip()
    if error.ups_code in REJECTED_CODES:
        return LocatorQueryRejectedError(detail)
    return LocatorUnavailableError(detail)
