"""What services report for operators, and the default that reports nowhere."""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

# message_sent codes beside the messenger's own: accepted, and no answer at all.
ACCEPTED, UNREACHABLE = "0", "unreachable"


class Refreshed(StrEnum):
    """How a refresh of a watched number went."""

    OK = "ok"
    FAILED = "failed"
    FROM_EVENT = "from_event"  # the carrier failed; a pushed scan told the news


class Retried(StrEnum):
    """What is tried again soon."""

    SEND = "send"
    REFRESH = "refresh"


class Metrics(Protocol):
    """What services and adapters report for operators (Prometheus in production)."""

    # One carrier call: outcome (HTTP status, timeout, error, paused), its seconds, and which
    # API it went to (track, locator).
    def carrier_call(self, outcome: str, seconds: float, api: str = "track") -> None: ...
    # One message send: ACCEPTED, else the messenger's code (UNREACHABLE: no answer).
    def message_sent(self, code: str) -> None: ...
    # The messenger accepted a message; seconds from the parcel's scan to that moment.
    def notified(self, delay_seconds: float | None) -> None: ...
    def credit_spent(self) -> None: ...  # a credit went on a message that went out
    def refreshed(self, outcome: Refreshed) -> None: ...
    def retry(self, kind: Retried) -> None: ...
    def superseded(self, count: int) -> None: ...  # changes overtaken before being told
    def no_credit(self) -> None: ...  # a watcher not told of a change: no credit left


class NullMetrics:
    """Metrics that go nowhere: the default when nobody watches."""

    def carrier_call(self, outcome: str, seconds: float, api: str = "track") -> None: ...
    def message_sent(self, code: str) -> None: ...
    def notified(self, delay_seconds: float | None) -> None: ...
    def credit_spent(self) -> None: ...
    def refreshed(self, outcome: Refreshed) -> None: ...
    def retry(self, kind: Retried) -> None: ...
    def superseded(self, count: int) -> None: ...
    def no_credit(self) -> None: ...
