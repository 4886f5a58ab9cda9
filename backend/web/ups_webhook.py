"""POST /ups/webhook: UPS Track Alert pushes one tracking event per call; answer fast."""

from __future__ import annotations

import hashlib
import hmac
import logging

from flask import Blueprint, jsonify, request

from backend.domain.errors import MalformedEvent
from backend.services.track_alert import StaleWebhookEventError, TrackAlertService
from backend.web.errors import ApiError
from backend.web.messages import register
from backend.web.registry import WebConfig, use

log = logging.getLogger(__name__)

bp = Blueprint("ups_webhook", __name__)

# docs/ups.md §8: UPS sends this User-Agent on every event, v1 and v2.
USER_AGENT = "UPSPubSubTrackingService"
# An enhanced delivery event carries the photo in base64: room for one of MAX_PHOTO_BYTES
# (larger photos are dropped after parsing), read only once the caller is authenticated.
MAX_EVENT_BYTES = 2 * 1024 * 1024

register(
    "invalid_webhook_credential",
    "推送凭证校验失败，请求未被处理。",
    "The webhook credential does not match; nothing was processed.",
)
register(
    "webhook_event_stale",
    "推送的事件时间超出有效范围，未处理。",
    "The event's time is outside the accepted window; it was not processed.",
)
register(
    "invalid_webhook_event",
    "推送内容不是 UPS 跟踪事件。",
    "The body is not a UPS tracking event.",
)


def _same(given: str, expected: str) -> bool:
    """Constant time whatever the two hold: digests of equal length are compared, so
    neither the content nor the length of the credential shows in the time taken."""
    return hmac.compare_digest(_digest(given), _digest(expected))


def _digest(value: str) -> bytes:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).digest()


def _authentic(expected: str) -> bool:
    """UPS's User-Agent and our credential, in `credential` (v1) or `x-api-key` (v2).

    Only headers are looked at (the body is not read before this passes), and both are
    always compared, so the time taken says nothing about either.
    """
    by_credential = _same(request.headers.get("credential", ""), expected)
    by_api_key = _same(request.headers.get("x-api-key", ""), expected)
    from_ups = USER_AGENT in request.headers.get("User-Agent", "")
    return bool(expected) and from_ups and (by_credential or by_api_key)


@bp.post("/ups/webhook")
def receive():
    """Verify, map, drop duplicates, enqueue the refresh job; 200 {"status": ...}."""
    if not _authentic(use(WebConfig).ups_webhook_credential):
        log.warning("Track Alert webhook refused from %s", request.remote_addr)
        raise ApiError(401, "invalid_webhook_credential")
    # Only now is the body read: malformed JSON gets the 400 invalid_json envelope.
    request.max_content_length = MAX_EVENT_BYTES
    payload = request.get_json(force=True)
    try:
        fresh = use(TrackAlertService).handle_webhook(payload)
    except MalformedEvent as error:
        log.warning("Track Alert webhook body refused: %s", error)
        raise ApiError(400, "invalid_webhook_event", str(error)) from None
    except StaleWebhookEventError as error:
        log.warning("Track Alert webhook refused: %s (from %s)", error, request.remote_addr)
        raise ApiError(403, "webhook_event_stale") from None
    return jsonify({"status": "accepted" if fresh else "duplicate"})
