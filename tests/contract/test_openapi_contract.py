"""Schemathesis (material we did not write) against our OpenAPI document, over real HTTP:
every operation, every check, 0 failures. `make test` runs a bounded campaign (about a
minute); `make fuzz` runs the same with CONTRACT_SECONDS set to something long."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from backend.web import limits

HERE = Path(__file__).resolve().parent
SECONDS = int(os.environ.get("CONTRACT_SECONDS", "45"))


@pytest.fixture
def served(make_settings, monkeypatch):
    """The app on a live server, budgets wide open: the fuzzer is one very busy client."""
    from backend.app import create_app
    from backend.bootstrap import build_services
    from tests.support.apps import close_app
    from tests.support.live_server import LiveServer

    wide = {endpoint: (budget, "100000/minute", by_ip)
            for endpoint, (budget, _rate, by_ip) in limits.ROUTE_LIMITS.items()}  # fmt: skip
    monkeypatch.setattr(limits, "ROUTE_LIMITS", wide)
    server = LiveServer()
    settings = make_settings(
        port=server.port, public_base_url=server.url, log_level="ERROR",
        rate_limit_anonymous="1000000/minute", rate_limit_user="1000000/minute",
        upstream_budget_anonymous="1000000/minute", upstream_budget_user="1000000/minute",
        upstream_budget_global="1000000/minute",
    )  # fmt: skip
    app = create_app(settings, build_services(settings))
    server.serve(app)
    yield server.url
    server.stop()
    close_app(app)


@pytest.mark.timeout(SECONDS * 3 + 120)
def test_the_api_matches_its_openapi_document(served):
    command = [
        sys.executable, "-m", "schemathesis.cli", "--config-file", str(HERE / "schemathesis.toml"),
        "run", f"{served}/api/v1/openapi.json",
        "--checks", "all", "--max-time", str(SECONDS), "--workers", "2",
        "--seed", os.environ.get("CONTRACT_SEED", "20261130"),
        "--no-color", "--suppress-health-check", "all",
    ]  # fmt: skip
    env = {**os.environ, "CONTRACT_BASE_URL": served,
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
