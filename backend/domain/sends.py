"""The words of telling watchers about a change: what became of one send, what a claim on
the notification log answered, what the log holds per change, and a slice of a large
fan-out handed to a follow-up job. docs/architecture.md, "The life of a notification"."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum


class Outcome(StrEnum):
    """What became of one watcher and one change in one attempt."""

    SENT = "sent"  # the messenger accepted the message (a credit went on it)
    DUPLICATE = "duplicate"  # this user was told this change already
    UNREAD = "unread"  # no credit or no fitting template: recorded, not sent
    HELD = "held"  # quiet hours: kept for the morning
    RETRY = "retry"  # busy, throttled or awaiting evidence: tried again soon
    SKIPPED = "skipped"  # the user stopped watching meanwhile
    FAILED = "failed"  # the messenger refused this message for good
    SLICED = "sliced"  # the rest of the audience went to follow-up jobs


# Outcomes after which the change stays pending and the number is revisited soon.
RETRY_LATER = frozenset({Outcome.HELD, Outcome.RETRY})


class Claim(IntEnum):
    """The notification log's answer to "may I send this change to this user now?"."""

    NO_CREDIT = -1  # none left for the template: the change is recorded unread
    SETTLED = 0  # sent or failed already: never again
    CLAIMED = 1  # yours: send it
    TEMPLATE_BUSY = 2  # another send of this template to this user awaits its evidence
    IN_FLIGHT = 3  # this very send awaits its reply or the messenger's delivery report


class SendState(StrEnum):
    """Where one (user, change) stands in the notification log."""

    SENDING = "sending"  # claimed; detail: the deadline (epoch seconds) for its evidence
    SENT = "sent"  # detail: the messenger's msgid
    FAILED = "failed"  # detail: the messenger's error code
    UNREAD = "unread"
    HELD = "held"


@dataclass(frozen=True)
class SendRecord:
    """One entry of the notification log: a state and what it carries."""

    state: SendState
    detail: str = ""

    @property
    def settled(self) -> bool:
        """Told for good (sent) or never to be tried again (failed)."""
        return self.state in (SendState.SENT, SendState.FAILED)

    def __str__(self) -> str:
        return f"{self.state}:{self.detail}" if self.detail else str(self.state)

    @classmethod
    def parse(cls, text: str) -> SendRecord:
        """The record `str(record)` wrote; an unknown state reads as unread (never lost)."""
        state, _, detail = text.partition(":")
        try:
            return cls(SendState(state), detail)
        except ValueError:
            return cls(SendState.UNREAD, text)


@dataclass(frozen=True)
class FanoutSlice:
    """Slice `index` of round `round_id` of one change's split fan-out, and its audience."""

    number: str
    change_id: str
    round_id: str
    index: int
    openids: tuple[str, ...] = ()
