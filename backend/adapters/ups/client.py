"""UPS Track API transport: one GET per number, bearer token from Redis, typed errors."""

from __future__ import annotations

import logging
import time
import uuid
from typing import Any, Protocol
from urllib.parse import quote

import redis
import requests

from backend.adapters.ups.errors import (
    TrackingNotFoundError,
    UpsAuthError,
    UpsProductNotEnabledError,
    UpstreamRateLimitedError,
    UpstreamUnavailableError,
    error_from_payload,
)
from backend.adapters.ups.mapping import parse_track_response
from backend.adapters.ups.pause import UpsPause
from backend.adapters.ups.token import UpsTokenProvider
from backend.domain.model import Shipment
from backend.domain.numbers import mask_number
from backend.ports import Metrics, NullMetrics

log = logging.getLogger(__name__)

DETAILS_PATH = "/api/track/v1/details/"
LOCALES = {"zh": "zh_CN", "en": "en_US"}


class TrackExtras(Protocol):
    """What the details call alone does not give: kept photos, a shipment's pieces."""

    def complete(self, shipment: Shipment, payload: dict, lang: str) -> Shipment: ...


def locale_for(lang: str) -> str:
    """UPS locale for our language code; English for anything we do not know."""
    return LOCALES.get(lang, "en_US")


class UpsClient:
    """Talks to UPS (or the sandbox) for one client id; safe to share between threads."""

    def __init__(
        self,
        session: requests.Session,
        redis: redis.Redis,
        base_url: str,
        client_id: str,
        client_secret: str,
        transaction_src: str = "ups-tracker",
        metrics: Metrics | None = None,
    ) -> None:
        self._session = session
        self._base = base_url.rstrip("/")
        self._transaction_src = transaction_src
        self.tokens = UpsTokenProvider(session, redis, base_url, client_id, client_secret)
        self.pause = UpsPause(redis)  # shared by every process: one UPS-wide backoff
        self._metrics = metrics or NullMetrics()
        self.extras: TrackExtras | None = None  # set by the composition root

    def close(self) -> None:
        """Close pooled connections (tests and short-lived tools; servers keep the client)."""
        self._session.close()

    def track(self, number: str, lang: str) -> Shipment:
        """The parsed shipment; raises an UpsError subclass (TW0001 -> TrackingNotFoundError).

        Beyond the one details call: a delivery photo UPS sent is kept for the watchers, and
        a multi-piece shipment's pieces are read from the shipment endpoint.
        """
        payload = self.fetch_details(number, lang)
        shipment = parse_track_response(payload, number)
        if self.extras is not None:
            shipment = self.extras.complete(shipment, payload, lang)
        return shipment

    def fetch_details(self, number: str, lang: str) -> dict:
        """The raw JSON of GET /api/track/v1/details/{number}; raises UpsError on failure.

        A 401 means the cached token died early: it is dropped, replaced once and the call
        repeated once; a second 401 is an UpsAuthError.
        """
        number = number.strip()
        params = {"locale": locale_for(lang), "returnSignature": "false"}
        path = DETAILS_PATH + quote(number, safe="")
        response = self.send("GET", path, f"UPS track {mask_number(number)}", params=params)
        if response.status_code == 401:
            raise _auth_error(response)
        return _payload(response)

    def product_json(
        self, method: str, path: str, label: str, ok: tuple[int, ...] = (200,), **kwargs: Any
    ) -> tuple[int, dict]:
        """(status, body) of a call to another UPS product on the same token: Time in
        Transit, the shipment endpoint. A 401 on a fresh token or a 403 means our app is
        not enabled for that product (UpsProductNotEnabledError); other failures are typed
        as for tracking."""
        response = self.send(method, path, label, **kwargs)
        body = _json(response)
        data = body if isinstance(body, dict) else None
        if response.status_code in ok and data is not None:
            return response.status_code, data
        if response.status_code in (401, 403):
            error = error_from_payload(response.status_code, data)
            raise UpsProductNotEnabledError(error.message, error.ups_code, response.status_code)
        raise error_from_payload(response.status_code, data)

    def send(self, method: str, path: str, label: str, **kwargs: Any) -> requests.Response:
        """One authenticated call: the UPS-wide pause honoured, the shared token used (a 401
        drops it and repeats the call once with a fresh one), timed into the metrics."""
        waiting = self.pause.left()
        if waiting > 0:
            self._metrics.carrier_call("paused", 0.0)
            raise UpstreamRateLimitedError(f"UPS asked us to wait {waiting:.0f} s more")
        token = self.tokens.get()
        response = self._call(method, path, label, token, **kwargs)
        if response.status_code == 401:
            self.tokens.invalidate(token)
            fresh = self.tokens.refresh(rejected=token)
            response = self._call(method, path, label, fresh, **kwargs)
        return response

    def _call(
        self, method: str, path: str, label: str, token: str, **kwargs: Any
    ) -> requests.Response:
        headers = {
            "transId": uuid.uuid4().hex,
            "transactionSrc": self._transaction_src,
            "Authorization": f"Bearer {token}",
        }
        started = time.monotonic()
        try:
            response = self._session.request(method, self._base + path, headers=headers, **kwargs)
        except requests.Timeout:
            self._done(label, "timeout", started)
            raise UpstreamUnavailableError("UPS did not answer in time") from None
        except requests.RequestException as error:
            self._done(label, "error", started)
            raise UpstreamUnavailableError(f"UPS unreachable: {type(error).__name__}") from None
        self._done(label, str(response.status_code), started)
        self.pause.note(response)
        return response

    def _done(self, label: str, outcome: str, started: float) -> None:
        elapsed = time.monotonic() - started
        # The label names the product second ("UPS track …", "UPS transit …").
        self._metrics.carrier_call(outcome, elapsed, api=label.split()[1])
        log.info("%s -> %s in %d ms", label, outcome, int(elapsed * 1000))


def _json(response: requests.Response) -> object:
    try:
        return response.json()
    except ValueError:
        raise UpstreamUnavailableError(
            f"UPS answered HTTP {response.status_code} with a body that is not JSON",
            http_status=response.status_code,
        ) from None


def _payload(response: requests.Response) -> dict:
    """The body of a successful answer, or the typed error its status and body describe."""
    body = _json(response)
    data = body if isinstance(body, dict) else None
    if response.status_code == 200 and data is not None:
        return data
    error = error_from_payload(response.status_code, data)
    if response.status_code == 404 and type(error) is UpstreamUnavailableError:
        # The spec's 404 "Tracking number information not found" (UPS mostly says TW0001).
        raise TrackingNotFoundError(error.message, error.ups_code, 404)
    raise error


def _auth_error(response: requests.Response) -> UpsAuthError:
    try:
        error = error_from_payload(401, response.json())
    except ValueError:
        error = error_from_payload(401, None)
    detail = f"{error.ups_code} {error.message}".strip()
    return UpsAuthError(
        f"UPS refused a freshly issued token ({detail}); check UPS_CLIENT_ID/SECRET and the app's API access",
        error.ups_code,
        401,
    )
