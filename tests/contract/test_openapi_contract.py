"""Schemathesis (material we did not write) against our OpenAPI document, over real HTTP to
gunicorn: every operation, every check, 0 failures. `make test` runs a bounded campaign
(about a minute); `make fuzz` runs the same with CONTRACT_SECONDS set to something long.
The hooks (schemathesis_hooks.py) stretch some query strings past the request-line limit."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.stack import Stack

HERE = Path(__file__).resolve().parent
SECONDS = int(os.environ.get("CONTRACT_SECONDS", "45"))


# The fuzzer is one very busy client: every budget wide open (they are all settings).
WIDE_BUDGETS = {
    f"RATE_LIMIT_{name}": "1000000/minute"
    for name in ("ANONYMOUS", "USER", "LOGIN_FAILURES", "LOGIN_USER", "SHARE_CREATE",
                 "LINK_CHECK", "SHARE_READ")
} | {
    f"UPSTREAM_BUDGET_{name}": "1000000/minute" for name in ("ANONYMOUS", "USER", "GLOBAL")
}  # fmt: skip


@pytest.fixture
def served(redis_url, redis_client, tmp_path):
    """The API under gunicorn, as in production and `make run`: its own refusals (414 for
    a request line over 8,190 bytes, 431, ...) are part of what the document must list."""
    stack = Stack(redis_url, tmp_path, LOG_LEVEL="ERROR", **WIDE_BUDGETS)
    stack.start_api()
    yield stack
    stack.stop()


@pytest.mark.timeout(SECONDS * 3 + 120)
def test_the_api_matches_its_openapi_document(served):
    command = [
        sys.executable, "-m", "schemathesis.cli", "--config-file", str(HERE / "schemathesis.toml"),
        "run", f"{served.url}/api/v1/openapi.json",
        "--checks", "all", "--max-time", str(SECONDS), "--workers", "2",
        "--seed", os.environ.get("CONTRACT_SEED", "20261130"),
        "--no-color", "--suppress-health-check", "all",
    ]  # fmt: skip
    env = {**os.environ, "CONTRACT_BASE_URL": served.url,
           "SCHEMATHESIS_HOOKS": "tests.contract.schemathesis_hooks"}  # fmt: skip
    run = subprocess.run(
        command, capture_output=True, text=True, env=env, cwd=HERE.parents[1],
        timeout=SECONDS * 3 + 60, check=False,
    )  # fmt: skip
    output = run.stdout + run.stderr
    summary = re.search(r"Test cases:\s*\n\s*(\d+) generated[^\n]*", output)
    print(summary.group(0) if summary else output[-3000:])
    assert run.returncode == 0, output[-20000:]
    assert summary and int(summary.group(1)) > 0
    # gunicorn logs each request line it refused (414): the run did meet the limit.
    refused = (
        (served.log_dir / "api.log").read_text(errors="replace").count("Request Line is too large")
    )
    print(f"request lines over the limit (414): {refused}")
    assert refused > 0
