"""UPS Track Alert v2 transport: package subscriptions in batches of 100, typed VSS errors."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import requests

from backend.adapters.ups.calls import timed_post, ups_headers
from backend.adapters.ups.errors import (
    UpsAuthError,
    UpsError,
    UpstreamUnavailableError,
    error_from_payload,
)
from backend.adapters.ups.product_gate import ProductGate
from backend.adapters.ups.token import UpsTokenProvider
from backend.domain import track_alert
from backend.domain.errors import SubscriptionRefused
from backend.domain.track_alert import SubscribeResult

log = logging.getLogger(__name__)

SUBSCRIBE_PATH = "/api/track/v2/subscription/{type}/package"
TYPES = ("enhanced", "standard")
# Enhanced only: Delivery (with the photo and signer), eXception, In-progress; Manifest
# events (label created) are left out, the Track API reports those when asked.
EVENT_PREFERENCES = ["D", "X", "I"]
# How UPS refuses a product the app is not enabled for [inferred: undocumented]: a token
# that works elsewhere is refused (401 twice, 403), or the path is unknown to the app (404).
_REFUSED_PRODUCT_STATUSES = frozenset({401, 403, 404})
BATCH_SIZE = 100  # docs/ups.md §8: more numbers than this and UPS rejects all (VSS220)
LOCALE = "en_US"  # the only locale Track Alert supports
COUNTRY = "US"
# docs/ups.md §8: the TA2 error table marks these Transient ("retry later"); every other VSS code is Hard.
TRANSIENT_CODES = frozenset({"10004", "VSS100", "10429"})


class TrackAlertRejectedError(UpsError, SubscriptionRefused):
    """A Hard Track Alert error (VSS2xx/3xx/...): the same request would fail again."""

    code = "track_alert_rejected"

    def __init__(self, message: str, ups_code: str, http_status: int, invalid: list[str]):
        super().__init__(message, ups_code, http_status)
        self.invalid = invalid  # invalidTrackingNumbers of the 400 body, when UPS gave them

    @property
    def reason(self) -> str:
        return self.ups_code or "rejected"


def batches(numbers: list[str], size: int = BATCH_SIZE) -> Iterator[list[str]]:
    """`numbers` without repeats, in slices UPS accepts in one request."""
    return track_alert.batches(numbers, size)


class UpsTrackAlertClient:
    """Subscribes numbers with the bearer token UpsClient shares (no OAuth of its own)."""

    batch_size = BATCH_SIZE

    def __init__(
        self,
        session: requests.Session,
        tokens: UpsTokenProvider,
        base_url: str,
        transaction_src: str = "ups-tracker",
        alert_type: str = "enhanced",
    ) -> None:
        if alert_type not in TYPES:
            raise ValueError(f"Track Alert type must be one of {TYPES}")
        self._session = session
        self._tokens = tokens
        self._base = base_url.rstrip("/")
        self._transaction_src = transaction_src
        self.alert_type = alert_type
        self.enhanced_gate = ProductGate(
            "Track Alert enhanced", "subscribing standard (no photo, no signer)"
        )

    def subscribe(self, numbers: list[str]) -> SubscribeResult:
        """Subscribe every number, 100 per call; the first failing call's error is raised.

        Raises UpstreamUnavailableError (retry later) or TrackAlertRejectedError (do not).
        """
        result = SubscribeResult()
        for batch in batches([number.strip().upper() for number in numbers]):
            result.add(self.subscribe_batch(batch))
        return result

    def current_type(self) -> str:
        """enhanced when configured and not refused lately, else standard."""
        enhanced = self.alert_type == "enhanced" and self.enhanced_gate.open()
        return "enhanced" if enhanced else "standard"

    def subscribe_batch(self, numbers: list[str]) -> SubscribeResult:
        """One POST for at most BATCH_SIZE numbers; a 401 gets one fresh token and one retry.

        An enhanced subscription UPS refuses as a product (not as a list of numbers) is
        logged and made standard, now and for the next hour.
        """
        if len(numbers) > BATCH_SIZE:
            raise ValueError(f"at most {BATCH_SIZE} numbers per Track Alert request")
        kind = self.current_type()
        response = self._authorized(numbers, kind)
        if kind == "enhanced" and response.status_code in _REFUSED_PRODUCT_STATUSES:
            error = error_from_payload(response.status_code, _body(response))
            self.enhanced_gate.refused(f"HTTP {response.status_code} {error.ups_code}".strip())
            response = self._authorized(numbers, "standard")
        return _result(response)

    def _authorized(self, numbers: list[str], kind: str) -> requests.Response:
        token = self._tokens.get()
        response = self._post(numbers, token, kind)
        if response.status_code == 401:
            self._tokens.invalidate(token)
            response = self._post(numbers, self._tokens.refresh(rejected=token), kind)
        return response

    def _post(self, numbers: list[str], token: str, kind: str) -> requests.Response:
        headers = ups_headers(token, self._transaction_src)
        body: dict = {"locale": LOCALE, "countryCode": COUNTRY, "trackingNumberList": numbers}
        if kind == "enhanced":
            body["eventPreferences"] = EVENT_PREFERENCES
        url = self._base + SUBSCRIBE_PATH.format(type=kind)
        return timed_post(
            self._session, url, f"UPS Track Alert {kind} subscribe {len(numbers)} numbers",
            lambda error: UpstreamUnavailableError(f"Track Alert unreachable: {error}"),
            json=body, headers=headers | {"Content-Type": "application/json"},
        )  # fmt: skip


def _strings(value: object) -> list[str]:
    items = value if isinstance(value, list) else []
    return [item.strip() for item in items if isinstance(item, str) and item.strip()]


def _body(response: requests.Response) -> dict | None:
    try:
        body = response.json()
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


def _result(response: requests.Response) -> SubscribeResult:
    """The 200 body's two lists (`invalidTrackingNumbers` may be absent), or the typed error."""
    data = _body(response)
    if response.status_code == 200 and data is not None:
        valid = _strings(data.get("validTrackingNumbers"))
        return SubscribeResult(valid, _strings(data.get("invalidTrackingNumbers")))
    raise subscription_error(response.status_code, data)


def subscription_error(status: int, data: dict | None) -> UpsError:
    """Transient codes, 429, 5xx and non-UPS (non-JSON) answers mean "retry later"; a
    refused token is an operator problem (also retried); every other 4xx is Hard."""
    error = error_from_payload(status, data)
    if isinstance(error, UpsAuthError):
        return error
    if data is None or status >= 500 or status == 429 or error.ups_code in TRANSIENT_CODES:
        if isinstance(error, UpstreamUnavailableError):
            return error
        return UpstreamUnavailableError(error.message, error.ups_code, status)
    invalid = _strings(data.get("invalidTrackingNumbers"))
    return TrackAlertRejectedError(error.message, error.ups_code, status, invalid)
