"""RQ job functions: plain and importable, so tests can run them inline.

RQ imports a job by name, so the job body cannot be passed in: the process's entry point
(`python -m backend.worker`, or a test) installs the one the composition root built.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from backend.domain.sends import FanoutSlice
from backend.domain.tracking import event_from_data
from backend.services.refresh_jobs import RefreshJob

_refresh: RefreshJob | None = None
# Refreshes wait on UPS and WeChat: one process runs this many at once (WORKER_CONCURRENCY).
_pool: ThreadPoolExecutor | None = None


def install(refresh: RefreshJob | None, concurrency: int = 1) -> None:
    """Use `refresh` for the refresh jobs this process runs (None: none installed), with
    up to `concurrency` refreshes of one batch job at once."""
    global _refresh, _pool
    if _pool is not None:
        _pool.shutdown(wait=False)
    _refresh = refresh
    _pool = ThreadPoolExecutor(max(1, concurrency), thread_name_prefix="refresh")


def refresh_numbers(numbers: list[str]) -> list[dict]:
    """Refresh several due numbers concurrently (the polling job RQ runs). A number whose
    refresh raised is left to its schedule lease; the others still complete."""
    if _refresh is None or _pool is None:
        raise RuntimeError("no refresh job installed: start workers with python -m backend.worker")
    futures = [_pool.submit(refresh_number, number) for number in numbers]
    reports, errors = [], []
    for future in futures:
        try:
            reports.append(future.result())
        except Exception as error:  # noqa: BLE001 - re-raised below, after the others finish
            errors.append(error)
    if errors:
        raise errors[0]
    return reports


def refresh_number(number: str, pushed: dict[str, str] | None = None) -> dict:
    """Refresh one number and notify its watchers (the job RQ runs); `pushed` is the Track
    Alert scan that asked for it, if any."""
    if _refresh is None:
        raise RuntimeError("no refresh job installed: start workers with python -m backend.worker")
    outcome = _refresh.run(number, event_from_data(pushed) if pushed else None)
    return {
        "number": outcome.number,
        "status": outcome.status.value if outcome.status else None,
        "changed": outcome.changed,
        "outcomes": [str(o) for o in outcome.outcomes],
    }


def announce_slice(number: str, change_id: str, round_id: str, index: int,
                   openids: list[str]) -> dict:  # fmt: skip
    """Send one slice of a change's large fan-out (the follow-up job a refresh enqueued)."""
    if _refresh is None:
        raise RuntimeError("no refresh job installed: start workers with python -m backend.worker")
    part = FanoutSlice(number, change_id, round_id, index, tuple(openids))
    outcomes = _refresh.announce_slice(part)
    return {"number": number, "slice": index, "outcomes": [str(o) for o in outcomes]}
