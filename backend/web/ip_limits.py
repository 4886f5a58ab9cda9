"""Per-IP limits for public share reads, on the same counters as the budgets."""

from __future__ import annotations

import time

from flask import request

from backend.web.errors import ApiError
from backend.web.limits import check, rates
from backend.web.limits import retry_after as _retry_after


def allow_share_read(bucket: str) -> bool:
    """Count this public share read for its IP in `bucket` (RATE_LIMIT_SHARE_READ)."""
    try:
        check([(bucket, f"ip:{request.remote_addr}", rates().share_read)])
    except ApiError:
        return False
    return True


def share_read_retry_after() -> str:
    """Seconds to suggest in Retry-After: until the current share-read window ends."""
    return _retry_after(rates().share_read, time.time())
