"""The OpenAPI document tells the truth: our error envelope is the error schema, validation
fails with 400 (never 422), and every operation lists each status it can answer.

flask-smorest documents what each view declares; this apispec plugin adds what every
/api/v1 operation can answer whatever the view (a malformed or oversized body, a spent rate
budget, Redis not answering) and gives every error response the envelope.
"""

from __future__ import annotations

from typing import Any

from apispec import BasePlugin
from marshmallow import Schema, fields

ERROR_REF = {"$ref": "#/components/schemas/Error"}
RETRY_AFTER = {
    "Retry-After": {
        "description": "seconds to wait before trying again",
        "required": True,
        "schema": {"type": "integer", "minimum": 1},
    }
}
# What any /api/v1 operation may answer, whatever its view. 414, 417, 431 and 501 come
# from the HTTP server (gunicorn, backend/gunicorn_worker.py) before the application sees
# the request, in the same envelope (plus `message_en`: the language is not known yet).
COMMON = {
    "400": "invalid_json, json_too_deep, number_too_long, invalid_characters, "
    "invalid_request (field details in `errors`), bad_request (a malformed HTTP request) "
    "or a code of the operation's own",
    "413": "payload_too_large: the body is over 64 KB",
    "414": "uri_too_long: the request line is over 8,190 bytes (a character can take 9 once "
    "percent-encoded, so a long enough query string meets it even within its maxLength)",
    "417": "expectation_failed: an Expect header other than 100-continue",
    "429": "rate_limited: this client's request budget, or its budget of UPS calls, is spent; "
    "upstream_busy: the budget of UPS calls for everyone is (`retry_after` as in the header)",
    "431": "headers_too_large: a header line over 8,190 bytes, or more than 100 headers",
    "501": "not_implemented: a Transfer-Encoding gunicorn does not know (not chunked, "
    "identity, gzip, deflate or compress)",
    "503": "service_unavailable: the data store does not answer",
}
WITH_RETRY_AFTER = {"429", "503"}


class ErrorDetailSchema(Schema):
    code = fields.String(required=True, metadata={"description": "snake_case error code"})
    message = fields.String(required=True, metadata={"description": "in the request's language"})
    errors = fields.Dict(metadata={"description": "invalid_request: the invalid fields"})
    retry_after = fields.Integer(
        metadata={"description": "a spent budget of UPS calls: seconds to wait (= Retry-After)"}
    )
    message_en = fields.String(
        metadata={
            "description": "refusals of the HTTP server (414, 417, 431, 501, a malformed "
            "request), made before the request's language is known: `message` is Chinese, "
            "this the English text"
        }
    )


class ErrorSchema(Schema):
    """Every error: {"error": {"code", "message"}}."""

    error = fields.Nested(ErrorDetailSchema, required=True)


def error_response(description: str, status: str) -> dict[str, Any]:
    response: dict[str, Any] = {
        "description": description,
        "content": {"application/json": {"schema": ERROR_REF}},
    }
    if status in WITH_RETRY_AFTER:
        response["headers"] = RETRY_AFTER
    return response


class EnvelopeErrorsPlugin(BasePlugin):
    """Rewrites each /api/v1 operation's responses as it is registered."""

    def operation_helper(self, path: str | None = None, operations=None, **kwargs: Any) -> None:
        if not path or not path.startswith("/api/v1/") or path.endswith("/openapi.json"):
            return
        for operation in (operations or {}).values():
            responses = {str(k): v for k, v in operation.get("responses", {}).items()}
            responses.pop("default", None)
            responses.pop("422", None)  # webargs' status; the error handler answers 400
            for status, description in COMMON.items():
                responses[status] = _merged(responses.get(status), description, status)
            for status, response in list(responses.items()):
                if status >= "400" and not _has_json(response):
                    responses[status] = _merged(response, "", status)
            operation["responses"] = responses


def _merged(existing: Any, description: str, status: str) -> dict[str, Any]:
    """The envelope response, keeping a view's own description first."""
    own = existing.get("description", "") if isinstance(existing, dict) else ""
    text = "; ".join(part for part in (own, description) if part) or "error"
    return error_response(text, status)


def _has_json(response: Any) -> bool:
    return isinstance(response, dict) and "application/json" in response.get("content", {})


def openapi_metadata(self, field, ret, **kwargs: Any) -> dict[str, Any]:
    """apispec attribute function: a field's metadata["openapi"] is merged into its property
    (for custom fields, e.g. free text or a list of numbers)."""
    return dict(field.metadata.get("openapi", {}))
