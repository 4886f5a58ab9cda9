"""What a Track answer needs beyond its own mapping: the kept photo and the shipment's pieces."""

from __future__ import annotations

from dataclasses import replace

from backend.adapters.ups.delivery_mapping import package_photo
from backend.adapters.ups.mapping import find_package
from backend.adapters.ups.pieces import PieceReader
from backend.domain.model import Shipment
from backend.domain.statuses import Status
from backend.ports import DeliveryProofs


class TrackExtrasReader:
    """Completes UpsClient.track: keeps a photo UPS sent, marks one we already keep (from a
    Track Alert event), and lists every piece of a multi-piece shipment."""

    def __init__(self, pieces: PieceReader, proofs: DeliveryProofs | None) -> None:
        self._pieces = pieces
        self._proofs = proofs

    def complete(self, shipment: Shipment, payload: dict, lang: str) -> Shipment:
        shipment = self._photo(shipment, payload)
        count = shipment.package_count or 0
        if count > 1:
            pieces = self._pieces.read(shipment.number, lang, count, payload)
            shipment = replace(shipment, pieces=pieces)
        return shipment

    def _photo(self, shipment: Shipment, payload: dict) -> Shipment:
        """Delivered: a photo UPS sent is kept; one kept before (a pushed event's) marks the
        photo available; a signer a pushed event named fills a blank receivedBy (#7)."""
        proofs, number = self._proofs, shipment.number
        if proofs is None or shipment.status is not Status.DELIVERED:
            return shipment
        data = package_photo(find_package(payload, number))
        if (data is not None and proofs.save_photo(number, data)) or proofs.has_photo(number):
            shipment = replace(shipment, photo="available")
        if not shipment.received_by:
            shipment = replace(shipment, received_by=proofs.signer(number))
        return shipment
