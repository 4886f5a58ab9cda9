"""GET and POST /wechat/push: WeChat's URL check and its subscribe-event pushes."""

from __future__ import annotations

import logging

from flask import Blueprint, Response, request

from backend.domain.errors import BadSignature, MalformedPush, PushInProgress, ReplayedPush
from backend.services.consent_events import ConsentEvents
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
    "推送已过期，或其随机数已被另一个请求用过，未处理。",
    "The push is too old, or its nonce was already used by a different request; it was not processed.",
)
register(
    "push_in_progress",
    "同一推送正在处理中，请稍后重试。",
    "The same push is still being processed; please retry shortly.",
)


def _text(body: str) -> Response:
    return Response(body, mimetype="text/plain")


@bp.get("/wechat/push")
def verify():
    """WeChat checks the configured URL: echo echostr when the signature is ours."""
    args = request.args
    try:
        echostr = use(ConsentEvents).verify_url(
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
    a message that will never parse; so is WeChat's own retry of a push already applied
    (the same signed request again: acknowledged, applied once). A bad signature, a
    plaintext push while security mode is configured, a stale timestamp or a nonce used
    before by a different request is refused untouched (403, logged). A retry arriving
    while the first is still being applied gets 503 if that does not end soon: WeChat
    then tries again and hears "success" once it is done.
    """
    try:
        use(ConsentEvents).receive(request.get_data(cache=False), request.args)
    except ReplayedPush as error:
        log.warning("push refused: %s (from %s)", error, request.remote_addr)
        raise ApiError(403, "push_replayed") from None
    except BadSignature as error:
        log.warning("push refused: %s (from %s)", error, request.remote_addr)
        raise ApiError(403, "invalid_signature") from None
    except MalformedPush as error:
        log.warning("push acknowledged but not understood: %s", error)
    except PushInProgress:
        log.warning("push retry while the first is still being applied: try again")
        raise ApiError(503, "push_in_progress", headers={"Retry-After": "1"}) from None
    except Exception as error:
        if is_store_unavailable(error):
            raise  # 503: WeChat retries later (the claim was freed)
        log.exception("handling a pushed message failed")
    return _text("success")
