"""GET and POST /wechat/push: WeChat's URL check and its subscribe-event pushes."""

from __future__ import annotations

import contextlib
import logging
import time

from flask import Blueprint, Response, current_app, request

from backend.adapters.wechat.push import (
    PushFormatError,
    PushReplayError,
    PushSignatureError,
    check_fresh,
    open_message,
    parse_events,
    verify_url,
)
from backend.services import subscribe_events
from backend.web.errors import ApiError, is_store_unavailable
from backend.web.messages import register

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
    settings = current_app.extensions["services"].settings
    args = request.args
    try:
        echostr = verify_url(
            settings.wechat_push_token,
            args.get("signature", ""),
            args.get("timestamp", ""),
            args.get("nonce", ""),
            args.get("echostr", ""),
        )
    except PushSignatureError:
        log.warning("push URL check with a bad signature from %s", request.remote_addr)
        raise ApiError(403, "invalid_signature") from None
    return _text(echostr)


@bp.post("/wechat/push")
def receive():
    """A pushed message: verify, decrypt, check freshness, parse, hand subscribe events over.

    Anything authentic is acknowledged, even when unreadable, so that WeChat does not retry
    a message that will never parse; a bad signature, a stale timestamp or a nonce used
    before is refused untouched (403, logged).
    """
    services = current_app.extensions["services"]
    config = services.settings
    window = config.push_max_age_minutes * 60
    args = request.args
    try:
        body = request.get_data(cache=False)
        token, aes_key = config.wechat_push_token, config.wechat_push_aes_key
        plaintext = open_message(body, args, token, aes_key, config.wechat_appid)
        check_fresh(args.get("timestamp", ""), time.time(), window)
        events = parse_events(plaintext)
    except PushReplayError as error:
        log.warning("push refused: %s (from %s)", error, request.remote_addr)
        raise ApiError(403, "push_replayed") from None
    except PushSignatureError as error:
        log.warning("push refused: %s (from %s)", error, request.remote_addr)
        raise ApiError(403, "invalid_signature") from None
    except PushFormatError as error:
        log.warning("push acknowledged but not understood: %s", error)
        return _text("success")
    # The signature binds timestamp and nonce: one capture replays only inside the window,
    # and this claim (kept a little longer than the window either side) stops that too.
    nonce = f"{args.get('timestamp', '')}:{args.get('nonce', '')}"
    if not services.replays.first_use("wechat-push", nonce, 2 * window + 60):
        log.warning("push refused: nonce used before (from %s)", request.remote_addr)
        raise ApiError(403, "push_replayed")
    if events:
        try:
            subscribe_events.handle_subscribe_events(services, events)
        except Exception as error:
            with contextlib.suppress(Exception):  # WeChat's retry may then succeed
                services.replays.forget("wechat-push", nonce)
            if is_store_unavailable(error):
                raise  # 503: WeChat retries later
            log.exception("handling %d subscribe event(s) failed", len(events))
    else:
        log.info("push acknowledged: not a subscribe event")
    return _text("success")
