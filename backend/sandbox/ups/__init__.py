"""UPS sandbox at /_sandbox/ups: OAuth, Track details from scripted journeys, Locator, controls."""

from backend.sandbox.ups import control, locator, oauth, track, track_alert
from backend.sandbox.ups.blueprint import bp

__all__ = ["bp", "control", "locator", "oauth", "track", "track_alert"]
