"""Per-IP limits for single public routes (share reads), on the same counters as the budgets."""

from __future__ import annotations

import time

from flask import request

from backend.web.errors import ApiError
from backend.web.limits import check, parse_rate
from backend.web.limits import retry_after as _retry_after


def allow(bucket: str, rate: str) -> bool:
    """Count this request against `rate` (e.g. "60/minute") for its IP in `bucket`."""
    try:
        check([(bucket, f"ip:{request.remote_addr}", parse_rate(rate))])
    except ApiError:
        return False
    return True


def retry_after(rate: str) -> str:
    """Seconds to suggest in Retry-After: until the current window of `rate` ends."""
    return _retry_after(parse_rate(rate), time.time())
