"""gunicorn's own refusals answer with the JSON envelope (the JsonErrorWorker of
backend/gunicorn_conf.py), and its limits admit every legitimate request."""

from __future__ import annotations

import json
import socket
from urllib.parse import urlparse

import pytest
import requests

from backend.gunicorn_worker import envelope_bytes, refusal
from tests.support.numbers import make_1z
from tests.support.stack import Stack

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def api(redis_url, tmp_path_factory):
    stack = Stack(redis_url, tmp_path_factory.mktemp("gunicorn"))
    stack.start_api()
    yield stack.url
    stack.stop()


def raw(url: str, request: bytes) -> tuple[int, dict[str, str], bytes]:
    """Send bytes as they are (requests would refuse to send some of these) and read it all."""
    parsed = urlparse(url)
    with socket.create_connection((parsed.hostname, parsed.port), timeout=10) as sock:
        sock.sendall(request)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), headers, body


def envelope_of(status: int, headers: dict[str, str], body: bytes, code: str) -> bool:
    error = json.loads(body)["error"]
    return (
        headers["Content-Type"].startswith("application/json")
        and int(headers["Content-Length"]) == len(body)
        and error["code"] == code
        and error["message"]
    )


def test_a_request_line_over_the_limit_is_414_in_the_envelope(api):
    path = "/api/v1/track?numbers=" + "1" * 9000
    status, headers, body = raw(api, f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    assert status == 414 and envelope_of(status, headers, body, "uri_too_long")


def test_oversized_or_too_many_headers_are_431_in_the_envelope(api):
    big = f"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: {'a' * 9000}\r\n\r\n".encode()
    status, headers, body = raw(api, big)
    assert status == 431 and envelope_of(status, headers, body, "headers_too_large")
    many = "".join(f"X-H{i}: v\r\n" for i in range(150))
    status, headers, body = raw(api, f"GET /healthz HTTP/1.1\r\nHost: x\r\n{many}\r\n".encode())
    assert status == 431 and envelope_of(status, headers, body, "headers_too_large")


def test_an_unknown_expectation_is_417_and_an_unknown_transfer_coding_501(api):
    expect = (
        b"POST /api/v1/track HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nContent-Length: 0\r\n\r\n"
    )
    status, headers, body = raw(api, expect)
    assert status == 417 and envelope_of(status, headers, body, "expectation_failed")
    coding = b"POST /api/v1/track HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: br\r\n\r\n"
    status, headers, body = raw(api, coding)
    assert status == 501 and envelope_of(status, headers, body, "not_implemented")


def test_a_query_within_its_max_length_can_still_be_414(api):
    """`numbers` allows 4,000 characters; full-width separators take 9 bytes each once
    percent-encoded, so 1,000 of them exceed the 8,190-byte request line."""
    response = requests.get(f"{api}/api/v1/track", params={"numbers": "，" * 1000}, timeout=10)
    assert response.status_code == 414
    assert response.json()["error"]["code"] == "uri_too_long"


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"GET /healthz HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n",
        b"GET /healthz HTTP/1.1\r\nHost: x\r\nBad Name: v\r\n\r\n",
        b"GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n",
        b"G\x00T /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
    ],
)
def test_malformed_requests_are_400_in_the_envelope(api, request_bytes):
    status, headers, body = raw(api, request_bytes)
    assert status == 400 and envelope_of(status, headers, body, "bad_request")


def test_thirty_full_width_numbers_with_full_width_separators_fit_in_a_get(api):
    numbers = [make_1z("SBXBLK", 8300 + i) for i in range(30)]
    wide = ["".join(chr(ord(c) + 0xFEE0) for c in number) for number in numbers]
    text = "，　".join(wide)
    response = requests.get(f"{api}/api/v1/track", params={"numbers": text}, timeout=60)
    assert len(response.request.url) > 4094  # gunicorn's default limit would refuse it
    assert response.status_code == 200
    assert [r["number"] for r in response.json()["results"]] == numbers


def test_the_app_still_answers_normally_after_refusals(api):
    assert requests.get(f"{api}/healthz", timeout=10).status_code == 200


def test_only_the_clients_faults_are_rewritten():
    from gunicorn.http import errors

    assert refusal(errors.InvalidResponseHeader("x")) is None
    assert refusal(ValueError("app bug")) is None
    assert refusal(errors.LimitRequestLine(9000, 8190))[0] == 414
    head, _, body = envelope_bytes(400, "Bad Request", "bad_request").partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400 Bad Request") and json.loads(body)["error"]["message_en"]
