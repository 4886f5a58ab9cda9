"""Every sandbox parcel, by number: the scripted journeys are data, kept apart from the views."""

from __future__ import annotations

import dataclasses
import re

from backend.domain.numbers import is_valid_1z
from backend.sandbox.ups.journeys import beyond, domestic, international, troubles
from backend.sandbox.ups.journeys.base import Scenario

SCENARIOS: tuple[Scenario, ...] = (
    domestic.SCENARIOS + international.SCENARIOS + troubles.SCENARIOS + beyond.SCENARIOS
)
BY_NUMBER: dict[str, Scenario] = {scenario.number: scenario for scenario in SCENARIOS}
# UPS answers for an alternate number (alternateTrackingNumber) with the parcel it names.
BY_ALTERNATE: dict[str, Scenario] = {
    number: scenario for scenario in SCENARIOS for _kind, number in scenario.alternates
}
BY_KEY: dict[str, Scenario] = {scenario.key: scenario for scenario in SCENARIOS}

if len(BY_NUMBER) != len(SCENARIOS) or len(BY_KEY) != len(SCENARIOS):
    raise RuntimeError("two sandbox scenarios share a number or a key")


# Bulk parcels for load tests: any valid 1Z with shipper "SBXBLK" replays the domestic
# journey under its own number, so benchmarks can watch thousands of distinct parcels.
BULK_PREFIX = "1ZSBXBLK"
_BULK = re.compile(r"^1ZSBXBLK[0-9A-Z]{9}\d$")


def find(number: str) -> Scenario | None:
    """The scenario behind `number` (any case, surrounding spaces ignored), if any."""
    clean = number.strip().upper()
    scenario = BY_NUMBER.get(clean) or BY_ALTERNATE.get(clean)
    if scenario is None and _BULK.match(clean) and is_valid_1z(clean):
        template = BY_KEY["domestic_delivered"]
        return dataclasses.replace(template, key=f"bulk_{clean[-7:]}", number=clean)
    return scenario
