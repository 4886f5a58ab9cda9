"""UPS Track API transport: one GET per number, bearer token from Redis, typed errors."""

from __future__ import annotations

import logging
import time
import uuid
from urllib.parse import quote

import redis
import requests

from backend.adapters.ups.errors import (
    TrackingNotFoundError,
    UpsAuthError,
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

    def close(self) -> None:
        """Close pooled connections (tests and short-lived tools; servers keep the client)."""
        self._session.close()

    def track(self, number: str, lang: str) -> Shipment:
        """The parsed shipment; raises an UpsError subclass (TW0001 -> TrackingNotFoundError)."""
        return parse_track_response(self.fetch_details(number, lang), number)

    def fetch_details(self, number: str, lang: str) -> dict:
        """The raw JSON of GET /api/track/v1/details/{number}; raises UpsError on failure.

        A 401 means the cached token died early: it is dropped, replaced once and the call
        repeated once; a second 401 is an UpsAuthError.
        """
        number = number.strip()
        waiting = self.pause.left()
        if waiting > 0:
            self._metrics.carrier_call("paused", 0.0)
            raise UpstreamRateLimitedError(f"UPS asked us to wait {waiting:.0f} s more")
        token = self.tokens.get()
        response = self._get(number, lang, token)
        if response.status_code == 401:
            self.tokens.invalidate(token)
            response = self._get(number, lang, self.tokens.refresh(rejected=token))
            if response.status_code == 401:
                raise _auth_error(response)
        return _payload(response)

    def _get(self, number: str, lang: str, token: str) -> requests.Response:
        headers = {
            "transId": uuid.uuid4().hex,
            "transactionSrc": self._transaction_src,
            "Authorization": f"Bearer {token}",
        }
        params = {"locale": locale_for(lang), "returnSignature": "false"}
        url = self._base + DETAILS_PATH + quote(number, safe="")
        started = time.monotonic()
        try:
            response = self._session.get(url, headers=headers, params=params)
        except requests.Timeout:
            self._done(number, "timeout", started)
            raise UpstreamUnavailableError("UPS did not answer in time") from None
        except requests.RequestException as error:
            self._done(number, "error", started)
            raise UpstreamUnavailableError(f"UPS unreachable: {type(error).__name__}") from None
        self._done(number, str(response.status_code), started)
        self.pause.note(response)
        return response

    def _done(self, number: str, outcome: str, started: float) -> None:
        elapsed = time.monotonic() - started
        self._metrics.carrier_call(outcome, elapsed)
        log.info("UPS track %s -> %s in %d ms", mask_number(number), outcome, int(elapsed * 1000))


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
