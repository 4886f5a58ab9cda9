"""One JSON error envelope for every failure: {"error": {"code", "message"}}."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Request, current_app, jsonify
from werkzeug.exceptions import BadRequest, HTTPException

from backend.web.i18n import request_lang
from backend.web.json_guard import GuardedJSONProvider, HostileJsonError
from backend.web.messages import message_for

log = logging.getLogger(__name__)

# Werkzeug's status codes mapped to our envelope codes.
_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    429: "rate_limited",
    503: "service_unavailable",
}


class ApiError(Exception):
    """An error a view raises on purpose; rendered in the envelope with its status."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str | None = None,
        errors: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message
        self.errors = errors
        self.headers = headers or {}


class InvalidJsonError(BadRequest):
    """The body claimed to be JSON and was not."""

    description = "invalid JSON body"


class JsonRequest(Request):
    """Flask's request with bounded JSON parsing (json_guard); a malformed or hostile body
    raises an error we can name."""

    def on_json_loading_failed(self, e: ValueError | None) -> Any:
        if isinstance(e, HostileJsonError):
            raise ApiError(400, e.code)
        raise InvalidJsonError()


def envelope(status: int, code: str, message: str | None = None, **extra: Any):
    """A Flask response carrying the error envelope in the request's language."""
    body: dict[str, Any] = {"code": code, "message": message or message_for(code, request_lang())}
    body.update({k: v for k, v in extra.items() if v is not None})
    response = jsonify({"error": body})
    response.status_code = status
    return response


def _handle_api_error(error: ApiError):
    response = envelope(error.status, error.code, error.message, errors=error.errors)
    response.headers.update(error.headers)
    return response


def _handle_http_exception(error: HTTPException):
    status = error.code or 500
    data = getattr(error, "data", None) or {}
    messages = data.get("messages")  # webargs puts validation details here
    if isinstance(error, InvalidJsonError) or (status == 400 and _is_bad_json(error, messages)):
        return envelope(400, "invalid_json")
    if status == 422 or (status == 400 and messages):
        return envelope(400, "invalid_request", errors=messages)
    if status >= 500:
        return envelope(status, _HTTP_CODES.get(status, "internal_error"))
    response = envelope(status, _HTTP_CODES.get(status, "bad_request"))
    if status == 429 and "Retry-After" not in response.headers:
        response.headers["Retry-After"] = "60"
    for name, value in error.get_headers():
        if name.lower() not in {"content-type", "content-length"}:
            response.headers[name] = value
    return response


def _is_bad_json(error: HTTPException, messages: Any) -> bool:
    text = f"{error.description} {messages}".lower()
    return "json" in text and ("invalid" in text or "decode" in text or "failed" in text)


def _handle_unexpected(error: Exception):
    if isinstance(error, HTTPException):
        return _handle_http_exception(error)
    if is_store_unavailable(error) or is_store_unavailable(error.__cause__ or error):
        return _handle_store_unavailable(error)
    log.exception("unhandled error")
    return envelope(500, "internal_error")


# Seconds a client should wait after the data store failed to answer.
STORE_RETRY_AFTER = "5"


def is_store_unavailable(error: BaseException) -> bool:
    """True for the data store's connection and timeout errors (given by the composition root)."""
    return isinstance(error, current_app.extensions.get("store_unavailable_errors", ()))


def _handle_store_unavailable(error: Exception):
    log.warning("data store unavailable: %s", type(error).__name__)
    response = envelope(503, "service_unavailable")
    response.headers["Retry-After"] = STORE_RETRY_AFTER
    return response


def register_error_handlers(
    app: Flask, store_unavailable: tuple[type[Exception], ...] = ()
) -> None:
    """Install the handlers; call after flask-smorest's Api so ours replace its own.

    `store_unavailable`: the exceptions meaning "Redis does not answer", answered 503.
    """
    app.request_class = JsonRequest
    app.json = GuardedJSONProvider(app)
    app.extensions["store_unavailable_errors"] = store_unavailable
    for kind in store_unavailable:
        app.register_error_handler(kind, _handle_store_unavailable)
    app.register_error_handler(ApiError, _handle_api_error)
    app.register_error_handler(HTTPException, _handle_http_exception)
    app.register_error_handler(Exception, _handle_unexpected)
