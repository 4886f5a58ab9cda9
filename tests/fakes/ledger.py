"""Fakes of the credit ledger, the notification log (which spends its credits) and the
seen-push memory, with the real scripts' rules."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from backend import ports
from backend.domain.consent import PushClaim
from backend.domain.sends import Claim, SendRecord, SendState


class FakeCreditLedger:
    """Credits per (user, template); a client report and its push of one accept pair up."""

    def __init__(self) -> None:
        self.credit: dict[str, dict[str, int]] = defaultdict(dict)
        self._answers: dict[str, dict[str, str]] = defaultdict(dict)
        self._unmatched: dict[tuple[str, str, str], int] = defaultdict(int)
        self._reserved: dict[str, dict[str, list[str]]] = defaultdict(dict)
        self._langs: dict[str, str] = {}

    def record_answer(self, openid: str, template_id: str, answer: str, side: str) -> None:
        self._answers[openid][template_id] = answer
        if not answer.startswith("accept"):
            return
        other = (openid, template_id, "push" if side == "client" else "client")
        if self._unmatched[other] > 0:  # the other side already counted this accept
            self._unmatched[other] -= 1
            return
        self._unmatched[(openid, template_id, side)] += 1
        self.credit[openid][template_id] = self.credit[openid].get(template_id, 0) + 1

    def cancel(self, openid: str, template_id: str) -> None:
        self.credit[openid][template_id] = 0
        self._answers[openid][template_id] = "reject"

    def credits(self, openid: str) -> dict[str, int]:
        return dict(self.credit[openid])

    def answers(self, openid: str) -> dict[str, str]:
        return dict(self._answers[openid])

    def reserve(self, openid: str, template_id: str, number: str) -> None:
        self._reserved[openid].setdefault(template_id, []).append(number)

    def reserved(self, openid: str) -> dict[str, list[str]]:
        return {t: list(numbers) for t, numbers in self._reserved[openid].items()}

    def release(self, openid: str, template_id: str, number: str) -> None:
        numbers = self._reserved[openid].get(template_id, [])
        if number in numbers:
            numbers.remove(number)

    def set_language(self, openid: str, lang: str) -> None:
        self._langs[openid] = lang

    def language(self, openid: str) -> str:
        return "en" if self._langs.get(openid) == "en" else "zh"

    def forget_user(self, openid: str) -> None:
        for per_user in (self.credit, self._answers, self._reserved, self._langs):
            per_user.pop(openid, None)
        self._unmatched = defaultdict(
            int, {k: v for k, v in self._unmatched.items() if k[0] != openid}
        )


class FakePersonalRecords:
    """Erases a user from the fakes that hold per-user data, as the Redis adapter deletes
    their keys: the ledger, the notification log and the sessions."""

    def __init__(self, *holders: Any) -> None:
        self._holders = holders

    def erase(self, openid: str) -> None:
        for holder in self._holders:
            holder.forget_user(openid)


class FakeTemplateSwitch:
    """Template ids switched off, kept for the test's lifetime."""

    def __init__(self) -> None:
        self.off: set[str] = set()

    def add(self, template_id: str) -> None:
        self.off.add(template_id)

    def __contains__(self, template_id: object) -> bool:
        return template_id in self.off

    def ids(self) -> set[str]:
        return set(self.off)


class FakeNotificationLog:
    """Per-user states: sending:<deadline>, sent:<msgid>, failed:<code>, unread, held; one
    send in flight per (user, template), settled by its reply or its delivery report."""

    def __init__(
        self, ledger: FakeCreditLedger, lease_seconds: int = 120, clock: Callable = time.time
    ) -> None:
        self.states: dict[tuple[str, str, str], str] = {}
        self.inflight: dict[tuple[str, str], tuple[str, str]] = {}  # (openid, tpl) -> claim
        self.settled_msgids: set[tuple[str, str]] = set()
        self._ledger = ledger
        self._lease = lease_seconds
        self._clock = clock

    def _open(self, key: tuple[str, str, str], now: int) -> bool:
        state = self.states.get(key, "")
        return state.startswith("sending:") and int(state.split(":")[1]) > now

    def claim(self, openid: str, number: str, change_id: str, template_id: str) -> Claim:
        now, key = int(self._clock()), (openid, number, change_id)
        state = self.states.get(key, "")
        if state.startswith(("sent:", "failed:")):
            return Claim.SETTLED
        if self._open(key, now):
            return Claim.IN_FLIGHT
        busy = self.inflight.get((openid, template_id))
        if busy and busy != (number, change_id) and self._open((openid, *busy), now):
            return Claim.TEMPLATE_BUSY
        if self._ledger.credit[openid].get(template_id, 0) <= 0:
            self.mark(openid, number, change_id, SendRecord(SendState.UNREAD))
            return Claim.NO_CREDIT
        self.states[key] = f"sending:{now + self._lease}"
        self.inflight[(openid, template_id)] = (number, change_id)
        return Claim.CLAIMED

    def complete(self, openid: str, number: str, change_id: str, template_id: str,
                 msgid: str) -> bool:  # fmt: skip
        self.settled_msgids.add((openid, msgid))
        key = (openid, number, change_id)
        if self.states.get(key, "").startswith("sent:"):
            return False
        self.states[key] = f"sent:{msgid}"
        credits = self._ledger.credit[openid]
        if credits.get(template_id, 0) > 0:
            credits[template_id] -= 1
        self._clear(openid, number, change_id)
        return True

    def settle_by_event(self, openid: str, template_id: str, msgid: str) -> str | None:
        if (openid, msgid) in self.settled_msgids:
            return None
        claim = self.inflight.get((openid, template_id))
        if claim is None or not self.states.get((openid, *claim), "").startswith("sending:"):
            return None
        self.complete(openid, *claim, template_id, msgid)
        return f"{claim[0]}:{claim[1]}"

    def awaiting_evidence(self, openid: str, number: str, change_id: str) -> None:
        key = (openid, number, change_id)
        if self.states.get(key, "").startswith("sending:"):
            self.states[key] = f"sending:{int(self._clock()) + self._lease}"

    def release(self, openid: str, number: str, change_id: str) -> None:
        self.states.pop((openid, number, change_id), None)
        self._clear(openid, number, change_id)

    def mark(self, openid: str, number: str, change_id: str, record: SendRecord) -> None:
        self.states[(openid, number, change_id)] = str(record)
        self._clear(openid, number, change_id)

    def _clear(self, openid: str, number: str, change_id: str) -> None:
        for key, claim in list(self.inflight.items()):
            if key[0] == openid and claim == (number, change_id):
                del self.inflight[key]

    def state(self, openid: str, number: str, change_id: str) -> SendRecord | None:
        text = self.states.get((openid, number, change_id))
        return None if text is None else SendRecord.parse(text)

    def unread(self, openid: str, number: str) -> list[str]:
        return [
            c
            for (o, n, c), s in self.states.items()
            if (o, n) == (openid, number) and s == "unread"
        ]

    def history(self, openid: str) -> dict[str, SendRecord]:
        return {
            f"{n}:{c}": SendRecord.parse(s) for (o, n, c), s in self.states.items() if o == openid
        }

    def forget_user(self, openid: str) -> None:
        self.states = {k: v for k, v in self.states.items() if k[0] != openid}
        self.inflight = {k: v for k, v in self.inflight.items() if k[0] != openid}
        self.settled_msgids = {m for m in self.settled_msgids if m[0] != openid}


class FakeSeenPushes:
    """Digests seen per user (the test decides when time has passed by clearing)."""

    def __init__(self) -> None:
        self.seen: set[tuple[str, str]] = set()

    def first_sighting(self, openid: str, digest: str, ttl_seconds: int) -> bool:
        if (openid, digest) in self.seen:
            return False
        self.seen.add((openid, digest))
        return True


class FakeNonces:
    """Claims per (scope, nonce): which request holds it and whether it was applied (no
    lease expiry: the test decides when time has passed by clearing)."""

    def __init__(self) -> None:
        self.held: dict[tuple[str, str], tuple[str, bool]] = {}

    def claim(self, scope: str, nonce: str, fingerprint: str, lease_seconds: float) -> PushClaim:
        held = self.held.get((scope, nonce))
        if held is None:
            self.held[(scope, nonce)] = (fingerprint, False)
            return PushClaim.FIRST
        if held[0] != fingerprint:
            return PushClaim.OTHER
        return PushClaim.APPLIED if held[1] else PushClaim.IN_PROGRESS

    def settle(self, scope: str, nonce: str, fingerprint: str, ttl_seconds: float) -> None:
        if self.held.get((scope, nonce), (fingerprint, False)) == (fingerprint, False):
            self.held[(scope, nonce)] = (fingerprint, True)

    def forget(self, scope: str, nonce: str, fingerprint: str) -> None:
        if self.held.get((scope, nonce)) == (fingerprint, False):
            del self.held[(scope, nonce)]


# Each fake declared against its port: mypy (make lint) fails when one drifts.
if TYPE_CHECKING:
    _credit_ledger: ports.CreditLedger = FakeCreditLedger()
    _template_switch: ports.TemplateSwitch = FakeTemplateSwitch()
    _notification_log: ports.NotificationLog = FakeNotificationLog(FakeCreditLedger())
    _seen_pushes: ports.SeenPushes = FakeSeenPushes()
    _nonce_registry: ports.NonceRegistry = FakeNonces()
