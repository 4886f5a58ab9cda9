"""Sending one change to its watchers: `concurrency` sends at a time inside a job, and an
audience larger than `job_size` split into slices, one job each, so worker processes on
any machine share it and no job outgrows its timeout.

A round of slices: slice 0 is sent by the refresh job itself, the others by follow-up
announce jobs. The change is announced once every slice of the round has finished (each of
its sends has a final outcome); the round's record lives under the number's hash tag. A
round not finished within its lease (a job died, a send must wait) is replaced by a new
round over the watchers of that moment, so a watcher who joined or a slice that shifted is
never missed, and a late job of the old round counts for nothing. Every send is claimed in
the notification log first, so a slice sent twice (retried by RQ, or again in a new round)
never gives anybody the same change twice.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from backend.domain.sends import RETRY_LATER, FanoutSlice, Outcome
from backend.ports import FanoutSlices, RefreshQueue

# A round of slices not finished in this long is started afresh by the next refresh.
SLICE_LEASE_SECONDS = 300
# The refresh's own outcome when it left slices to follow-up jobs: come back soon to check.
SLICED = Outcome.SLICED


def split(watchers: list[str], size: int) -> list[list[str]]:
    """`watchers` in consecutive slices of at most `size` (at least one slice)."""
    size = max(1, size)
    return [watchers[i : i + size] for i in range(0, len(watchers), size)] or [[]]


class FanOut:
    """Runs one change's sends: concurrently, and split across jobs when the audience is large."""

    def __init__(
        self,
        concurrency: int = 1,
        job_size: int = 0,
        queue: RefreshQueue | None = None,
        slices: FanoutSlices | None = None,
        lease_seconds: float = SLICE_LEASE_SECONDS,
    ) -> None:
        self._concurrency = concurrency
        self._job_size = job_size  # 0: never split (no queue to split onto)
        self._queue = queue
        self._slices = slices
        self._lease = lease_seconds
        self._pool: ThreadPoolExecutor | None = None
        self._pool_lock = threading.Lock()

    def tell(
        self, number: str, change_id: str, notify: Callable[[str], Outcome], watchers: list[str]
    ) -> tuple[list[Outcome], bool]:
        """(this job's outcomes, whether the change has now reached every watcher)."""
        if not self._splits(len(watchers)):
            results = self.send(notify, watchers)
            return results, not RETRY_LATER.intersection(results)
        assert self._queue is not None and self._slices is not None
        parts = split(watchers, self._job_size)
        round_id = self._slices.begin(number, change_id, len(parts), self._lease)
        if round_id is None:  # this change's slice jobs are under way: they announce it
            return [SLICED], False
        for index in range(1, len(parts)):
            part = FanoutSlice(number, change_id, round_id, index, tuple(parts[index]))
            self._queue.enqueue_announce(part)
        results = self.send(notify, parts[0])
        first = FanoutSlice(number, change_id, round_id, 0)
        return [*results, SLICED], self.finished(first, results)

    def finished(self, part: FanoutSlice, results: list[Outcome]) -> bool:
        """Records the slice done when none of its sends must be tried again; True when
        it was the round's last unfinished slice (one caller learns it)."""
        if self._slices is None or RETRY_LATER.intersection(results):
            return False
        return self._slices.finish(part)

    def send(self, notify: Callable[[str], Outcome], watchers: list[str]) -> list[Outcome]:
        """Each watcher's outcome, in order; sends to different users go out concurrently
        (each user's credits and claims are theirs alone, so order between them is free)."""
        if self._concurrency <= 1 or len(watchers) <= 1:
            return [notify(openid) for openid in watchers]
        if self._pool is None:
            with self._pool_lock:
                if self._pool is None:
                    self._pool = ThreadPoolExecutor(self._concurrency, thread_name_prefix="fan-out")
        return list(self._pool.map(notify, watchers))

    def _splits(self, audience: int) -> bool:
        return bool(self._job_size and self._queue and self._slices and audience > self._job_size)
