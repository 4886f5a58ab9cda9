"""The Result's newer parts: our ETA estimate, delivery proof, charges and pieces."""

from __future__ import annotations

from typing import Any

from backend.domain import statuses
from backend.domain.delivery_proof import delivery_view
from backend.domain.model import Shipment


def estimate_view(shipment: Shipment) -> dict[str, Any] | None:
    estimate = shipment.eta_estimate
    if estimate is None or shipment.eta is not None:
        return None  # UPS's own date, when there is one, always wins
    view: dict[str, Any] = {
        "earliest": estimate.earliest,
        "latest": estimate.latest,
        "basis": estimate.basis,
        "confidence": estimate.confidence,
    }
    if estimate.samples:
        view["samples"] = estimate.samples
    return view


def pieces_view(shipment: Shipment, lang: str) -> dict[str, Any] | None:
    pieces = shipment.pieces
    if pieces is None:
        return None
    return {
        "count": pieces.count,
        "delivered": pieces.delivered,
        "numbers": list(pieces.numbers),
        "items": [
            {
                "number": number,
                "status": {
                    "code": _status(code).value,
                    "label": statuses.label(_status(code), lang),
                },
            }
            for number, code in zip(pieces.numbers, pieces.statuses, strict=False)
        ],
    }


def _status(code: str) -> statuses.Status:
    try:
        return statuses.Status(code)
    except ValueError:
        return statuses.Status.UNKNOWN


def extras_view(shipment: Shipment, lang: str) -> dict[str, Any]:
    return {
        "eta_estimate": estimate_view(shipment),
        "delivery": delivery_view(shipment, lang),
        "charges": [
            {"type": c.type, "amount": c.amount, "currency": c.currency, "paid": c.paid}
            for c in shipment.charges
        ],
        "pieces": pieces_view(shipment, lang),
    }
