"""The Redis the tests use: REDIS_URL's server (database 15), or an embedded one."""

from __future__ import annotations

import os
from urllib.parse import urlparse

from backend.adapters import redis_conn
from backend.settings import DEFAULT_REDIS_URL

# Tests flush their database; never the one an app may be using. Parallel runs on one
# machine can pick different databases with TEST_REDIS_DB.
TEST_DB = int(os.environ.get("TEST_REDIS_DB", "15"))


def choose_test_redis_url() -> tuple[str, str]:
    """The URL to test against and where it came from ('real' or 'embedded')."""
    configured = os.environ.get("REDIS_URL", "").strip() or DEFAULT_REDIS_URL
    if redis_conn.is_reachable(configured, timeout=1):
        return urlparse(configured)._replace(path=f"/{TEST_DB}").geturl(), "real"
    if os.environ.get("REQUIRE_REDIS") == "1":
        raise RuntimeError(
            f"REQUIRE_REDIS=1 but Redis at {redis_conn.describe(configured)} does not answer"
        )
    return redis_conn.start_embedded_redis(), "embedded"
