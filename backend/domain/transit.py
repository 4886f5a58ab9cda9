"""A carrier's transit-time question and answer, in neutral terms."""

from __future__ import annotations

from dataclasses import dataclass

from backend.domain.model import Place


@dataclass(frozen=True)
class TransitQuery:
    """From where to where, shipped on which day, how heavy: what a transit-time quote needs."""

    origin: Place
    destination: Place
    ship_date: str  # YYYY-MM-DD: the day the carrier took the parcel
    weight_kg: float
    service: str  # our service kind (eta_estimates.service_kind): "express", "saver", ...


@dataclass(frozen=True)
class TransitOption:
    """One service's promise: the day it would arrive."""

    service: str  # service kind, as service_kind() reads the carrier's description
    delivery_date: str  # YYYY-MM-DD
    business_days: int | None = None
    customs_delay_days: int = 0  # the carrier's own allowance for customs on this lane
