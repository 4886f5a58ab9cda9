"""Request logging: a request id on every request, its log lines and its response."""

from __future__ import annotations

import logging
import re
import time
import uuid

from flask import Flask, g, has_request_context, request

log = logging.getLogger("backend.access")
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record so one request's lines can be found together."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = g.get("request_id", "-") if has_request_context() else "-"
        return True


def configure_logging(level: str = "INFO") -> None:
    """Log to stderr with the request id; idempotent so tests may call it repeatedly."""
    root = logging.getLogger()
    if not any(isinstance(f, RequestIdFilter) for h in root.handlers for f in h.filters):
        handler = logging.StreamHandler()
        handler.addFilter(RequestIdFilter())
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s")
        )
        root.addHandler(handler)
    root.setLevel(level)


def init_request_logging(app: Flask) -> None:
    """Assign ids before each request and log one line after it."""

    @app.before_request
    def assign_request_id() -> None:
        incoming = request.headers.get("X-Request-Id", "")
        g.request_id = incoming if _SAFE_ID.match(incoming) else uuid.uuid4().hex
        g.request_started = time.perf_counter()

    @app.after_request
    def log_request(response):
        request_id = g.get("request_id", "-")
        response.headers["X-Request-Id"] = request_id
        elapsed_ms = (time.perf_counter() - g.get("request_started", time.perf_counter())) * 1000
        # The path only: query strings may carry codes or signatures we do not want in logs.
        log.info("%s %s %s %.1fms", request.method, request.path, response.status_code, elapsed_ms)
        return response
