"""Keeps WeChat credentials out of urllib3's debug log lines (it logs full request URLs)."""

from __future__ import annotations

import logging
import re

# jscode2session carries the AppSecret and the login code in its query string, and every
# other call carries the access token; urllib3 logs those URLs at DEBUG.
_SECRET_PARAMS = re.compile(r"((?:^|[?&])(?:secret|js_code|access_token)=)[^&\s\"]*")


def redact(text: str) -> str:
    """`text` with the values of secret-bearing query parameters replaced by ***."""
    return _SECRET_PARAMS.sub(r"\1***", text)


class RedactQuerySecrets(logging.Filter):
    """Rewrites a record's arguments so its message shows no WeChat credentials."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        elif isinstance(record.msg, str):
            record.msg = redact(record.msg)
        return True


def install() -> None:
    """Attach the filter to urllib3's connection-pool logger once (idempotent)."""
    logger = logging.getLogger("urllib3.connectionpool")
    if not any(isinstance(f, RedactQuerySecrets) for f in logger.filters):
        logger.addFilter(RedactQuerySecrets())
