"""UPS sandbox at /_sandbox/ups: OAuth, Track details from scripted journeys, Locator, controls."""

from backend.sandbox.ups import (
    control,
    locator,
    oauth,
    products,
    shipment,
    track,
    track_alert,
    transit,
)
from backend.sandbox.ups.blueprint import bp

__all__ = [
    "bp", "control", "locator", "oauth", "products", "shipment", "track", "track_alert",
    "transit",
]  # fmt: skip
