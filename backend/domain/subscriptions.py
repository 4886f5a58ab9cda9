"""Subscribe-message consent: the popup's answers and the events the messenger pushes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# What the subscribe popup can answer per template.
ANSWERS = ("accept", "reject", "ban", "filter")


@dataclass(frozen=True)
class SubscribeEvent:
    """One item of a subscribe_msg_* push, normalised across JSON and XML."""

    kind: str  # popup | change | sent
    openid: str
    template_id: str
    status: str | None  # accept | reject (popup, change)
    error_code: int | None  # sent: 0 = delivered
    msg_id: str | None  # sent: the msgid subscribe/send returned
    create_time: int
    popup_scene: str | None  # popup: "0" = inside a mini-program page


class PushClaim(StrEnum):
    """Where a pushed message stands, by its nonce, when a request carrying it arrives."""

    FIRST = "first"  # never seen: this request applies it
    IN_PROGRESS = "in_progress"  # the same request is being applied by another one
    APPLIED = "applied"  # the same request was applied: a retry, acknowledge it
    OTHER = "other"  # a different request under the same nonce: a replay, refuse it
