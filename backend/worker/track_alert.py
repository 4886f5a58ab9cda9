"""Track Alert in the worker: the thread that subscribes and renews what is due."""

from __future__ import annotations

from backend.services.track_alert import TrackAlertService
from backend.worker.steps import StepThread

# New watches wait at most this long for their subscription; renewals are days ahead anyway.
STEP_SECONDS = 1.0


class TrackAlertThread(StepThread):
    """Runs `renew_due` every `interval` seconds; the due set's lease makes workers share."""

    def __init__(self, service: TrackAlertService, interval: float = STEP_SECONDS) -> None:
        super().__init__("track-alert", interval, "Track Alert: %d numbers subscribed")
        self._service = service

    def step(self) -> int:
        return self._service.renew_due()
