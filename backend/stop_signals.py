"""Ctrl-C and SIGTERM as a stop request that cannot deadlock: the handler takes no lock.

A Python signal handler runs in the main thread between two bytecodes of whatever that
thread is doing, possibly while it holds a lock. `threading.Event.set()` in a handler
takes the Event's (non-reentrant) lock, so a signal landing while the main thread is
inside `Event.wait()` can block forever on a lock its own thread holds: `make run` once
sat in a futex wait after SIGTERM. Here the C-level handler writes the signal number to
a pipe (`signal.set_wakeup_fd`) and the Python-level handler does nothing at all; the
main thread learns of a stop by reading that pipe in `wait`, a plain `poll(2)` with a
timeout. No lock anywhere on the way from the kernel to the loop that stops everything.
"""

from __future__ import annotations

import os
import select
import signal

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _ignore(_signum: int, _frame: object) -> None:
    """Installed so that the interpreter's C handler (which writes the wakeup fd) runs;
    the work happens in `StopSignals.wait`."""


class StopSignals:
    """Install in the main thread, then `wait(timeout)` wherever the main thread waits.

    `count` is how many stop signals have arrived (read from the pipe, so several signals
    that the kernel delivered at once count once); `wait(timeout, beyond=n)` returns True as
    soon as more than `n` have arrived: `beyond=0` for "stop", `beyond=count` for "again".
    """

    def __init__(self, signals: tuple[int, ...] = STOP_SIGNALS) -> None:
        self._signals = signals
        self._read = self._write = -1
        self._previous: dict[int, object] = {}
        self._previous_fd = -1
        self._poll = select.poll()
        self.count = 0

    def install(self) -> StopSignals:
        """Pipe and wakeup fd first, handlers second: no signal ever finds a handler
        without somewhere to write (main thread only, as `signal` requires)."""
        self._read, self._write = os.pipe()
        os.set_blocking(self._read, False)
        os.set_blocking(self._write, False)  # a full pipe drops bytes instead of blocking
        self._poll.register(self._read, select.POLLIN)
        self._previous_fd = signal.set_wakeup_fd(self._write, warn_on_full_buffer=False)
        for signum in self._signals:
            self._previous[signum] = signal.signal(signum, _ignore)
        return self

    def uninstall(self) -> None:
        """Previous handlers back, then the previous wakeup fd, then close the pipe."""
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]
        self._previous.clear()
        signal.set_wakeup_fd(self._previous_fd)
        self._drain()
        self._poll.unregister(self._read)
        os.close(self._read)
        os.close(self._write)
        self._read = self._write = -1

    def block(self) -> None:
        """Everything is stopped: block the stop signals for the rest of the process's life.
        Interpreter shutdown puts the default handlers back, so a late signal of a burst
        would otherwise kill the exiting process (exit status -15 instead of 0)."""
        signal.pthread_sigmask(signal.SIG_BLOCK, self._signals)

    def requested(self) -> bool:
        """Whether a stop signal has arrived, without waiting."""
        return self.wait(0)

    def wait(self, timeout: float, beyond: int = 0) -> bool:
        """Wait up to `timeout` seconds for more than `beyond` stop signals in all."""
        self._drain()
        if self.count <= beyond and timeout > 0:
            # poll(2) is retried after EINTR (PEP 475) with the time left; the byte the
            # signal wrote makes the retry return at once.
            if self._poll.poll(max(1, round(timeout * 1000))):
                self._drain()
        return self.count > beyond

    def _drain(self) -> None:
        while True:
            try:
                data = os.read(self._read, 512)
            except BlockingIOError:
                return
            if not data:
                return
            self.count += sum(1 for signum in data if signum in self._signals)

    def __enter__(self) -> StopSignals:
        return self.install()

    def __exit__(self, *_: object) -> None:
        self.uninstall()
