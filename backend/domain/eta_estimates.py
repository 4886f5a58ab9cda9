"""Our own delivery estimate when the carrier gives no date: from its transit-time quote,
then from the transit days of parcels on the same lane that were delivered before."""

from __future__ import annotations

import re
from datetime import date, timedelta
from statistics import quantiles

from backend.domain.model import EtaEstimate, Shipment
from backend.domain.statuses import Status, is_final
from backend.domain.transit import TransitOption

# A lane's own history wins once it holds this many delivered parcels.
MIN_LANE_SAMPLES = 8
# A quote names the day the service is due; customs and last-mile slack make it a range.
QUOTE_SLACK_DAYS = {True: 2, False: 1}  # international, domestic
QUOTE_CONFIDENCE = 0.6
# Service kinds, most specific first: matched in English descriptions and Chinese names.
_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("express_plus", ("EXPRESS PLUS", "特快加急")),
    ("express_saver", ("EXPRESS SAVER", "全球速快", "速快")),
    ("expedited", ("EXPEDITED", "快捷")),
    ("express", ("EXPRESS", "特快")),
    ("saver", ("SAVER",)),
    ("standard", ("STANDARD", "标准")),
    ("next_day", ("NEXT DAY", "次日")),
    ("second_day", ("2ND DAY", "2 DAY", "第二天")),
    ("three_day", ("3 DAY", "三日")),
    ("ground", ("GROUND", "陆运")),
)
_SPACES = re.compile(r"\s+")
_NOT_STARTED = {Status.LABEL_CREATED, Status.UNKNOWN, Status.CANCELLED}


def service_kind(description: str | None) -> str:
    """ "UPS Worldwide Express®" / "UPS 全球特快" -> "express"; "" when unknown."""
    text = _SPACES.sub(" ", (description or "").upper().replace("®", ""))
    return next((kind for kind, words in _KINDS if any(w in text for w in words)), "")


def lane_of(shipment: Shipment) -> str | None:
    """ "US>CN:BEIJING|express": origin country to destination city, and the service kind."""
    origin, destination = shipment.origin_address, shipment.destination_address
    country = (origin.country if origin else "") or (shipment.origin_country or "")
    if not country or destination is None or not destination.country or not destination.city:
        return None
    city = _SPACES.sub(" ", destination.city.upper().strip())
    return (
        f"{country.upper()}>{destination.country.upper()}:{city}|{service_kind(shipment.service)}"
    )


def ship_date(shipment: Shipment) -> date | None:
    """The day of the carrier's first scan after the label (the pickup or drop-off)."""
    for event in reversed(shipment.events):
        if event.status not in _NOT_STARTED and len(event.time) >= 10:
            try:
                return date.fromisoformat(event.time[:10])
            except ValueError:
                return None
    return None


def needs_estimate(shipment: Shipment) -> bool:
    """Moving, not delivered, and the carrier gives no date of its own."""
    return (
        shipment.eta is None
        and not is_final(shipment.status)
        and (shipment.status not in _NOT_STARTED)
    )


def transit_days(shipment: Shipment) -> int | None:
    """Calendar days from the ship date to the delivery day (a delivered parcel)."""
    shipped = ship_date(shipment)
    delivered = shipment.delivered_at or ""
    if shipped is None or len(delivered) < 10:
        return None
    try:
        days = (date.fromisoformat(delivered[:10]) - shipped).days
    except ValueError:
        return None
    return days if 0 <= days <= 90 else None


def _range(earliest: date, latest: date, today: date) -> tuple[date, date] | None:
    """The range as still possible from today on; None once it lies wholly in the past."""
    if latest < today:
        return None
    return max(earliest, today), latest


def from_history(samples: list[int], shipped: date, today: date) -> EtaEstimate | None:
    """The middle 80 % of the lane's transit days, once it has MIN_LANE_SAMPLES of them."""
    if len(samples) < MIN_LANE_SAMPLES:
        return None
    tenths = quantiles(sorted(samples), n=10, method="inclusive")
    low, high = round(tenths[0]), round(tenths[-1])
    held = sum(low <= days <= high for days in samples) / len(samples)
    span = _range(shipped + timedelta(days=low), shipped + timedelta(days=high), today)
    if span is None:
        return None
    return EtaEstimate(
        span[0].isoformat(), span[1].isoformat(), "lane_history", round(held, 2), len(samples)
    )


def pick_option(options: list[TransitOption], service: str) -> TransitOption | None:
    """The quote for the parcel's service; without a match, the slowest (never promise
    more than any service would)."""
    if not options:
        return None
    same = [option for option in options if service and option.service == service]
    return (
        min(same or options, key=lambda o: o.delivery_date)
        if same
        else max(options, key=lambda o: o.delivery_date)
    )


def from_quote(option: TransitOption, international: bool, today: date) -> EtaEstimate | None:
    """The quoted day to a few days later (customs, the last mile)."""
    try:
        due = date.fromisoformat(option.delivery_date)
    except ValueError:
        return None
    slack = QUOTE_SLACK_DAYS[international] + max(0, option.customs_delay_days)
    span = _range(due, due + timedelta(days=slack), today)
    if span is None:
        return None
    return EtaEstimate(
        span[0].isoformat(), span[1].isoformat(), "ups_time_in_transit", QUOTE_CONFIDENCE
    )
