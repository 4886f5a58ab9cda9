"""UPS Time in Transit: POST /api/shipments/v1/transittimes, through the UPS client.

Answers are cached per lane, service and ship date: one UPS call serves every parcel of a
lane shipped that day. An ambiguous address comes back as HTTP 206 with candidate lists
(issue #94); the first candidate is asked once more. A refused product steps aside.
"""

from __future__ import annotations

import json
import logging
from typing import cast

import redis

from backend.adapters import redis_keys
from backend.adapters.ups import values as v
from backend.adapters.ups.client import UpsClient
from backend.adapters.ups.product_gate import ProductGate
from backend.domain.errors import ProductNotEnabled
from backend.domain.eta_estimates import service_kind
from backend.domain.model import Place
from backend.domain.transit import TransitOption, TransitQuery

log = logging.getLogger(__name__)

TRANSIT_PATH = "/api/shipments/v1/transittimes"
CACHE_SECONDS = 2 * 24 * 3600
# Transit times do not depend on the declared value beyond which services exist [inferred];
# UPS requires one cross-border for non-documents, so a modest nominal value is declared.
NOMINAL_VALUE, NOMINAL_CURRENCY = 100, "USD"


def request_body(query: TransitQuery, destination: dict | None = None) -> dict:
    """The request for `query`; `destination` replaces the destination fields (a candidate)."""
    origin, target = query.origin, query.destination
    body: dict = {"originCountryCode": origin.country, "originCityName": origin.city}
    if origin.state:
        body["originStateProvince"] = origin.state
    body |= destination or _place("destination", target)
    body |= {
        "weight": round(query.weight_kg, 1), "weightUnitOfMeasure": "KGS", "billType": "03",
        "shipDate": query.ship_date, "numberOfPackages": 1, "residentialIndicator": "01",
    }  # fmt: skip
    if origin.country != target.country:
        body |= {"shipmentContentsValue": NOMINAL_VALUE,
                 "shipmentContentsCurrencyCode": NOMINAL_CURRENCY}  # fmt: skip
    return body


def _place(prefix: str, place: Place) -> dict:
    fields = {f"{prefix}CountryCode": place.country, f"{prefix}CityName": place.city}
    return fields | ({f"{prefix}StateProvince": place.state} if place.state else {})


def candidate(body: dict) -> dict | None:
    """The destination fields of the first candidate of a 206 answer, if any."""
    picks = v.as_dicts(body.get("destinationPickList"))
    if not picks:
        return None
    pick = picks[0]
    fields = {"destinationCountryCode": v.text(pick.get("countryCode")),
              "destinationCityName": v.text(pick.get("city"))}  # fmt: skip
    state = v.text(pick.get("stateProvince"))
    postal = v.text(pick.get("postalCode")) or v.text(pick.get("postalCodeLow"))
    fields |= {"destinationStateProvince": state} if state else {}
    fields |= {"destinationPostalCode": postal} if postal else {}
    return fields if fields["destinationCountryCode"] else None


def parse_options(body: dict) -> list[TransitOption]:
    """emsResponse.services[] as options (shipTime, unpadded per issue #62, is not read)."""
    ems = v.as_dict(body.get("emsResponse"))
    found = []
    for item in v.as_dicts(ems.get("services")):
        day = v.iso_date(item.get("deliveryDate"))
        if day is None:
            continue
        business = v.text(item.get("businessTransitDays"))
        delay = v.text(item.get("delayCount"))
        found.append(
            TransitOption(
                service_kind(v.text(item.get("serviceLevelDescription"))),
                day,
                int(business) if business.isdigit() else None,
                int(delay) if delay.isdigit() else 0,
            )
        )
    return found


def _to_json(options: list[TransitOption]) -> str:
    return json.dumps([[o.service, o.delivery_date, o.business_days, o.customs_delay_days]
                       for o in options])  # fmt: skip


def _from_json(text: str) -> list[TransitOption]:
    return [TransitOption(*item) for item in json.loads(text)]


class UpsTransitTimes:
    """Implements the TransitTimes port."""

    def __init__(self, client: UpsClient, cache: redis.Redis) -> None:
        self._client = client
        self._cache = cache
        self.gate = ProductGate("Time in Transit", "no ETA estimate from UPS, lane history only")

    def options(self, query: TransitQuery) -> list[TransitOption]:
        lane = f"{query.origin.text()}>{query.destination.text()}".upper()
        key = redis_keys.transit_quote(lane, query.service or "any", query.ship_date)
        cached = cast(str | None, self._cache.get(key))
        if cached is not None:
            return _from_json(cached)
        if not self.gate.open():
            return []
        try:
            options = self._ask(query, lane)
        except ProductNotEnabled as error:
            self.gate.refused(getattr(error, "detail", str(error)))
            return []
        self._cache.set(key, _to_json(options), ex=CACHE_SECONDS)
        return options

    def _ask(self, query: TransitQuery, lane: str) -> list[TransitOption]:
        body = request_body(query)
        status, answer = self._post(body, lane)
        if status == 206:  # ambiguous address: ask once more with UPS's first candidate
            pick = candidate(answer)
            if pick is None:
                log.info("Time in Transit: %s is ambiguous and has no candidate", lane)
                return []
            status, answer = self._post(request_body(query, pick), lane)
        return parse_options(answer) if status == 200 else []

    def _post(self, body: dict, lane: str) -> tuple[int, dict]:
        return self._client.product_json(
            "POST", TRANSIT_PATH, f"UPS transit {lane}", ok=(200, 206), json=body
        )
