"""GET and POST /wechat/push: WeChat's URL check and its subscribe-event pushes."""

from __future__ import annotations

import logging

from flask import Blueprint, Response, request

from backend.domain.errors import BadSignature, MalformedPush
from backend.services.subscribe_events import SubscribeEvents
from backend.web.errors import ApiError
from backend.web.messages import register
from backend.web.registry import use

log = logging.getLogger(__name__)

bp = Blueprint("wechat_push", __name__)

register(
    "invalid_signature",
    "签名校验失败，请求未被处理。",
    "The signature does not match; nothing was processed.",
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
    """A pushed message: verify, decrypt, parse, hand subscribe events over, say success.

    Anything correctly signed is acknowledged, even when unreadable, so that WeChat does
    not retry a message that will never parse; a bad signature is refused untouched.
    """
    inbox = use(SubscribeEvents)
    try:
        events = inbox.open(request.get_data(cache=False), request.args)
    except BadSignature as error:
        log.warning("push refused: %s (from %s)", error, request.remote_addr)
        raise ApiError(403, "invalid_signature") from None
    except MalformedPush as error:
        log.warning("push acknowledged but not understood: %s", error)
        return _text("success")
    if events:
        try:
            inbox.apply(events)
        except Exception:  # the push is acknowledged regardless; the log keeps the failure
            log.exception("handling %d subscribe event(s) failed", len(events))
    else:
        log.info("push acknowledged: not a subscribe event")
    return _text("success")
