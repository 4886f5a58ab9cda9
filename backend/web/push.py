"""GET and POST /wechat/push: WeChat's URL check and its subscribe-event pushes."""

from __future__ import annotations

import contextlib
import logging

from flask import Blueprint, Response, request

from backend.domain.errors import BadSignature, MalformedPush, ReplayedPush
from backend.services.subscribe_events import SubscribeEvents
from backend.web.errors import ApiError, is_store_unavailable
from backend.web.messages import register
from backend.web.registry import use

log = logging.getLogger(__name__)

bp = Blueprint("wechat_push", __name__)

register(
    "invalid_signature",
    "签名校验失败，请求未被处理。",
    "The signature does not match; nothing was processed.",
)
register(
    "push_replayed",
    "推送已过期或已处理过，未再次处理。",
    "The push is too old or was already received; it was not processed again.",
)


def _text(body: str) -> Response:
    return Response(body, mimetype="text/plain")


@bp.get("/wechat/push")
def verify():
    """WeChat checks the configured URL: echo echostr when the signature is ours."""
    args = request.args
    try:
        echostr = use(SubscribeEvents).verify_url(
            args.get("signature", ""),
            args.get("timestamp", ""),
            args.get("nonce", ""),
            args.get("echostr", ""),
        )
    except BadSignature:
        log.warning("push URL check with a bad signature from %s", request.remote_addr)
        raise ApiError(403, "invalid_signature") from None
    return _text(echostr)


@bp.post("/wechat/push")
def receive():
    """A pushed message: verify, decrypt, check freshness, parse, hand subscribe events over.

    Anything authentic is acknowledged, even when unreadable, so that WeChat does not retry
    a message that will never parse; a bad signature, a plaintext push while security mode
    is configured, a stale timestamp or a nonce used before is refused untouched (403, logged).
    """
    inbox = use(SubscribeEvents)
    try:
        events = inbox.open(request.get_data(cache=False), request.args)
    except ReplayedPush as error:
        log.warning("push refused: %s (from %s)", error, request.remote_addr)
        raise ApiError(403, "push_replayed") from None
    except BadSignature as error:
        log.warning("push refused: %s (from %s)", error, request.remote_addr)
        raise ApiError(403, "invalid_signature") from None
    except MalformedPush as error:
        log.warning("push acknowledged but not understood: %s", error)
        return _text("success")
    if events:
        try:
            inbox.apply(events)
        except Exception as error:
            with contextlib.suppress(Exception):  # WeChat's retry may then succeed
                inbox.release(request.args)
            if is_store_unavailable(error):
                raise  # 503: WeChat retries later
            log.exception("handling %d subscribe event(s) failed", len(events))
    else:
        log.info("push acknowledged: not a subscribe event")
    return _text("success")
