"""RQ job functions: plain and importable, so tests can run them inline."""

from __future__ import annotations

import functools

from backend.bootstrap import Services, build_services
from backend.domain.statuses import is_final
from backend.services.refresh import RefreshOutcome
from backend.settings import Settings
from backend.worker.scheduler import event_from_data


@functools.cache
def process_services() -> Services:
    """Services of this worker process, built once from the environment."""
    return build_services(Settings.from_env())


def refresh_number(number: str, pushed: dict[str, str] | None = None) -> dict:
    """Refresh one number and notify its watchers (the job RQ runs); `pushed` is the Track
    Alert event that asked for it, if any."""
    event = event_from_data(pushed) if pushed else None
    outcome: RefreshOutcome = process_services().refresher.refresh(number, pushed=event)
    if outcome.status is not None and not is_final(outcome.status):
        # Still watched and moving: also subscribes numbers watched before Track Alert.
        process_services().track_alert.want(number)
    return {
        "number": outcome.number,
        "status": outcome.status.value if outcome.status else None,
        "changed": outcome.changed,
        "outcomes": list(outcome.outcomes),
    }
