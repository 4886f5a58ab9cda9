"""GET /healthz: the API is up and Redis answers."""

from flask import Blueprint, jsonify

from backend.web.i18n import request_lang
from backend.web.messages import message_for
from backend.web.registry import Health, WebConfig, use

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    """200 when Redis answers PING, 503 otherwise (load balancers take us out)."""
    if not use(Health).store_answers():
        body = {
            "status": "unavailable",
            "redis": "down",
            "error": {
                "code": "redis_unavailable",
                "message": message_for("redis_unavailable", request_lang()),
            },
        }
        return jsonify(body), 503, {"Retry-After": "5"}
    return jsonify({"status": "ok", "redis": "ok", "sandbox": use(WebConfig).sandbox})
