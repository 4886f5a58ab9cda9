"""Notify each watcher of a status change: one message per change, spent on what matters."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

from backend.domain.errors import (
    DeliveryUnknown,
    MessengerError,
    RecipientWithoutCredit,
    TemplateInvalid,
)
from backend.domain.model import Shipment, event_moment
from backend.domain.moments import carriers, is_critical, spare
from backend.domain.notices import Notice, notice_for
from backend.domain.sends import Claim, Outcome, SendRecord, SendState
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
from backend.ports.metrics import ACCEPTED, UNREACHABLE, Retried

log = logging.getLogger(__name__)

CHINA = timezone(timedelta(hours=8))
# Statuses a person may need to act on today: never held back by quiet hours.
URGENT = {
    Status.DELIVERED, Status.OUT_FOR_DELIVERY, Status.DELIVERY_ATTEMPTED, Status.EXCEPTION,
    Status.AWAITING_RECEIVER, Status.READY_FOR_PICKUP,
}  # fmt: skip
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


def events_for(moment: Status | str) -> tuple[str, ...]:
    """Template events that may carry `moment`, best first (routine scans: status change)."""
    return carriers(moment)


class Notifier:
    """Sends subscribe messages through `messenger` with the ledger's credits."""

    def __init__(
        self,
        messenger: Messenger,
        templates: Sequence[MessageTemplate],
        ledger: CreditLedger,
        log_store: NotificationLog,
        quiet: QuietHours | None = None,
        miniprogram_state: str = "formal",
        disabled: TemplateSwitch | None = None,
        metrics: Metrics | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._messenger = messenger
        self._templates = templates
        self._ledger = ledger
        self._log = log_store
        self._quiet = quiet or QuietHours(0, 0)
        self._state = miniprogram_state
        # Template ids the messenger called invalid; a plain set when nothing shares them.
        self._disabled: TemplateSwitch | set[str] = disabled if disabled is not None else set()
        self._metrics = metrics or NullMetrics()
        self._sleep = sleep

    def notify(
        self,
        openid: str,
        change: StatusChange,
        shipment: Shipment,
        nickname: str | None,
        now: datetime | None = None,
    ) -> Outcome:
        """Sent, duplicate, unread, held, retry (busy or awaiting evidence: try again soon)
        or failed."""
        now = now or datetime.now(UTC)
        # A reminder can wait for the morning; news the user may act on today cannot.
        urgent = change.current in URGENT and not change.kind
        if not urgent and self._quiet.active(now):
            return Outcome.HELD
        record = self._log.state(openid, change.number, change.change_id)
        if record is not None and record.settled:  # told already (a change kept pending)
            return Outcome.DUPLICATE
        notice = notice_for(change, shipment, nickname, self._ledger.language(openid))
        # A template whose keywords cannot carry this notice gives way to the next one.
        fitting = (t for t in self._choose(openid, change) if self._messenger.fits(t, notice))
        template = next(fitting, None)
        if template is None:
            self._log.mark(openid, change.number, change.change_id, SendRecord(SendState.UNREAD))
            self._metrics.no_credit()
            return Outcome.UNREAD
        claim = self._claim(openid, change, template)
        if claim in (Claim.TEMPLATE_BUSY, Claim.IN_FLIGHT):  # awaiting a reply or a report
            return Outcome.RETRY
        if claim is not Claim.CLAIMED:
            return Outcome.DUPLICATE if claim is Claim.SETTLED else Outcome.UNREAD
        return self._send(openid, template, change, notice)

    def _claim(self, openid: str, change: StatusChange, template: MessageTemplate) -> Claim:
        for _ in range(BUSY_TRIES):
            claim = self._log.claim(openid, change.number, change.change_id, template.id)
            if claim is not Claim.TEMPLATE_BUSY:
                return claim
            self._sleep(BUSY_WAIT_SECONDS)
        return claim

    def _choose(self, openid: str, change: StatusChange) -> list[MessageTemplate]:
        """Templates the user has a spare credit for, best first (invalid ones skipped).

        A critical moment may use any template that can carry it; a routine scan only a
        status-change credit, and never the last one unless it was tapped for this parcel.
        """
        credits = self._ledger.credits(openid)
        reserved = self._ledger.reserved(openid)
        moment = change.moment
        critical = is_critical(moment)
        found = []
        for event in events_for(moment):
            for template in (t for t in self._templates if t.event == event):
                if template.id in self._disabled:
                    continue
                mine = change.number in reserved.get(template.id, [])
                left = spare(credits, reserved, template.id, change.number)
                if left > (0 if critical or mine else 1):
                    found.append(template)
        return found

    def _send(
        self, openid: str, template: MessageTemplate, change: StatusChange, notice: Notice
    ) -> Outcome:
        # from=message: the detail page offers renewing the notifications it just spent.
        page = f"pages/detail/index?number={change.number}&from=message"
        try:
            msgid = self._messenger.send_notice(openid, template, notice, page, self._state)
        except MessengerError as error:
            code = UNREACHABLE if isinstance(error, DeliveryUnknown) else error.detail
            self._metrics.message_sent(code)
            return self._refused(openid, template, change, error)
        self._metrics.message_sent(ACCEPTED)
        self._metrics.notified(_delay(change.event_time, time.time()))
        if self._log.complete(openid, change.number, change.change_id, template.id, str(msgid)):
            self._metrics.credit_spent()
        else:
            log.info("message %s was already settled by its delivery report", msgid)
        self._ledger.release(openid, template.id, change.number)
        return Outcome.SENT

    def _refused(
        self, openid: str, template: MessageTemplate, change: StatusChange, error: MessengerError
    ) -> Outcome:
        number, change_id = change.number, change.change_id
        if isinstance(error, RecipientWithoutCredit):
            self._ledger.cancel(openid, template.id)
            self._log.mark(openid, number, change_id, SendRecord(SendState.UNREAD))
            return Outcome.UNREAD
        if isinstance(error, DeliveryUnknown):
            # It may have gone out: the delivery report (or a deadline without one) decides.
            log.warning("message outcome unknown (%s); awaiting evidence", error.detail)
            self._log.awaiting_evidence(openid, number, change_id)
            self._metrics.retry(Retried.SEND)
            return Outcome.RETRY
        if error.transient:  # busy, throttled, token trouble: refused, so not sent
            self._log.release(openid, number, change_id)
            log.info("message refused for now (%s); retrying soon", error.detail)
            self._metrics.retry(Retried.SEND)
            return Outcome.RETRY
        if isinstance(error, TemplateInvalid):
            # Wrong for this app (deleted, or another app's): every send would fail the
            # same way, so stop using it and say so loudly until it is fixed.
            self._disabled.add(template.id)
            log.error("template %s disabled: the messenger says the id is invalid", template.id)
        log.error("subscribe message to template %s rejected: %s", template.id, error)
        self._log.mark(openid, number, change_id, SendRecord(SendState.FAILED, error.detail))
        return Outcome.FAILED


def _delay(event_time: str, now: float) -> float | None:
    """Seconds from the scan to now; None when the scan's time is unknown."""
    moment = event_moment(event_time) if event_time else None
    return None if moment is None else now - moment.timestamp()
