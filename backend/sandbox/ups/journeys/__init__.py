"""Every sandbox parcel, by number: the scripted journeys are data, kept apart from the views."""

from __future__ import annotations

from backend.sandbox.ups.journeys import domestic, international, troubles
from backend.sandbox.ups.journeys.base import Scenario

SCENARIOS: tuple[Scenario, ...] = domestic.SCENARIOS + international.SCENARIOS + troubles.SCENARIOS
BY_NUMBER: dict[str, Scenario] = {scenario.number: scenario for scenario in SCENARIOS}
BY_KEY: dict[str, Scenario] = {scenario.key: scenario for scenario in SCENARIOS}

if len(BY_NUMBER) != len(SCENARIOS) or len(BY_KEY) != len(SCENARIOS):
    raise RuntimeError("two sandbox scenarios share a number or a key")


def find(number: str) -> Scenario | None:
    """The scenario behind `number` (any case, surrounding spaces ignored), if any."""
    return BY_NUMBER.get(number.strip().upper())
