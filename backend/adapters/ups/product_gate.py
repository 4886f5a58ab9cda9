"""Remembers, per process, that UPS refused one of its products to our app.

A refused product (Time in Transit, the shipment endpoint, Track Alert enhanced) is not
asked again for an hour: the feature built on it steps aside with one log line, and the
shared token is not churned by 401s the operator has to fix on the UPS portal.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

CLOSED_SECONDS = 3600.0


class ProductGate:
    def __init__(
        self, product: str, fallback: str, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.product = product  # e.g. "Time in Transit"
        self.fallback = fallback  # what happens instead, for the log line
        self._clock = clock
        self._closed_until = 0.0
        self._lock = threading.Lock()

    def open(self) -> bool:
        return self._clock() >= self._closed_until

    def refused(self, detail: str) -> None:
        """UPS refused the product: log it once per closing and stop asking for a while."""
        with self._lock:
            was_open = self.open()
            self._closed_until = self._clock() + CLOSED_SECONDS
        if was_open:
            log.warning(
                "UPS refused %s to this app (%s): %s; ask UPS to enable it on the app",
                self.product,
                detail,
                self.fallback,
            )
