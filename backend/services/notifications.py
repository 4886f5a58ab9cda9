"""Notify each watcher of a status change: one message per change, spent on what matters."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

from backend.domain.errors import (
    DeliveryUnknown,
    MessengerError,
    RecipientUnsubscribed,
    TemplateInvalid,
)
from backend.domain.model import Shipment, event_moment
from backend.domain.notices import notice_for
from backend.domain.statuses import Status
from backend.domain.tracking import StatusChange
from backend.ports import (
    CreditLedger,
    MessageTemplate,
    Messenger,
    Metrics,
    NotificationLog,
    NullMetrics,
    TemplateSwitch,
)

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


# Outcomes after which the change stays pending and the number is revisited soon.
RETRY_LATER = frozenset({"held", "retry"})
# Another send to the same user and template is in flight: it settles within a round trip,
# so wait for it here (up to about two seconds) rather than come back seconds later.
BUSY_WAIT_SECONDS, BUSY_TRIES = 0.05, 40


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
        messenger: Messenger,
        templates: list[MessageTemplate],
        subscriptions: CreditLedger,
        log_store: NotificationLog,
        quiet: QuietHours | None = None,
        miniprogram_state: str = "formal",
        disabled: TemplateSwitch | None = None,
        metrics: Metrics | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._messenger = messenger
        self._templates = templates
        self._subscriptions = subscriptions
        self._log = log_store
        self._quiet = quiet or QuietHours(0, 0)
        self._state = miniprogram_state
        # Template ids the messenger called invalid; a plain set when nothing shares them.
        self._disabled: TemplateSwitch | set[str] = disabled if disabled is not None else set()
        self._metrics = metrics or NullMetrics()
        self._sleep = sleep

    def notify(self, openid: str, change: StatusChange, shipment: Shipment, nickname: str | None,
               now: datetime | None = None) -> str:  # fmt: skip
        """Outcome: sent, duplicate, unread, held, retry (busy or awaiting evidence: try
        again soon), skipped or failed."""
        now = now or datetime.now(UTC)
        if change.current not in URGENT and self._quiet.active(now):
            return "held"
        settled = self._log.state(openid, change.number, change.change_id) or ""
        if settled.startswith(("sent:", "failed:")):  # told already (a change kept pending)
            return "duplicate"
        notice = notice_for(change, shipment, nickname, self._subscriptions.language(openid))
        # A template whose keywords cannot carry this notice gives way to the next one.
        fitting = (t for t in self._choose(openid, change) if self._messenger.fits(t, notice))
        template = next(fitting, None)
        if template is None:
            self._log.mark(openid, change.number, change.change_id, "unread")
            self._metrics.no_credit()
            return "unread"
        claim = self._claim(openid, change, template)
        if claim in (2, 3):  # a send awaits its reply or the messenger's delivery report
            return "retry"
        if claim != 1:
            return "duplicate" if claim == 0 else "unread"
        return self._send(openid, template, change, notice)

    def _claim(self, openid: str, change: StatusChange, template: MessageTemplate) -> int:
        for _ in range(BUSY_TRIES):
            claim = self._log.claim(openid, change.number, change.change_id, template.id)
            if claim != 2:
                return claim
            self._sleep(BUSY_WAIT_SECONDS)
        return claim

    def _choose(self, openid: str, change: StatusChange) -> list[MessageTemplate]:
        """Templates the user has a spare credit for, best first (invalid ones skipped)."""
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

    def _send(self, openid, template, change, notice) -> str:
        page = f"pages/detail/index?number={change.number}"
        try:
            msgid = self._messenger.send_notice(openid, template, notice, page, self._state)
        except MessengerError as error:
            code = "unreachable" if isinstance(error, DeliveryUnknown) else error.detail
            self._metrics.message_sent(code)
            return self._refused(openid, template, change, error)
        self._metrics.message_sent("0")
        self._metrics.notified(_delay(change.event_time, time.time()))
        if self._log.complete(openid, change.number, change.change_id, template.id, str(msgid)):
            self._metrics.credit_spent()
        else:
            log.info("message %s was already settled by its delivery report", msgid)
        self._subscriptions.release(openid, template.id, change.number)
        return "sent"

    def _refused(self, openid: str, template: MessageTemplate, change: StatusChange,
                 error: MessengerError) -> str:  # fmt: skip
        number, change_id = change.number, change.change_id
        if isinstance(error, RecipientUnsubscribed):
            self._subscriptions.cancel(openid, template.id)
            self._log.mark(openid, number, change_id, "unread")
            return "unread"
        if isinstance(error, DeliveryUnknown):
            # It may have gone out: the delivery report (or a deadline without one) decides.
            log.warning("message outcome unknown (%s); awaiting evidence", error.detail)
            self._log.awaiting_evidence(openid, number, change_id)
            self._metrics.retry("send")
            return "retry"
        if error.transient:  # busy, throttled, token trouble: refused, so not sent
            self._log.release(openid, number, change_id)
            log.info("message refused for now (%s); retrying soon", error.detail)
            self._metrics.retry("send")
            return "retry"
        if isinstance(error, TemplateInvalid):
            # Wrong for this app (deleted, or another app's): every send would fail the
            # same way, so stop using it and say so loudly until it is fixed.
            self._disabled.add(template.id)
            log.error("template %s disabled: the messenger says the id is invalid", template.id)
        log.error("subscribe message to template %s rejected: %s", template.id, error)
        self._log.mark(openid, number, change_id, f"failed:{error.detail}")
        return "failed"


def _delay(event_time: str, now: float) -> float | None:
    """Seconds from the scan to now; None when the scan's time is unknown."""
    moment = event_moment(event_time) if event_time else None
    return None if moment is None else now - moment.timestamp()
