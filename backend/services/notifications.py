"""Notify each watcher of a status change: one message per change, spent on what matters."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Protocol

from backend.adapters.notification_log import NotificationLog
from backend.adapters.subscription_store import SubscriptionStore
from backend.adapters.wechat.errors import NotSubscribedError, WeChatError
from backend.domain.message_data import build_data
from backend.domain.model import Shipment
from backend.domain.statuses import Status
from backend.domain.templates import Template
from backend.domain.tracking import StatusChange

log = logging.getLogger(__name__)

CHINA = timezone(timedelta(hours=8))
# Statuses a person may need to act on today: never held back by quiet hours.
URGENT = {
    Status.DELIVERED, Status.OUT_FOR_DELIVERY, Status.DELIVERY_ATTEMPTED, Status.EXCEPTION,
    Status.AWAITING_RECEIVER, Status.READY_FOR_PICKUP,
}  # fmt: skip
# Which template event serves which status, most specific first.
EVENTS_FOR: dict[Status, tuple[str, ...]] = {
    Status.DELIVERED: ("delivered", "status_change"),
    Status.OUT_FOR_DELIVERY: ("out_for_delivery", "status_change"),
}
ATTENTION = {
    Status.DELIVERY_ATTEMPTED, Status.EXCEPTION, Status.AWAITING_RECEIVER,
    Status.CLEARANCE_IN_PROGRESS, Status.READY_FOR_PICKUP, Status.RETURNED_TO_SENDER,
}  # fmt: skip


# Our language codes -> WeChat's `lang` for "进入小程序查看".
WECHAT_LANGS = {"zh": "zh_CN", "en": "en_US"}


class DisabledSet(Protocol):
    """Template ids not to use any more (shared by every process in production)."""

    def add(self, template_id: str) -> None: ...

    def __contains__(self, template_id: object) -> bool: ...


class TransientSendError(Exception):
    """WeChat could not take the message now; the refresh job will be retried."""


@dataclass(frozen=True)
class QuietHours:
    """Hours (China time) during which non-urgent messages wait; start == end disables."""

    start: int = 22
    end: int = 8

    def active(self, now: datetime) -> bool:
        if self.start == self.end:
            return False
        hour = now.astimezone(CHINA).hour
        return (
            hour >= self.start or hour < self.end
            if self.start > self.end
            else (self.start <= hour < self.end)
        )


def events_for(status: Status) -> tuple[str, ...]:
    if status in EVENTS_FOR:
        return EVENTS_FOR[status]
    return ("attention", "status_change") if status in ATTENTION else ("status_change",)


class Notifier:
    """Sends subscribe messages through `messenger` with the ledger's credits."""

    def __init__(
        self,
        messenger,
        templates: list[Template],
        subscriptions: SubscriptionStore,
        log_store: NotificationLog,
        quiet: QuietHours | None = None,
        miniprogram_state: str = "formal",
        language_of: Callable[[str], str] = lambda openid: "zh",
        disabled: DisabledSet | None = None,
    ) -> None:
        self._messenger = messenger
        self._templates = templates
        self._subscriptions = subscriptions
        self._log = log_store
        self._quiet = quiet or QuietHours(0, 0)
        self._state = miniprogram_state
        self._language_of = language_of  # the user's mini-program language: "zh" or "en"
        self._disabled = disabled if disabled is not None else set()  # template ids WeChat refused

    def notify(self, openid: str, change: StatusChange, shipment: Shipment, nickname: str | None,
               now: datetime | None = None) -> str:  # fmt: skip
        """Outcome: sent, duplicate, unread, held, skipped or failed."""
        now = now or datetime.now(UTC)
        if change.current not in URGENT and self._quiet.active(now):
            return "held"
        lang = self._language_of(openid)
        usable = [
            (template, data)
            for template in self._choose(openid, change)
            if (data := build_data(template, change, shipment, nickname, lang)) is not None
        ]
        if not usable:
            self._log.mark(openid, change.number, change.change_id, "unread")
            return "unread"
        template, data = usable[0]
        claim = self._log.claim(openid, change.number, change.change_id, template.id)
        if claim != 1:
            return "duplicate" if claim == 0 else "unread"
        return self._send(openid, template, change, data, lang)

    def _choose(self, openid: str, change: StatusChange) -> list[Template]:
        """Templates the user has a spare credit for, best first (WeChat-refused ones skipped)."""
        credits = self._subscriptions.credits(openid)
        reserved = self._subscriptions.reserved(openid)
        found = []
        for event in events_for(change.current):
            for template in (t for t in self._templates if t.event == event):
                if template.id in self._disabled:
                    continue
                mine = change.number in reserved.get(template.id, [])
                others = len([n for n in reserved.get(template.id, []) if n != change.number])
                spare = credits.get(template.id, 0) - (0 if mine else others)
                # A minor hop keeps the last credit for something that matters more.
                if spare > (0 if change.notable or mine else 1):
                    found.append(template)
        return found

    def _send(self, openid, template, change, data, lang) -> str:
        page = f"pages/detail/index?number={change.number}"
        try:
            msgid = self._messenger.send_subscribe_message(
                openid, template.id, data, page=page, state=self._state,
                lang=WECHAT_LANGS.get(lang, "zh_CN"),
            )  # fmt: skip
        except NotSubscribedError:
            self._subscriptions.cancel(openid, template.id)
            self._log.mark(openid, change.number, change.change_id, "unread")
            return "unread"
        except WeChatError as error:
            if _is_transient(error):
                self._log.release(openid, change.number, change.change_id)
                raise TransientSendError(str(error)) from error
            if error.errcode == 40037:
                # The id is wrong for this app (deleted, or another app's): every send would
                # fail the same way, so stop using it and say so loudly until it is fixed.
                self._disabled.add(template.id)
                log.error(
                    "template %s disabled: WeChat says the id is invalid (40037)", template.id
                )
            log.error("subscribe message to template %s rejected: %s", template.id, error)
            self._log.mark(openid, change.number, change.change_id, f"failed:{error.errcode}")
            return "failed"
        self._log.complete(openid, change.number, change.change_id, template.id, str(msgid))
        self._subscriptions.release(openid, template.id, change.number)
        return "sent"


def _is_transient(error: WeChatError) -> bool:
    # Busy, rate-limited, network and token trouble pass; bad data or templates do not.
    return error.errcode in (None, -1, 45009, 45011, 40001, 40014, 42001)
