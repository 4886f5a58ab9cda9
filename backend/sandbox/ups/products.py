"""Which UPS products the sandbox app is enabled for: refuse one to see the app step aside.

UPS does not document how it refuses an API the app was not given; the sandbox answers the
way the gateway refuses a licence it does not know (HTTP 401, code 250003), for every token.
"""

from __future__ import annotations

from flask import Response, jsonify, request

from backend.sandbox.ups.blueprint import bp, key, store, ups_error
from backend.web.errors import ApiError

PRODUCTS = ("track_alert_enhanced", "time_in_transit", "shipment_details")


def refused(product: str) -> Response | None:
    """UPS's refusal when `product` is switched off, else None."""
    if store().sismember(key("refused_products"), product):
        return ups_error(401, "250003", "Invalid Access License number")
    return None


@bp.post("/products")
def set_products() -> Response:
    """{"refuse": ["time_in_transit", ...]}: answer those products as not enabled."""
    body = request.get_json(silent=True) or {}
    names = body.get("refuse")
    if not isinstance(names, list) or not all(name in PRODUCTS for name in names):
        raise ApiError(400, "invalid_request", f"refuse: a list among {list(PRODUCTS)}")
    store().delete(key("refused_products"))
    if names:
        store().sadd(key("refused_products"), *names)
    return jsonify({"refused": sorted(names)})


@bp.get("/products")
def get_products() -> Response:
    refused_now = sorted(store().smembers(key("refused_products")))
    return jsonify({"products": list(PRODUCTS), "refused": refused_now})
