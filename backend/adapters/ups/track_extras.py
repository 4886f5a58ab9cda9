"""What a Track answer needs beyond its own mapping: the kept photo and the shipment's pieces."""

from __future__ import annotations

from dataclasses import replace

from backend.adapters.ups.delivery_mapping import package_photo
from backend.adapters.ups.mapping import find_package
from backend.adapters.ups.pieces import PieceReader
from backend.domain.model import Shipment
from backend.domain.statuses import Status
from backend.ports import DeliveryPhotos


class TrackExtrasReader:
    """Completes UpsClient.track: keeps a photo UPS sent, marks one we already keep (from a
    Track Alert event), and lists every piece of a multi-piece shipment."""

    def __init__(self, pieces: PieceReader, photos: DeliveryPhotos | None) -> None:
        self._pieces = pieces
        self._photos = photos

    def complete(self, shipment: Shipment, payload: dict, lang: str) -> Shipment:
        shipment = self._photo(shipment, payload)
        count = shipment.package_count or 0
        if count > 1:
            pieces = self._pieces.read(shipment.number, lang, count, payload)
            shipment = replace(shipment, pieces=pieces)
        return shipment

    def _photo(self, shipment: Shipment, payload: dict) -> Shipment:
        if self._photos is None or shipment.status is not Status.DELIVERED:
            return shipment
        data = package_photo(find_package(payload, shipment.number))
        if data is not None and self._photos.save(shipment.number, data):
            return replace(shipment, photo="available")
        if self._photos.has(shipment.number):
            return replace(shipment, photo="available")
        return shipment
