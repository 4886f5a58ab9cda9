"""Every piece of a multi-piece shipment: GET /api/track/v1/shipment/details/{number}, paged."""

from __future__ import annotations

import logging
from urllib.parse import quote

from backend.adapters.ups import values as v
from backend.adapters.ups.client import UpsClient, locale_for
from backend.adapters.ups.errors import UpsError
from backend.adapters.ups.mapping import package_status
from backend.adapters.ups.product_gate import ProductGate
from backend.domain.errors import ProductNotEnabled
from backend.domain.model import Pieces

log = logging.getLogger(__name__)

SHIPMENT_PATH = "/api/track/v1/shipment/details/"
PAGE_SIZE = 50  # UPS's default `count`
MAX_PAGES = 10  # 500 pieces: far beyond any parcel a person waits for


def pieces_in(packages: list[dict]) -> list[tuple[str, str]]:
    """(number, status value) of each package, in UPS's order, without repeats."""
    seen: dict[str, str] = {}
    for package in packages:
        number = v.text(package.get("trackingNumber")).upper()
        if number and number not in seen:
            seen[number] = package_status(package).value
    return list(seen.items())


def _packages(body: dict) -> list[dict]:
    track = v.as_dict(body.get("trackResponse"))
    return [p for s in v.as_dicts(track.get("shipment")) for p in v.as_dicts(s.get("package"))]


class PieceReader:
    """Reads a shipment's pieces through the UPS client (token, pause, metrics, errors)."""

    def __init__(self, client: UpsClient) -> None:
        self._client = client
        self.gate = ProductGate(
            "the shipment endpoint (Track each package)",
            "multi-piece parcels show their own piece only",
        )

    def read(self, number: str, lang: str, count: int, details: dict) -> Pieces | None:
        """The pieces of `number`'s shipment; what the details answer holds when the
        endpoint is refused or fails (None when that is a single package)."""
        found = pieces_in(_packages(details))
        if self.gate.open():
            try:
                found = self._fetch(number, lang, count) or found
            except ProductNotEnabled as error:
                self.gate.refused(getattr(error, "detail", str(error)))
            except UpsError as error:
                log.warning("UPS shipment endpoint for %s failed: %s", number, error.detail)
        if len(found) < 2:
            return None
        numbers, statuses = zip(*found, strict=True)
        return Pieces(max(count, len(found)), tuple(numbers), tuple(statuses))

    def _fetch(self, number: str, lang: str, count: int) -> list[tuple[str, str]]:
        packages: list[dict] = []
        path = SHIPMENT_PATH + quote(number, safe="")
        for page in range(MAX_PAGES):
            params = {"locale": locale_for(lang), "offset": page * PAGE_SIZE, "count": PAGE_SIZE}
            _, body = self._client.product_json(
                "GET", path, f"UPS shipment {number} p{page}", params=params
            )
            batch = _packages(body)
            packages.extend(batch)
            if len(batch) < PAGE_SIZE or len(packages) >= count:
                break
        return pieces_in(packages)
