"""The worker's background threads start, stop and join cleanly (no clash with Thread._stop)."""

from __future__ import annotations

import threading

from backend.worker.refresh_schedule import RefreshScheduleThread
from backend.worker.track_alert import TrackAlertThread


class _EmptySchedule:
    def __init__(self) -> None:
        self.steps = threading.Event()

    def take_due(self, now, limit, lease):
        self.steps.set()
        return []


class _NoRenewals:
    def __init__(self) -> None:
        self.steps = threading.Event()

    def renew_due(self):
        self.steps.set()
        return 0


def _run_and_join(thread: threading.Thread, stepped: threading.Event) -> None:
    errors: list[BaseException] = []
    previous = threading.excepthook
    threading.excepthook = lambda args: errors.append(args.exc_value)
    try:
        thread.start()
        assert stepped.wait(5), "the thread never ran its step"
        thread.stop()
        thread.join(timeout=5)  # Thread.join calls Thread._stop(): must be the real one
    finally:
        threading.excepthook = previous
    assert not thread.is_alive()
    assert errors == []


def test_schedule_thread_stops_and_joins_without_error():
    schedule = _EmptySchedule()
    _run_and_join(RefreshScheduleThread(schedule, queue=None, interval=0.01), schedule.steps)


def test_track_alert_thread_stops_and_joins_without_error():
    service = _NoRenewals()
    _run_and_join(TrackAlertThread(service, interval=0.01), service.steps)
