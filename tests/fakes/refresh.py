"""Fakes of the polling ports: the schedule, tracking states and the refresh queue."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from backend import ports
from backend.domain.model import TrackingEvent
from backend.domain.sends import FanoutSlice
from backend.domain.statuses import Status
from backend.domain.tracking import StatusChange, TrackingState


class FakeRefreshSchedule:
    """number -> next poll time, with the real take_due lease."""

    def __init__(self) -> None:
        self.times: dict[str, float] = {}

    def set(self, number: str, at: float) -> None:
        self.times[number] = at

    def set_if_sooner(self, number: str, at: float) -> None:
        self.times[number] = min(at, self.times.get(number, at))

    def remove(self, number: str) -> None:
        self.times.pop(number, None)

    def take_due(self, now: float, limit: int, lease_seconds: float) -> list[str]:
        due = sorted((at, n) for n, at in self.times.items() if at <= now)[:limit]
        for _at, number in due:
            self.times[number] = now + lease_seconds
        return [number for _at, number in due]


class FakeTrackingStateStore:
    """TrackingState per number; pending changes kept by id like the real hash fields."""

    def __init__(self) -> None:
        self.states: dict[str, TrackingState] = {}
        self.loads = 0

    def load(self, number: str) -> TrackingState:
        self.loads += 1
        return self.states.get(number, TrackingState())

    def record(self, number: str, status: Status, change: StatusChange | None, *,
               failures: int = 0, final_at: float | None = None) -> None:  # fmt: skip
        state = self.states.get(number, TrackingState())
        pending = state.with_change(change)
        self.states[number] = TrackingState(status, failures, final_at, pending)

    def announced(self, number: str, change_id: str) -> None:
        state = self.states.get(number, TrackingState())
        kept = tuple(c for c in state.pending if c.change_id != change_id)
        self.states[number] = replace(state, pending=kept)

    def set_failures(self, number: str, failures: int) -> None:
        self.states[number] = replace(self.states.get(number, TrackingState()), failures=failures)

    def forget(self, number: str) -> None:
        self.states.pop(number, None)


class FakeRefreshQueue:
    """Records enqueued numbers (and pushed scans); `fail_with` makes the next enqueue raise."""

    def __init__(self) -> None:
        self.enqueued: list[str] = []
        self.announces: list[FanoutSlice] = []
        self.pushed: dict[str, object] = {}
        self.fail_with: Exception | None = None

    def enqueue(self, number: str, pushed: TrackingEvent | None = None) -> None:
        self.enqueue_many([number])
        if pushed is not None:
            self.pushed[number] = pushed

    def enqueue_many(self, numbers: list[str]) -> None:
        if self.fail_with is not None:
            error, self.fail_with = self.fail_with, None
            raise error
        self.enqueued.extend(numbers)

    def enqueue_announce(self, part: FanoutSlice) -> None:
        self.announces.append(part)


class FakeFanoutSlices:
    """Rounds of unfinished slices per (number, change), with the real lease rule on a
    settable clock."""

    def __init__(self, clock: ports.Clock) -> None:
        self._clock = clock
        self.left: dict[tuple[str, str], set[tuple[str, int]]] = {}
        self._lease_until: dict[tuple[str, str], float] = {}
        self._rounds = 0

    def begin(self, number: str, change_id: str, count: int, lease_seconds: float) -> str | None:
        key, now = (number, change_id), self._clock()
        if self.left.get(key) and self._lease_until.get(key, 0.0) > now:
            return None
        self._rounds += 1
        round_id = f"round-{self._rounds}"
        self.left[key] = {(round_id, index) for index in range(count)}
        self._lease_until[key] = now + lease_seconds
        return round_id

    def finish(self, part: FanoutSlice) -> bool:
        key = (part.number, part.change_id)
        left = self.left.get(key, set())
        if (part.round_id, part.index) not in left:
            return False
        left.discard((part.round_id, part.index))
        if left:
            return False
        self._lease_until.pop(key, None)
        return True


# Each fake declared against its port: mypy (make lint) fails when one drifts.
if TYPE_CHECKING:
    _schedule: ports.RefreshSchedule = FakeRefreshSchedule()
    _tracking_states: ports.TrackingStateStore = FakeTrackingStateStore()
    _refresh_queue: ports.RefreshQueue = FakeRefreshQueue()
    _fanout_slices: ports.FanoutSlices = FakeFanoutSlices(lambda: 0.0)
