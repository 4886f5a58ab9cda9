"""Time of the phishing check on the longest messages the API admits (2,000 characters).

Hosts run on through Chinese text as a browser reads them, and every word inside such a
host is judged as a link too, so a message made of many run-on hosts is the costly shape.
Median of 5 runs each, in this process (no HTTP).
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from backend.domain.links import check_link  # noqa: E402

MAX_CHARS = 2000
random.seed(26)
SHAPES = {
    "an ordinary phishing SMS": "【UPS】您的包裹因关税未付暂扣海关，请点击 "
    "https://www.ups.com.快递查询.top/pay 补缴关税，逾期退回。",
    "run-on hosts, repeated labels": ("a.bc快" * 50 + " ") * 8,
    "run-on hosts, unique labels": " ".join(
        "".join(f"{chr(0x4E00 + random.randrange(20000))}.b{i % 10}" for i in range(60))
        for _ in range(8)
    ),
    "one host of 2,000 characters": "https://www.ups.com." + "快" * 1980,
    "dot words after Chinese": "快.ab" * 500,
    "250 official links": "ups.com " * 250,
    "hosts of 253 characters": " ".join(["https://" + "a." * 126 + "ups.com"] * 7),
}


def median_ms(text: str) -> float:
    times = []
    for _ in range(5):
        started = time.perf_counter()
        check_link(text)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    print(f"  {'message shape':<34}{'chars':>7}{'ms':>9}   verdict")
    for name, text in SHAPES.items():
        text = text[:MAX_CHARS]
        verdict = check_link(text)
        ms = median_ms(text)
        print(f"  {name:<34}{len(text):>7}{ms:>9.1f}   {verdict.verdict} ({verdict.reason})")


if __name__ == "__main__":
    main()
