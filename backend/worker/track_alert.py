"""Track Alert in the worker: the subscribe/renew step thread, and the refresh enqueuer."""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable

from rq import Queue

from backend.adapters import redis_conn
from backend.services.track_alert import TrackAlertService
from backend.worker.scheduler import enqueue_refresh

log = logging.getLogger(__name__)

# The queue `python -m backend.worker` serves (its QUEUE_NAME): webhooks and polling share it.
REFRESH_QUEUE = "refresh"
# New watches wait at most this long for their subscription; renewals are days ahead anyway.
STEP_SECONDS = 1.0


def refresh_enqueuer(redis_url: str) -> Callable[[str], None]:
    """enqueue(number): the same RQ refresh job the scheduler step enqueues for polling."""
    # RQ stores pickled bytes: its connection must not decode. Nothing connects until used.
    queue = Queue(REFRESH_QUEUE, connection=redis_conn.connect(redis_url, decode=False))
    return functools.partial(enqueue_refresh, queue)


class TrackAlertThread(threading.Thread):
    """Runs `renew_due` every `interval` seconds; the due set's lease makes workers share."""

    def __init__(self, service: TrackAlertService, interval: float = STEP_SECONDS) -> None:
        super().__init__(name="track-alert", daemon=True)
        self._service = service
        self._interval = interval
        self._stopping = threading.Event()

    def run(self) -> None:
        while not self._stopping.is_set():
            try:
                accepted = self._service.renew_due()
                if accepted:
                    log.info("Track Alert: %d numbers subscribed", accepted)
            except Exception:  # UPS or Redis trouble must not kill the thread; next tick
                log.exception("Track Alert step failed")
            self._stopping.wait(self._interval)

    def stop(self) -> None:
        self._stopping.set()
