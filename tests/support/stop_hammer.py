"""Hammer the devserver's stop path inside one process: `python -m tests.support.stop_hammer`.

A thread sends SIGINT and SIGTERM at random moments (exponential gaps, some to the process,
some straight at the main thread) while the main thread runs round after round of the
devserver's own stop path: install the handlers (start-up), spawn children, `_supervise`
(health wait, then the wait loop) or a tight `wait` loop, then `_stop` (children that ignore
SIGTERM included, so "a second signal kills now" runs too), uninstall. A hang is caught by
faulthandler, which prints every thread's stack and exits 1; the caller also has a timeout.

`--legacy` runs the same rounds with today's old handler (`threading.Event.set()` in the
handler), to show that the hammer catches a lock taken inside a signal handler.
Prints one JSON line: signals sent, rounds completed, seconds.
"""

from __future__ import annotations

import argparse
import contextlib
import faulthandler
import io
import json
import os
import random
import signal
import subprocess
import threading
import time

from backend import devserver
from backend.adapters.redis_conn import free_port
from backend.stop_signals import STOP_SIGNALS, StopSignals

# A child that exits on SIGTERM, and one that ignores it (only SIGKILL stops it).
OBEDIENT = ["sleep", "30"]
STUBBORN = ["sh", "-c", "trap '' TERM; sleep 30"]


class EventStop:
    """The handler the devserver had before: `Event.set()` inside the signal handler."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._previous: dict[int, object] = {}
        self.count = 0

    def install(self) -> EventStop:
        for signum in STOP_SIGNALS:
            self._previous[signum] = signal.signal(signum, self._handler)
        return self

    def _handler(self, *_: object) -> None:
        self.count += 1
        self._event.set()

    def uninstall(self) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]

    def requested(self) -> bool:
        return self._event.is_set()

    def wait(self, timeout: float, beyond: int = 0) -> bool:
        self._event.wait(timeout)
        return self.count > beyond


class Hammer(threading.Thread):
    """Sends stop signals with random gaps averaging `gap` seconds until told to finish.

    It keeps going past `total` until the main thread has finished its round: a round ends
    only on a signal, so a hammer that fell silent first would leave the last round waiting
    for one that never comes (a hang of the harness, not of the stop path)."""

    def __init__(self, total: int, gap: float, rng: random.Random) -> None:
        super().__init__(daemon=True)
        self.total, self.gap, self.rng = total, gap, rng
        self.sent = 0
        self.main = threading.main_thread().ident
        self.finish = threading.Event()

    def run(self) -> None:
        while not self.finish.is_set():
            time.sleep(self.rng.expovariate(1 / self.gap))
            signum = self.rng.choice(STOP_SIGNALS)
            if self.rng.random() < 0.5:
                os.kill(os.getpid(), signum)  # the kernel picks the thread
            else:
                signal.pthread_kill(self.main, signum)  # interrupts the main thread's syscall
            self.sent += 1


def one_round(make_stop, rng: random.Random, closed_url: str) -> None:
    stop = make_stop().install()
    children: list[subprocess.Popen] = []
    try:
        for _ in range(rng.randint(0, 2)):
            command = STUBBORN if rng.random() < 0.3 else OBEDIENT
            children.append(subprocess.Popen(command, process_group=0))
        if rng.random() < 0.5:
            with (
                contextlib.redirect_stdout(io.StringIO()),
                contextlib.redirect_stderr(io.StringIO()),
            ):
                devserver._supervise(children, closed_url, stop)
        else:
            interval = rng.choice([0, 0.0001, 0.001, 0.01])
            while not stop.wait(interval):
                pass
    finally:
        devserver._stop(children, stop, grace=0.5)
        stop.uninstall()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.support.stop_hammer")
    parser.add_argument("--signals", type=int, default=1000)
    parser.add_argument("--gap", type=float, default=0.002, help="mean seconds between signals")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--hang-after", type=float, default=30.0, help="seconds: a hang")
    parser.add_argument("--legacy", action="store_true", help="Event.set() in the handler")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    make_stop = EventStop if args.legacy else StopSignals
    faulthandler.dump_traceback_later(args.hang_after, exit=True)
    # Between rounds (no stop handler installed) a signal must not kill the harness.
    for signum in STOP_SIGNALS:
        signal.signal(signum, lambda *_: None)
    closed_url = f"http://127.0.0.1:{free_port()}"
    hammer = Hammer(args.signals, args.gap, random.Random(rng.random()))
    started, rounds = time.monotonic(), 0
    hammer.start()
    while hammer.sent < hammer.total:
        one_round(make_stop, rng, closed_url)
        rounds += 1
    hammer.finish.set()
    hammer.join()
    faulthandler.cancel_dump_traceback_later()
    seconds = round(time.monotonic() - started, 2)
    print(json.dumps({"signals": hammer.sent, "rounds": rounds, "seconds": seconds}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
