"""Schemathesis hooks for our API: log in through the WeChat sandbox for a bearer token, and
stretch some query strings past the server's request line.

Each token comes from a fresh sandbox login code, and is fetched again every few seconds
because the run itself may call POST /auth/logout with it.

Left to itself the fuzzer rarely writes a query string long enough for gunicorn's 8,190-byte
request line, yet a real client can (GET /track with 4,000 characters of full-width
separators). So a free-text query value may get separators appended, within its maxLength
(the case stays schema-valid): 1 to 9 bytes each once percent-encoded, so the stretched
request lines fall on both sides of the limit.
"""

from __future__ import annotations

import itertools
import os
import time

import requests
import schemathesis
from hypothesis import strategies as st

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


# Free-text query parameters (their maxLength in the document) and what may pad them:
# separators the number parser skips, ASCII and full-width.
STRETCHABLE = {"numbers": 4000, "code": 4000}
PADDING = st.text(alphabet=[" ", ",", "，", "、", "；"], min_size=600, max_size=4000)


@schemathesis.hook
def flatmap_query(context, query):
    if not isinstance(query, dict):
        return st.just(query)
    names = [n for n in STRETCHABLE if isinstance(query.get(n), str)]
    if not names:
        return st.just(query)
    # A coin per case (st.one_of would favour the first, simpler branch).
    return st.tuples(st.booleans(), st.sampled_from(names), PADDING).map(
        lambda drawn: _stretched(query, drawn[1], drawn[2]) if drawn[0] else query
    )


def _stretched(query: dict, name: str, padding: str) -> dict:
    room = STRETCHABLE[name] - len(query[name])
    return {**query, name: query[name] + padding[: max(0, room)]}
