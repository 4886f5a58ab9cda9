"""Apply subscribe-message events pushed by WeChat (popup, change, sent) to the ledger."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping

from backend.domain.subscriptions import SubscribeEvent
from backend.ports import CreditLedger, PushInbox, SeenPushes
from backend.services.auth import mask_openid

log = logging.getLogger(__name__)

# WeChat retries a push it thinks failed within seconds; a day covers any retry.
SEEN_SECONDS = 24 * 3600


class SubscribeEvents:
    """The push endpoint's use case: check the sender, read its events, credit the ledger."""

    def __init__(self, inbox: PushInbox, ledger: CreditLedger, seen: SeenPushes) -> None:
        self._inbox = inbox
        self._ledger = ledger
        self._seen = seen

    def verify_url(self, signature: str, timestamp: str, nonce: str, echostr: str) -> str:
        """The echo for the messenger's URL check; raises BadSignature when not signed by us."""
        return self._inbox.verify_url(signature, timestamp, nonce, echostr)

    def open(self, body: bytes, query: Mapping[str, str]) -> list[SubscribeEvent]:
        """The subscribe events of a push; raises BadSignature or MalformedPush."""
        return self._inbox.open(body, query)

    def apply(self, events: list[SubscribeEvent]) -> None:
        """Credit accepts, zero rejected templates, log failed deliveries; retries change
        nothing. The push must be answered within 5 s: only a few store calls here."""
        for event in events:
            if not self._seen.first_sighting(event.openid, _digest(event), SEEN_SECONDS):
                continue
            log.info(
                "subscribe event %s: openid %s template %s status %s error_code %s",
                event.kind,
                mask_openid(event.openid),
                event.template_id,
                event.status,
                event.error_code,
            )
            self._apply(event)

    def _apply(self, event: SubscribeEvent) -> None:
        if event.kind == "popup" and event.status in ("accept", "reject"):
            self._ledger.record_answer(event.openid, event.template_id, event.status, side="push")
        elif event.kind == "change" and event.status == "reject":
            self._ledger.cancel(event.openid, event.template_id)
        elif event.kind == "sent" and event.error_code:
            # WeChat accepted the send but could not deliver it; the credit stays spent
            # because WeChat counts it as used.
            log.warning("message %s was not delivered (error %s)", event.msg_id, event.error_code)


def _digest(event: SubscribeEvent) -> str:
    """The same exact event (kind, template, time, status and item) -> the same digest."""
    identity = "|".join(
        str(part)
        for part in (event.kind, event.template_id, event.create_time, event.status, event.msg_id)
    )
    return hashlib.sha256(identity.encode()).hexdigest()[:20]
