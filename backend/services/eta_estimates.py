"""ETA estimates for parcels the carrier gives no date for, and the lane history behind them."""

from __future__ import annotations

import logging
import time
from dataclasses import replace
from datetime import date

from backend.domain import eta_estimates as rules
from backend.domain.errors import CarrierError
from backend.domain.model import EtaEstimate, Shipment
from backend.domain.share_view import local_today
from backend.domain.statuses import Status
from backend.domain.transit import TransitQuery
from backend.ports import Clock, LaneHistory, TransitTimes

log = logging.getLogger(__name__)

# Time in Transit takes ship dates up to 35 days back.
MAX_QUOTE_AGE_DAYS = 35
DEFAULT_WEIGHT_KG = 1.0  # UPS wants a weight abroad; transit time rarely depends on it


class EtaEstimator:
    """Adds `eta_estimate` to a fresh shipment; learns from delivered ones."""

    def __init__(self, transit: TransitTimes, lanes: LaneHistory, clock: Clock = time.time):
        self._transit = transit
        self._lanes = lanes
        self._clock = clock

    def complete(self, shipment: Shipment) -> Shipment:
        """The shipment with an estimate when it needs one (never raises)."""
        if not rules.needs_estimate(shipment):
            return shipment
        try:
            estimate = self._estimate(shipment)
        except CarrierError as error:  # a quote is a nicety: the lookup stands without it
            log.warning("transit-time quote for %s failed: %s", shipment.number, error.detail)
            estimate = None
        return replace(shipment, eta_estimate=estimate) if estimate else shipment

    def learn(self, shipment: Shipment) -> None:
        """Remember a delivered parcel's transit days on its lane."""
        lane, days = rules.lane_of(shipment), rules.transit_days(shipment)
        if shipment.status is Status.DELIVERED and lane and days is not None:
            self._lanes.add(lane, shipment.number, days)

    def _estimate(self, shipment: Shipment) -> EtaEstimate | None:
        shipped = rules.ship_date(shipment)
        if shipped is None:
            return None
        today = self._today(shipment)
        lane = rules.lane_of(shipment)
        if lane:
            learned = rules.from_history(self._lanes.samples(lane), shipped, today)
            if learned is not None:
                return learned
        if (today - shipped).days > MAX_QUOTE_AGE_DAYS or shipment.destination_address is None:
            return None
        query = self._query(shipment, shipped)
        if query is None:
            return None
        option = rules.pick_option(self._transit.options(query), query.service)
        international = query.origin.country != query.destination.country
        return rules.from_quote(option, international, today) if option else None

    def _query(self, shipment: Shipment, shipped: date) -> TransitQuery | None:
        origin, destination = shipment.origin_address, shipment.destination_address
        if origin is None or destination is None or not origin.country:
            return None
        return TransitQuery(
            origin,
            destination,
            shipped.isoformat(),
            _kilograms(shipment),
            rules.service_kind(shipment.service),
        )

    def _today(self, shipment: Shipment) -> date:
        return local_today(shipment, self._clock())


def _kilograms(shipment: Shipment) -> float:
    weight = shipment.weight
    if weight is None:
        return DEFAULT_WEIGHT_KG
    try:
        value = float(weight.value)
    except ValueError:
        return DEFAULT_WEIGHT_KG
    kilograms = value * 0.45359237 if weight.unit == "LBS" else value
    return min(max(kilograms, 0.1), 70.0)
