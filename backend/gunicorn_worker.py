"""gunicorn's threaded worker, but its own refusals (a request line or headers too long,
a malformed request) answer with our JSON error envelope instead of an HTML page.

gunicorn refuses these before the app sees anything, so the language is the default
(Chinese) with the English text alongside in `message_en`.
"""

from __future__ import annotations

import json

from gunicorn import util
from gunicorn.http import errors
from gunicorn.workers.gthread import ThreadWorker

from backend.web.messages import message_for, register

register("uri_too_long", "请求地址过长。", "The request line is too long.")
register("headers_too_large", "请求头过大。", "The request headers are too large.")
register("expectation_failed", "无法满足 Expect 请求头。", "The Expect header cannot be met.")
register("not_implemented", "不支持这种传输编码。", "This transfer coding is not supported.")

# (exception, status, reason, code), most specific first; other parse errors are 400.
_REFUSALS: list[tuple[type[Exception], int, str, str]] = [
    (errors.LimitRequestLine, 414, "URI Too Long", "uri_too_long"),
    (errors.LimitRequestHeaders, 431, "Request Header Fields Too Large", "headers_too_large"),
    (errors.ForbiddenProxyRequest, 403, "Forbidden", "forbidden"),
    (errors.ExpectationFailed, 417, "Expectation Failed", "expectation_failed"),
    (errors.UnsupportedTransferCoding, 501, "Not Implemented", "not_implemented"),
]
# The application's own faults and configuration problems stay gunicorn's 500.
_NOT_THE_CLIENTS = (
    errors.InvalidResponseHeader,
    errors.InvalidResponseHeaderName,
    errors.ConfigurationProblem,
)


def refusal(exc: BaseException) -> tuple[int, str, str] | None:
    """(status, reason, code) for a request gunicorn refuses, or None when not the client's."""
    if not isinstance(exc, errors.ParseException) or isinstance(exc, _NOT_THE_CLIENTS):
        return None
    for kind, status, reason, code in _REFUSALS:
        if isinstance(exc, kind):
            return status, reason, code
    return 400, "Bad Request", "bad_request"


def envelope_bytes(status: int, reason: str, code: str) -> bytes:
    body = json.dumps(
        {"error": {"code": code, "message": message_for(code, "zh"),
                   "message_en": message_for(code, "en")}},
        ensure_ascii=False,
    ).encode("utf-8")  # fmt: skip
    head = (
        f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\n"
        f"Content-Type: application/json; charset=utf-8\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode("latin-1") + body


class JsonErrorWorker(ThreadWorker):
    """gthread, with the envelope for requests refused while parsing."""

    def handle_error(self, req, client, addr, exc):
        refused = refusal(exc)
        if refused is None:
            return super().handle_error(req, client, addr, exc)
        status, reason, code = refused
        self.log.warning("Invalid request from ip=%s: %s", (addr or ("",))[0], exc)
        try:
            util.write_nonblock(client, envelope_bytes(status, reason, code))
        except Exception:  # noqa: BLE001  # the client may be gone already
            self.log.debug("Failed to send error message.")
