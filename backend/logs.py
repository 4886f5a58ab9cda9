"""Process-wide logging for every entry point (API, worker, CLI): stderr, with request ids."""

from __future__ import annotations

import logging
import re
from contextvars import ContextVar

# The id of the HTTP request being served in this context; "-" outside requests (worker).
request_id: ContextVar[str] = ContextVar("request_id", default="-")


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record so one request's lines can be found together."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


# C0 and C1 controls, DEL and the Unicode line separators: in a logged value (a path, a
# header) they would end the line and let a client forge the next one.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def escape_controls(text: str) -> str:
    """Control characters written as escapes (\\x0a, \\u2028), so one record stays one line."""
    return _CONTROL.sub(
        lambda m: (
            f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}"
        ),
        text,
    )


class OneLineFormatter(logging.Formatter):
    """Escapes control characters in the message; a traceback, appended after, keeps its lines."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 (logging's name)
        return escape_controls(super().formatMessage(record))


def configure_logging(level: str = "INFO") -> None:
    """Log to stderr with the request id; idempotent so tests may call it repeatedly."""
    root = logging.getLogger()
    if not any(isinstance(f, RequestIdFilter) for h in root.handlers for f in h.filters):
        handler = logging.StreamHandler()
        handler.addFilter(RequestIdFilter())
        handler.setFormatter(
            OneLineFormatter("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s")
        )
        root.addHandler(handler)
    root.setLevel(level)
