"""What reaches the logs (issue #26 items 4 and 5): one request is one line whatever its
path holds, the request id is ours, and share ids and tracking numbers appear masked."""

from __future__ import annotations

import logging

import requests

from backend.logs import OneLineFormatter, RequestIdFilter
from tests.support.shares import Sharer, scenario_number
from tests.support.wechat import serve_app

FORGED = "/api/v1/x%0a2026-12-06 12:00:00,000 INFO backend.access [0123abcd] GET /admin 200 1.0ms"


def access_lines(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "backend.access"]


def formatted(record: logging.LogRecord) -> str:
    RequestIdFilter().filter(record)
    return OneLineFormatter(
        "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"
    ).format(record)


def test_an_encoded_line_break_in_the_path_cannot_forge_a_log_line(client, caplog):
    caplog.set_level(logging.INFO, logger="backend.access")
    client.get(FORGED)
    client.get("/api/v1/y%e2%80%a8z%1b[31m")  # U+2028 and a terminal escape
    forged, other = access_lines(caplog)[-2:]
    assert "\n" not in forged and "\\x0a" in forged and forged.endswith("404 " + forged.split()[-1])
    assert "\u2028" not in other and "\x1b" not in other and "\\u2028" in other


def test_every_log_line_is_one_line_whatever_its_arguments_hold():
    record = logging.LogRecord(
        "backend.x", logging.WARNING, __file__, 1, "got %s", ("a\nb\r\x85",), None
    )
    assert formatted(record).endswith("got a\\x0ab\\x0d\\x85")


def test_a_clients_request_id_is_logged_apart_and_never_becomes_ours(client, caplog):
    caplog.set_level(logging.INFO, logger="backend.access")
    first = client.get("/healthz")
    reused = client.get("/healthz", headers={"X-Request-Id": first.headers["X-Request-Id"]})
    assert reused.headers["X-Request-Id"] != first.headers["X-Request-Id"]
    assert access_lines(caplog)[-1].endswith(f"client_request_id={first.headers['X-Request-Id']}")
    client.get("/healthz", headers={"X-Request-Id": "not an id; <script>"})
    assert "client_request_id" not in access_lines(caplog)[-1]


def test_share_ids_and_tracking_numbers_are_masked_in_the_access_log(make_settings, caplog):
    with serve_app(make_settings) as (server, _app):
        caplog.set_level(logging.INFO, logger="backend")
        number = scenario_number(server.url, "out_for_delivery")
        sharer = Sharer(server.url, "masked")
        sharer.watch(number)
        share_id = sharer.share(number).json()["share_id"]
        for path in (
            f"/s/{share_id}",
            f"/api/v1/shares/{share_id}",
            f"/api/v1/shares/{share_id}/card.png",
        ):
            requests.get(server.url + path, timeout=30)
        requests.get(f"{server.url}/api/v1/track", params={"numbers": number}, timeout=30)
        # Our loggers (the test server's own werkzeug lines are not production's).
        everything = "\n".join(
            r.getMessage() for r in caplog.records if r.name.startswith("backend")
        )
        assert share_id not in everything and number not in everything
        assert (
            f"/s/{share_id[:4]}…" in everything
            and f"/api/v1/parcels/{number[:4]}…{number[-3:]}" in everything
        )
