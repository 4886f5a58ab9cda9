"""UPS sandbox at /_sandbox/ups: OAuth, Track details from scripted journeys, and controls."""

from backend.sandbox.ups import control, oauth, track, track_alert
from backend.sandbox.ups.blueprint import bp

__all__ = ["bp", "control", "oauth", "track", "track_alert"]
