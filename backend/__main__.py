"""`python -m backend track 1Z... [--lang en]`: look numbers up with the production UPS client."""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections.abc import Sequence
from typing import Any

import redis
import requests

from backend.adapters import redis_conn
from backend.bootstrap import build_ups_client, redis_target
from backend.domain.delivery_terms import delivery_term
from backend.domain.errors import CarrierError
from backend.domain.model import Eta, Shipment
from backend.domain.numbers import parse_numbers, reason_message
from backend.domain.places import localize_location
from backend.domain.share_view import eta_window
from backend.domain.statuses import label
from backend.ports import Carrier
from backend.settings import Settings, SettingsError

# Exit codes: every number answered / some number not found or invalid / UPS unusable.
OK, NOT_ALL_FOUND, UNAVAILABLE = 0, 1, 2

_TEXT: dict[str, dict[str, Any]] = {
    "zh": {
        "eta": "预计送达", "delivered": "送达时间", "service": "服务", "weight": "重量",
        "received_by": "签收人", "none": "暂无", "eod": "当天内",
        "head": ("时间", "地点", "状态", "说明"), "error": "查询失败",
        "invalid": "运单号无效", "no_numbers": "没有找到 UPS 运单号。",
    },
    "en": {
        "eta": "Expected", "delivered": "Delivered at", "service": "Service", "weight": "Weight",
        "received_by": "Received by", "none": "not yet known",
        "eod": "by end of day", "head": ("Time", "Place", "Status", "Description"),
        "error": "lookup failed", "invalid": "invalid number",
        "no_numbers": "No UPS tracking number found.",
    },
}  # fmt: skip


def _width(text: str) -> int:
    """Terminal columns: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _table(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  " + "  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip()
            for row in rows]  # fmt: skip


def _eta_text(eta: Eta | None, lang: str) -> str:
    text = _TEXT[lang]
    if eta is None:
        return text["none"]
    if eta.end:  # a window or a deadline, worded as on the shared page
        return eta.date + eta_window(eta.start, eta.end, lang).rstrip()
    return f"{eta.date} {text['eod']}" if eta.kind == "end_of_day" else eta.date


def render(shipment: Shipment, lang: str) -> list[str]:
    """A parcel as readable lines: status, ETA or delivery, facts, then the scan history."""
    text = _TEXT[lang]
    lines = [f"{shipment.number}  {label(shipment.status, lang)} ({shipment.status.value})"]
    if shipment.status_description:
        lines.append(f"  UPS: {shipment.status_description}")
    if shipment.delivered_at:
        lines.append(f"  {text['delivered']}: {shipment.delivered_at.replace('T', ' ')}")
    else:
        lines.append(f"  {text['eta']}: {_eta_text(shipment.eta, lang)}")
    facts = [
        (text["service"], shipment.service),
        (text["received_by"], delivery_term(shipment.received_by, lang)),
    ]
    if shipment.weight:
        facts.append((text["weight"], f"{shipment.weight.value} {shipment.weight.unit}"))
    lines += [f"  {name}: {value}" for name, value in facts if value]
    rows = [text["head"]] + [
        (
            e.time.replace("T", " "),
            localize_location(e.location, lang) or "-",
            label(e.status, lang),
            e.description,
        )
        for e in shipment.events
    ]
    return [*lines, *_table(rows), ""]


def _store(settings: Settings) -> redis.Redis:
    """The shared Redis when it answers; otherwise an in-memory stand-in for this one run."""
    client = redis_conn.connect_data(redis_target(settings))  # Sentinel or cluster too
    if redis_conn.answers(client):
        return client
    client.close()
    from fakeredis import FakeRedis  # the token is then cached for this run only

    print(
        f"note: Redis at {redis_conn.describe(settings.redis_url)} does not answer; "
        "the UPS token is kept in memory for this run only.",
        file=sys.stderr,
    )
    return FakeRedis(decode_responses=True)


def _sandbox_problem(settings: Settings) -> str | None:
    """In sandbox mode, a sentence saying the sandbox is not running, if it is not."""
    if not settings.sandbox:
        return None
    try:
        requests.get(f"{settings.ups_base_url}/scenarios", timeout=2).raise_for_status()
    except requests.RequestException:
        return (
            f"The UPS sandbox at {settings.ups_base_url} is not reachable.\n"
            "Sandbox mode (SANDBOX=1, or no UPS credentials) needs the app running: start it "
            "with `make run` in another terminal (PORT and SANDBOX_BASE_URL must match), or "
            "set UPS_CLIENT_ID/UPS_CLIENT_SECRET and SANDBOX=0 to ask the real UPS."
        )
    return None


def _track_one(client: Carrier, number: str, lang: str) -> int:
    try:
        print("\n".join(render(client.track(number, lang), lang)))
    except CarrierError as error:
        print(f"{number}  {_TEXT[lang]['error']}: {error.code} ({error})\n")
        return UNAVAILABLE if error.transient else NOT_ALL_FOUND
    return OK


def track(client: Carrier, numbers: Sequence[str], lang: str) -> int:
    """Print each number's parcel (numbers may be comma-separated); return the exit code."""
    checks = parse_numbers(list(numbers))
    if not checks:
        print(_TEXT[lang]["no_numbers"], file=sys.stderr)
        return NOT_ALL_FOUND
    code = OK
    for check in checks:
        if check.valid:
            code = max(code, _track_one(client, check.number, lang))
            continue
        reason = reason_message(check.reason or "not_ups_format", lang)
        print(f"{check.raw}  {_TEXT[lang]['invalid']}: {reason}\n")
        code = max(code, NOT_ALL_FOUND)
    return code


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m backend", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    look = commands.add_parser("track", help="show status, ETA and history of UPS numbers")
    look.add_argument("numbers", nargs="+", metavar="NUMBER", help="UPS tracking numbers")
    look.add_argument("--lang", choices=("zh", "en"), default="zh", help="default: zh")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = Settings.from_env()
    except SettingsError as error:
        print(f"configuration error: {error}", file=sys.stderr)
        return UNAVAILABLE
    problem = _sandbox_problem(settings)
    if problem:
        print(problem, file=sys.stderr)
        return UNAVAILABLE
    return track(build_ups_client(settings, _store(settings)), args.numbers, args.lang)


if __name__ == "__main__":
    sys.exit(main())
