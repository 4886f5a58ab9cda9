"""Subscribe-message consent: the popup's answers and the events the messenger pushes.

The popup answers more than WeChat's reference lists (accept, reject, ban, filter): a user
who turned on 强提醒 gets "acceptWithAlert" or "acceptWithForcePush", voice reminders give
"acceptWithAudio". A WeChat community specialist confirmed that acceptWithAlert and
acceptWithForcePush are acceptances with strong reminders (developers.weixin.qq.com/
community/develop/doc/000688a17e8448fdde819bcf567000, 2024-05-20); developers asked what
'acceptWithAlert' means because the reference never lists it (developers.weixin.qq.com/
community/personal/oCJUsw2CIn11jtQbT6oeLb0S3u14/question, 2022-03-25); WeChat's own
mini-game code names the setting ACCEPT_WITH_FORCE_PUSH: "acceptWithForcePush"; public
backends that read push events count accept/acceptWithAudio/acceptWithAlert as subscribed.
So every answer beginning with "accept" (and any later variant) is an acceptance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

# The popup's documented answers; every accept* variant counts as "accept".
ANSWERS = ("accept", "reject", "ban", "filter")
# The undocumented acceptances seen in the field (tests go over each of them).
ACCEPT_VARIANTS = ("accept", "acceptWithAlert", "acceptWithForcePush", "acceptWithAudio")
# Every answer the popup gives: accept and any acceptWith… variant, reject, ban, filter.
POPUP_ANSWER = re.compile(r"^(accept(With[A-Z][A-Za-z]{0,30})?|reject|ban|filter)$")


def is_acceptance(answer: object) -> bool:
    """True for "accept" and every "acceptWith…" variant WeChat gives or may add."""
    return isinstance(answer, str) and answer.startswith("accept")


def answer_kind(answer: object) -> str | None:
    """ "accept" for any acceptance, "reject" for a refusal, None for other answers."""
    if is_acceptance(answer):
        return "accept"
    return "reject" if answer == "reject" else None


@dataclass(frozen=True)
class SubscribeEvent:
    """One item of a subscribe_msg_* push, normalised across JSON and XML."""

    kind: str  # popup | change | sent
    openid: str
    template_id: str
    status: str | None  # accept | reject (popup, change): every accept* variant is "accept"
    error_code: int | None  # sent: 0 = delivered
    msg_id: str | None  # sent: the msgid subscribe/send returned
    create_time: int
    popup_scene: str | None  # popup: "0" = inside a mini-program page
    # The answer exactly as pushed ("acceptWithAlert"); two items saying the same differ
    # only in wording, so it takes no part in comparisons.
    raw_status: str | None = field(default=None, compare=False)


class PushClaim(StrEnum):
    """Where a pushed message stands, by its nonce, when a request carrying it arrives."""

    FIRST = "first"  # never seen: this request applies it
    IN_PROGRESS = "in_progress"  # the same request is being applied by another one
    APPLIED = "applied"  # the same request was applied: a retry, acknowledge it
    OTHER = "other"  # a different request under the same nonce: a replay, refuse it
