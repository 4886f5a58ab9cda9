"""Time of the JSON guard on hostile bodies, in this process (no HTTP), at 8/16/32/64 KB.

The old guard skipped strings with the regex '"(?:[^"\\\\]|\\\\.)*"'. On one '"' followed by
'\\"' repeated, every escaped quote started a new scan to the end: quadratic, and the regex
holds the GIL, so every thread of the worker waited. The old scan runs here side by side with
the current guard on that worst shape (once per size: it is slow); the current guard's figure
is the median of 5 runs of every shape, refusal included. 64 KB is the largest body the API
admits (MAX_BODY_BYTES); one byte more is refused as 413 before any scan.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from backend.app import MAX_BODY_BYTES  # noqa: E402
from backend.web.json_guard import loads  # noqa: E402
from tests.support.hostile_json import SHAPES  # noqa: E402

SIZES = (8 * 1024, 16 * 1024, 32 * 1024, MAX_BODY_BYTES)
WORST = 'one " then \\" repeated'
OLD_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)


def guard_ms(body: bytes, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        try:
            loads(body)
        except ValueError:
            pass
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def old_scan_ms(body: bytes) -> float:
    started = time.perf_counter()
    OLD_STRING.sub('""', body.decode())
    return (time.perf_counter() - started) * 1000


def main() -> None:
    header = "".join(f"{size // 1024:>8} KB" for size in SIZES)
    print(f"  {'current guard, shape':<34}{header}   (ms, median of 5)")
    for name, build in SHAPES.items():
        print(f"  {name:<34}" + "".join(f"{guard_ms(build(size)):>11.1f}" for size in SIZES))
    old = [old_scan_ms(SHAPES[WORST](size)) for size in SIZES]
    new = [guard_ms(SHAPES[WORST](size)) for size in SIZES]
    print(f"  {'old regex scan, worst shape':<34}" + "".join(f"{ms:>11.1f}" for ms in old))
    ratios = "".join(f"{o / max(n, 1e-3):>10.0f}x" for o, n in zip(old, new, strict=True))
    print(f"  {'old / current, worst shape':<34}{ratios}")


if __name__ == "__main__":
    main()
