"""Track Alert in the worker: the thread that subscribes and renews what is due."""

from __future__ import annotations

import logging
import threading

from backend.services.track_alert import TrackAlertService

log = logging.getLogger(__name__)

# New watches wait at most this long for their subscription; renewals are days ahead anyway.
STEP_SECONDS = 1.0


class TrackAlertThread(threading.Thread):
    """Runs `renew_due` every `interval` seconds; the due set's lease makes workers share."""

    def __init__(self, service: TrackAlertService, interval: float = STEP_SECONDS) -> None:
        super().__init__(name="track-alert", daemon=True)
        self._service = service
        self._interval = interval
        self._stop = threading.Event()

    def run(self) -> None:
        while not self._stop.is_set():
            try:
                accepted = self._service.renew_due()
                if accepted:
                    log.info("Track Alert: %d numbers subscribed", accepted)
            except Exception:  # UPS or Redis trouble must not kill the thread; next tick
                log.exception("Track Alert step failed")
            self._stop.wait(self._interval)

    def stop(self) -> None:
        self._stop.set()
