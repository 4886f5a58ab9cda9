"""Request logging: a request id on every request, its log lines and its response.

The id is always ours: a client could otherwise give its request another request's id and
muddle the trail. A client's own X-Request-Id (if well-formed) is logged in a field of its
own. Control characters in logged values are escaped (backend.logs.OneLineFormatter).
"""

from __future__ import annotations

import logging
import re
import time
import uuid

from flask import Flask, g, request

from backend.domain.masks import mask_segment, mask_share_id
from backend.domain.numbers import mask_number
from backend.logs import escape_controls, request_id

log = logging.getLogger("backend.access")
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


# View arguments that are secrets or someone's parcel: shown masked in the access log.
_MASKED = {"share_id": mask_share_id, "number": mask_number}
_PLACEHOLDER = re.compile(r"<(?:[^<>:]+:)?(\w+)>")


def loggable_path() -> str:
    """The request's path with share ids and tracking numbers masked: the route's pattern
    filled with its (masked) arguments, or, for a path no route matched, long segments cut."""
    rule, args = request.url_rule, request.view_args or {}
    if rule is None:
        return "/".join(mask_segment(part) for part in request.path.split("/"))

    def fill(match: re.Match[str]) -> str:
        value = str(args.get(match.group(1), ""))
        mask = _MASKED.get(match.group(1))
        return mask(value) if mask else value

    return _PLACEHOLDER.sub(fill, rule.rule)


def init_request_logging(app: Flask) -> None:
    """Assign ids before each request and log one line after it."""

    @app.before_request
    def assign_request_id() -> None:
        g.request_started = time.perf_counter()
        g.request_id = uuid.uuid4().hex
        g.request_id_token = request_id.set(g.request_id)
        incoming = request.headers.get("X-Request-Id", "")
        g.client_request_id = incoming if _SAFE_ID.match(incoming) else None

    @app.after_request
    def log_request(response):
        rid = g.get("request_id", "-")
        response.headers["X-Request-Id"] = rid
        elapsed_ms = (time.perf_counter() - g.get("request_started", time.perf_counter())) * 1000
        # The path only: query strings may carry codes or signatures we do not want in logs.
        path = escape_controls(loggable_path())
        client_id = g.get("client_request_id")
        suffix = f" client_request_id={client_id}" if client_id else ""
        log.info(
            "%s %s %s %.1fms%s", request.method, path, response.status_code, elapsed_ms, suffix
        )
        return response

    @app.teardown_request
    def forget_request_id(_error: BaseException | None) -> None:
        token = g.pop("request_id_token", None)
        try:
            if token is not None:
                request_id.reset(token)
        except ValueError:  # set in another context (a streamed response): just clear it
            request_id.set("-")
