"""Request logging: a request id on every request, its log lines and its response."""

from __future__ import annotations

import logging
import re
import time
import uuid

from flask import Flask, g, request

from backend.logs import request_id

log = logging.getLogger("backend.access")
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def init_request_logging(app: Flask) -> None:
    """Assign ids before each request and log one line after it."""

    @app.before_request
    def assign_request_id() -> None:
        incoming = request.headers.get("X-Request-Id", "")
        g.request_id = incoming if _SAFE_ID.match(incoming) else uuid.uuid4().hex
        g.request_id_token = request_id.set(g.request_id)
        g.request_started = time.perf_counter()

    @app.after_request
    def log_request(response):
        rid = g.get("request_id", "-")
        response.headers["X-Request-Id"] = rid
        elapsed_ms = (time.perf_counter() - g.get("request_started", time.perf_counter())) * 1000
        # The path only: query strings may carry codes or signatures we do not want in logs.
        log.info("%s %s %s %.1fms", request.method, request.path, response.status_code, elapsed_ms)
        return response

    @app.teardown_request
    def forget_request_id(_error: BaseException | None) -> None:
        token = g.pop("request_id_token", None)
        try:
            if token is not None:
                request_id.reset(token)
        except ValueError:  # set in another context (a streamed response): just clear it
            request_id.set("-")
