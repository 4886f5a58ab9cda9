"""GET /metrics: Prometheus text for operators, behind METRICS_TOKEN (open only in sandbox)."""

from __future__ import annotations

import hmac

from flask import Blueprint, Response, request

from backend.web.errors import ApiError
from backend.web.messages import register
from backend.web.registry import MetricsPage, WebConfig, use

bp = Blueprint("metrics", __name__)

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"

register(
    "metrics_disabled",
    "未配置 METRICS_TOKEN，监控指标不对外开放。",
    "Metrics are off: set METRICS_TOKEN to read them.",
)


@bp.get("/metrics")
def metrics():
    """Every process's counters and histograms, plus queue depth and schedule lag."""
    page = use(MetricsPage)
    expected = page.token
    if expected:
        scheme, _, given = request.headers.get("Authorization", "").strip().partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            given.strip().encode(), expected.encode()
        ):
            raise ApiError(401, "unauthorized")
    elif not use(WebConfig).sandbox:
        raise ApiError(403, "metrics_disabled")
    return Response(page.exposition(), content_type=CONTENT_TYPE)
