"""GET /api/v1/parcels/<number>/delivery-photo: UPS's delivery photo, for watchers only."""

from __future__ import annotations

from flask import Response, g
from flask_smorest import Blueprint

from backend.domain.numbers import check_number
from backend.services.delivery_photos import DeliveryPhotoService
from backend.web.errors import ApiError
from backend.web.registry import use
from backend.web.security import login_required

bp = Blueprint("delivery_photo", __name__, url_prefix="/api/v1", description="Delivery proof")

_JPEG_DOC = {
    "200": {
        "description": "UPS's delivery photo (kept 14 days)",
        "content": {"image/jpeg": {"schema": {"type": "string", "format": "binary"}}},
    },
    "404": {"description": "photo_not_found: no photo, or the caller does not watch the parcel"},
}


@bp.get("/parcels/<number>/delivery-photo")
@login_required
@bp.doc(responses=_JPEG_DOC)
def delivery_photo(number: str):
    """The parcel's delivery photo as image/jpeg, for its watchers; 404 for anyone else.

    Never part of a share page, card or share API.
    """
    check = check_number(number)
    photo = use(DeliveryPhotoService).photo_for(g.openid, check.number) if check.valid else None
    if photo is None:
        raise ApiError(404, "photo_not_found")
    response = Response(photo, mimetype="image/jpeg")
    # A private image: never stored by a shared cache, nor by the client beyond its use.
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
