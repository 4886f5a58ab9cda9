"""RQ job functions: plain and importable, so tests can run them inline.

RQ imports a job by name, so the job body cannot be passed in: the process's entry point
(`python -m backend.worker`, or a test) installs the one the composition root built.
"""

from __future__ import annotations

from backend.services.polling import RefreshJob

_refresh: RefreshJob | None = None


def install(refresh: RefreshJob | None) -> None:
    """Use `refresh` for the refresh jobs this process runs (None: none installed)."""
    global _refresh
    _refresh = refresh


def refresh_number(number: str) -> dict:
    """Refresh one number and notify its watchers (the job RQ runs)."""
    if _refresh is None:
        raise RuntimeError("no refresh job installed: start workers with python -m backend.worker")
    outcome = _refresh.run(number)
    return {
        "number": outcome.number,
        "status": outcome.status.value if outcome.status else None,
        "changed": outcome.changed,
        "outcomes": list(outcome.outcomes),
    }
