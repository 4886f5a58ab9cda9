"""Apply subscribe-message events pushed by WeChat (popup, change, sent) to the ledger."""

from __future__ import annotations

import hashlib
import logging
from typing import TYPE_CHECKING

from backend.adapters import redis_keys
from backend.adapters.wechat.push import SubscribeEvent
from backend.services.auth import mask_openid

if TYPE_CHECKING:
    from backend.bootstrap import Services

log = logging.getLogger(__name__)

# WeChat retries a push it thinks failed within seconds; a day covers any retry.
SEEN_SECONDS = 24 * 3600


def handle_subscribe_events(services: Services, events: list[SubscribeEvent]) -> None:
    """Credit accepts, zero rejected templates, log failed deliveries; retries change nothing.

    Called by POST /wechat/push, which must answer within 5 s: only a few Redis calls here.
    """
    for event in events:
        if not _first_time(services, event):
            continue
        log.info(
            "subscribe event %s: openid %s template %s status %s error_code %s",
            event.kind,
            mask_openid(event.openid),
            event.template_id,
            event.status,
            event.error_code,
        )
        _apply(services, event)


def _apply(services: Services, event: SubscribeEvent) -> None:
    ledger = services.subscriptions
    if event.kind == "popup" and event.status in ("accept", "reject"):
        ledger.record_answer(event.openid, event.template_id, event.status, side="push")
    elif event.kind == "change" and event.status == "reject":
        ledger.cancel(event.openid, event.template_id)
    elif event.kind == "sent" and event.msg_id:
        # Evidence that WeChat took a send: it settles the claim whose reply never came
        # back (the worker died, the connection broke), so nobody sends it again.
        settled = services.notification_log.settle_by_event(
            event.openid, event.template_id, event.msg_id
        )
        if settled:
            log.info("message %s settled by its sent event (%s)", event.msg_id, settled)
            services.metrics.credit_spent()
        if event.error_code:
            # Accepted, then not delivered; the credit stays spent: WeChat counts it used.
            log.warning("message %s was not delivered (error %s)", event.msg_id, event.error_code)


def _first_time(services: Services, event: SubscribeEvent) -> bool:
    """True the first time this exact event is seen (by kind, template, time and item)."""
    identity = "|".join(
        str(part)
        for part in (event.kind, event.template_id, event.create_time, event.status, event.msg_id)
    )
    digest = hashlib.sha256(identity.encode()).hexdigest()[:20]
    key = redis_keys.push_seen(event.openid)
    added = services.redis.sadd(key, digest)
    services.redis.expire(key, SEEN_SECONDS)
    return bool(added)
