"""Ports of messaging: credits, templates, the send log, the messenger and its pushes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from backend.domain.consent import PushClaim, SubscribeEvent
from backend.domain.notices import Notice
from backend.domain.sends import Claim, SendRecord


class CreditLedger(Protocol):
    """Subscribe-message credits per (user, template), answers and per-parcel reservations."""

    def record_answer(self, openid: str, template_id: str, answer: str, side: str) -> None: ...
    def cancel(self, openid: str, template_id: str) -> None: ...
    def credits(self, openid: str) -> dict[str, int]: ...
    def answers(self, openid: str) -> dict[str, str]: ...
    def reserve(self, openid: str, template_id: str, number: str) -> None: ...
    def reserved(self, openid: str) -> dict[str, list[str]]: ...
    def release(self, openid: str, template_id: str, number: str) -> None: ...
    def set_language(self, openid: str, lang: str) -> None: ...
    def language(self, openid: str) -> str: ...


class TemplateSwitch(Protocol):
    """Template ids the messenger called invalid: not offered, not used, for a while."""

    def add(self, template_id: str) -> None: ...
    def __contains__(self, template_id: object) -> bool: ...
    def ids(self) -> set[str]: ...


class NotificationLog(Protocol):
    """Exactly-once sends, settled by evidence: `claim` answers a Claim (only CLAIMED may
    send). complete (the reply's msgid) and settle_by_event (the messenger's delivery
    report) each settle a claim once and spend its credit once."""

    def claim(self, openid: str, number: str, change_id: str, template_id: str) -> Claim: ...
    def complete(self, openid: str, number: str, change_id: str, template_id: str,
                 msgid: str) -> bool: ...  # fmt: skip
    def settle_by_event(self, openid: str, template_id: str, msgid: str) -> str | None: ...
    def awaiting_evidence(self, openid: str, number: str, change_id: str) -> None: ...
    def release(self, openid: str, number: str, change_id: str) -> None: ...
    def mark(self, openid: str, number: str, change_id: str, record: SendRecord) -> None: ...
    def state(self, openid: str, number: str, change_id: str) -> SendRecord | None: ...
    def unread(self, openid: str, number: str) -> list[str]: ...
    def history(self, openid: str) -> dict[str, SendRecord]:
        """Every recorded change of the user: "<number>:<change id>" -> its record."""
        ...


class MessageTemplate(Protocol):
    """A configured message template: which event it serves; its keywords are the
    messenger's business."""

    @property
    def id(self) -> str: ...
    @property
    def event(self) -> str: ...
    @property
    def title(self) -> str: ...


class Messenger(Protocol):
    """Sends a notice with a template; returns its msgid or raises a domain MessengerError.

    `fits` says whether the template can carry the notice at all (every keyword gets a value
    the messaging service accepts); a notice is only ever sent with a template that fits.
    """

    def fits(self, template: MessageTemplate, notice: Notice) -> bool: ...
    def send_notice(self, openid: str, template: MessageTemplate, notice: Notice, page: str,
                    state: str) -> str: ...  # fmt: skip


class PushInbox(Protocol):
    """Messenger pushes: URL check and signed messages (BadSignature, MalformedPush)."""

    def verify_url(self, signature: str, timestamp: str, nonce: str, echostr: str) -> str: ...
    def open(self, body: bytes, query: Mapping[str, str]) -> list[SubscribeEvent]: ...


class SeenPushes(Protocol):
    """Remembers pushed events for a while, so a retried push changes nothing."""

    def first_sighting(self, openid: str, digest: str, ttl_seconds: int) -> bool: ...


class NonceRegistry(Protocol):
    """The nonces of pushed messages, each with the fingerprint of the request that brought
    it and whether that request was applied: a captured push works once, and the sender's
    own retry of it (the same request) can be told apart and acknowledged.

    `claim` is atomic across processes: FIRST for exactly one request, held for
    `lease_seconds` (a claimant that dies frees it); `settle` marks it applied for
    `ttl_seconds`; `forget` frees a claim whose request could not be applied.
    """

    def claim(
        self, scope: str, nonce: str, fingerprint: str, lease_seconds: float
    ) -> PushClaim: ...
    def settle(self, scope: str, nonce: str, fingerprint: str, ttl_seconds: float) -> None: ...
    def forget(self, scope: str, nonce: str, fingerprint: str) -> None: ...
