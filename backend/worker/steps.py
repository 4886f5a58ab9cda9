"""A worker thread that runs one periodic step until stopped, surviving its failures."""

from __future__ import annotations

import logging
import threading

log = logging.getLogger(__name__)


class StepThread(threading.Thread):
    """Calls `step()` every `interval` seconds; a step returns how much it did (for the
    log), and an exception (Redis or upstream trouble) is logged and retried next tick."""

    def __init__(self, name: str, interval: float, done: str) -> None:
        super().__init__(name=name, daemon=True)
        self._interval = interval
        self._done = done  # log line for a step that did something, with one %d
        self._stopping = threading.Event()

    def step(self) -> int:
        raise NotImplementedError

    def run(self) -> None:
        while not self._stopping.is_set():
            try:
                count = self.step()
                if count:
                    log.info(self._done, count)
            except Exception:  # must not kill the thread; the next tick tries again
                log.exception("%s step failed", self.name)
            self._stopping.wait(self._interval)

    def stop(self) -> None:
        self._stopping.set()
