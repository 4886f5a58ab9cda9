"""A clock the test moves by hand."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backend import ports

T0 = 1_800_000_000.0


class FakeClock:
    """Callable like time.time; `now` is set or advanced by the test."""

    def __init__(self, now: float = T0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


# Each fake declared against its port: mypy (make lint) fails when one drifts.
if TYPE_CHECKING:
    _clock: ports.Clock = FakeClock()
