"""The Redis the tests use: REDIS_URL's server (database 15), or the embedded server."""

from __future__ import annotations

import os
from urllib.parse import urlparse

from backend.adapters import redis_conn
from backend.adapters.embedded_redis import EmbeddedRedis
from backend.settings import DEFAULT_REDIS_URL

# Tests flush their database; never the one an app may be using. Parallel runs on one
# machine can pick different databases with TEST_REDIS_DB.
TEST_DB = int(os.environ.get("TEST_REDIS_DB", "15"))


def choose_test_redis_url() -> tuple[str, EmbeddedRedis | None]:
    """The URL to test against, and the embedded server started for it (None: a real Redis).

    Without a Redis the suite runs on the same embedded server `make run` starts, database
    TEST_DB like on a real one, so no test is skipped for want of Redis."""
    configured = os.environ.get("REDIS_URL", "").strip() or DEFAULT_REDIS_URL
    if redis_conn.is_reachable(configured, timeout=1):
        return _database(configured, TEST_DB), None
    if os.environ.get("REQUIRE_REDIS") == "1":
        raise RuntimeError(
            f"REQUIRE_REDIS=1 but Redis at {redis_conn.describe(configured)} does not answer"
        )
    server = EmbeddedRedis()
    return _database(server.start(), TEST_DB), server


def _database(url: str, db: int) -> str:
    return urlparse(url)._replace(path=f"/{db}").geturl()
