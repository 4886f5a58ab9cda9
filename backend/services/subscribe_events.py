"""Hand-off point for subscribe-message events pushed by WeChat (popup, change, sent)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from backend.adapters.wechat.push import SubscribeEvent
from backend.services.auth import mask_openid

if TYPE_CHECKING:
    from backend.bootstrap import Services

log = logging.getLogger(__name__)


def handle_subscribe_events(services: Services, events: list[SubscribeEvent]) -> None:
    """Act on the subscribe events of one push. Called by POST /wechat/push.

    The notifications feature fills this in (wechat.md §3.4): popup+accept adds one credit
    for (openid, template); change+reject zeroes it; sent with error_code != 0 may restore
    the credit spent on msg_id. Rules for whoever does:
    - WeChat retries a push it thinks failed, so the same event can arrive again: make the
      effect idempotent (e.g. remember openid+template+create_time, or msg_id).
    - The push must answer within 5 s; keep this to a few Redis calls, no WeChat calls.
    - Exceptions are logged by the caller and the push is still acknowledged.
    For now it only logs each event (no secrets, openid masked) and stores nothing.
    """
    for event in events:
        log.info(
            "subscribe event %s: openid %s template %s status %s error_code %s msg_id %s",
            event.kind,
            mask_openid(event.openid),
            event.template_id,
            event.status,
            event.error_code,
            event.msg_id,
        )
