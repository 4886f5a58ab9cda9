"""Schemathesis hooks for our API: log in through the WeChat sandbox for a bearer token.

Each token comes from a fresh sandbox login code, and is fetched again every few seconds
because the run itself may call POST /auth/logout with it.
"""

from __future__ import annotations

import itertools
import os
import time

import requests
import schemathesis

_serial = itertools.count(1)


@schemathesis.auth(refresh_interval=3)
class SandboxLogin:
    def get(self, case, context):
        base = os.environ["CONTRACT_BASE_URL"]
        code = f"sandbox:contract#{next(_serial)}-{time.monotonic_ns()}"
        response = requests.post(f"{base}/api/v1/auth/login", json={"code": code}, timeout=10)
        response.raise_for_status()
        return response.json()["token"]

    def set(self, case, data, context):
        case.headers = case.headers or {}
        case.headers["Authorization"] = f"Bearer {data}"
