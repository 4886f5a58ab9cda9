"""A parcel's delivery photo, for the people watching it and nobody else."""

from __future__ import annotations

from backend.ports import DeliveryProofs, WatchStore


class DeliveryPhotoService:
    def __init__(self, watches: WatchStore, proofs: DeliveryProofs) -> None:
        self._watches = watches
        self._proofs = proofs

    def photo_for(self, openid: str, number: str) -> bytes | None:
        """The JPEG when `openid` watches `number` and a photo is kept; None otherwise
        (the caller cannot tell a parcel it does not watch from one without a photo)."""
        if self._watches.get(openid, number) is None:
            return None
        return self._proofs.photo(number)
