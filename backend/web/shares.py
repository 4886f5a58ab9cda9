"""Share a watched parcel: create or revoke a link; read it as JSON, a card image or a code."""

from __future__ import annotations

import re

from flask import Response, g
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from backend.domain.numbers import check_number, reason_message
from backend.domain.watches import ParcelNotWatchedError
from backend.services.shares import (
    ShareNotFoundError,
    ShareService,
    ShareUnavailableError,
)
from backend.web.errors import ApiError
from backend.web.i18n import request_lang
from backend.web.ip_limits import allow_share_read, share_read_retry_after
from backend.web.messages import register
from backend.web.presenters import iso_utc
from backend.web.registry import WebConfig, use
from backend.web.schemas import EtaSchema, EventSchema, StatusSchema
from backend.web.security import login_required

bp = Blueprint("shares", __name__, url_prefix="/api/v1", description="Shared parcel cards")

SHARE_ID = re.compile(r"^[A-Za-z0-9_-]{22,32}$")
PNG_DOC = {"content": {"image/png": {"schema": {"type": "string", "format": "binary"}}}}
CODE_DOC = {
    "content": {
        kind: {"schema": {"type": "string", "format": "binary"}}
        for kind in ("image/png", "image/jpeg")
    }
}

register(
    "share_not_found",
    "这个分享链接不存在，或已过期、已被分享人撤回。",
    "This share link does not exist, has expired or was withdrawn by its owner.",
)


class ShareBodySchema(Schema):
    include_nickname = fields.Boolean(
        load_default=False, metadata={"description": "show the parcel's nickname to receivers"}
    )
    lang = fields.String(validate=validate.OneOf(["zh", "en"]), metadata={"description": "title"})


class ShareCreatedSchema(Schema):
    share_id = fields.String(required=True)
    path = fields.String(required=True, metadata={"description": "onShareAppMessage path"})
    web_url = fields.String(required=True, metadata={"description": "the page for any browser"})
    image_url = fields.String(required=True, metadata={"description": "5:4 PNG card"})
    qrcode_url = fields.String(required=True, metadata={"description": "mini-program code PNG"})
    title = fields.String(required=True)
    expires_at = fields.String(required=True)


class SharedViewSchema(Schema):
    """What a receiver sees: no names, addresses, signatures, photos or references."""

    number_masked = fields.String(required=True)
    status = fields.Nested(StatusSchema, required=True)
    progress = fields.Float(metadata={"description": "0..1 along the way to the receiver"})
    eta = fields.Nested(EtaSchema, allow_none=True)
    eta_text = fields.String(metadata={"description": "the ETA in words, '' when unknown"})
    delivered_at = fields.String(allow_none=True)
    events = fields.List(fields.Nested(EventSchema), metadata={"description": "city-level"})
    nickname = fields.String(metadata={"description": "only when the sharer chose to show it"})
    as_of = fields.String()
    stale = fields.Boolean()
    expires_at = fields.String()


def _shares() -> ShareService:
    return use(ShareService)


def _base() -> str:
    return use(WebConfig).public_base_url.rstrip("/")


def _public(bucket: str, share_id: str) -> None:
    """Rate-limit a public read and reject ids that cannot be ours without touching Redis."""
    if not allow_share_read(bucket):
        raise ApiError(429, "rate_limited", headers={"Retry-After": share_read_retry_after()})
    if not SHARE_ID.match(share_id):
        raise ApiError(404, "share_not_found")


def _unavailable(error: ShareUnavailableError) -> ApiError:
    """UPS has no record of the number (404), or cannot be reached now (503)."""
    if str(error) == "not_found":
        return ApiError(404, "not_found_number")
    return ApiError(503, "upstream_unavailable", headers={"Retry-After": "30"})


# Leading bytes of the image formats WeChat's codes come in (JPEG by default, PNG when
# is_hyaline); the URL says .png, the Content-Type says what the bytes are.
_IMAGE_MAGIC = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"),
                (b"GIF87a", "image/gif"), (b"GIF89a", "image/gif"))  # fmt: skip


def image_type(data: bytes) -> str:
    """The MIME type of an image from its first bytes (WebP too); octet-stream if unknown."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return next(
        (kind for magic, kind in _IMAGE_MAGIC if data.startswith(magic)), "application/octet-stream"
    )


def _png(data: bytes, max_age: int) -> Response:
    response = Response(data, mimetype=image_type(data))
    # private: a shared cache (a CDN) could go on showing a revoked share's card or code.
    response.headers["Cache-Control"] = f"private, max-age={max_age}"
    return response


@bp.post("/parcels/<number>/share")
@login_required
@bp.arguments(ShareBodySchema)
@bp.response(201, ShareCreatedSchema)
@bp.alt_response(404, description="parcel_not_found: the caller does not watch this number")
def create_share(body: dict, number: str):
    """Create a link to a parcel the caller watches (valid 30 days, revocable)."""
    lang = body.get("lang") or request_lang()
    check = check_number(number)
    if not check.valid:
        raise ApiError(400, "invalid_number", reason_message(check.reason or "", lang))
    try:
        created = _shares().create_share(
            g.openid, check.number, body["include_nickname"], lang=lang
        )
    except ParcelNotWatchedError:
        raise ApiError(404, "parcel_not_found") from None
    share_id, suffix = created.share.share_id, "?lang=en" if lang == "en" else ""
    return {
        "share_id": share_id,
        "path": f"/pages/share/index?id={share_id}",
        "web_url": f"{_base()}/s/{share_id}{suffix}",
        "image_url": f"{_base()}/api/v1/shares/{share_id}/card.png?lang={lang}",
        "qrcode_url": f"{_base()}/api/v1/shares/{share_id}/qrcode.png",
        "title": created.title,
        "expires_at": iso_utc(created.share.expires),
    }


@bp.get("/shares/<share_id>")
@bp.response(200, SharedViewSchema)
@bp.alt_response(
    404,
    description="share_not_found: unknown, expired or revoked; "
    "not_found_number: UPS has no record of the parcel",
)
@bp.alt_response(429, description="rate_limited: too many reads from this address")
@bp.alt_response(503, description="upstream_unavailable: UPS cannot be reached")
def get_share(share_id: str):
    """The shared parcel as a receiver may see it; no login needed."""
    _public("share-read", share_id)
    try:
        return _shares().shared_view(share_id, request_lang())
    except ShareNotFoundError:
        raise ApiError(404, "share_not_found") from None
    except ShareUnavailableError as error:
        raise _unavailable(error) from None


@bp.delete("/shares/<share_id>")
@login_required
@bp.response(204)
@bp.alt_response(404, description="share_not_found: unknown, expired, or not the caller's")
def revoke_share(share_id: str):
    """Withdraw a share; afterwards its link, card and code answer 404."""
    try:
        _shares().revoke(g.openid, share_id)
    except ShareNotFoundError:
        raise ApiError(404, "share_not_found") from None


@bp.get("/shares/<share_id>/card.png")
@bp.doc(responses={"200": {"description": "1000x800 PNG card", **PNG_DOC}})
@bp.alt_response(404, description="share_not_found; not_found_number")
@bp.alt_response(503, description="upstream_unavailable: UPS cannot be reached")
def share_card(share_id: str):
    """The 5:4 image for the chat card (onShareAppMessage imageUrl)."""
    _public("share-card", share_id)
    try:
        return _png(_shares().card_png(share_id, request_lang()), 60)
    except ShareNotFoundError:
        raise ApiError(404, "share_not_found") from None
    except ShareUnavailableError as error:
        raise _unavailable(error) from None


@bp.get("/shares/<share_id>/qrcode.png")
@bp.doc(
    responses={
        "200": {
            "description": "mini-program code opening the share (PNG or JPEG, as WeChat made it)",
            **CODE_DOC,
        }
    }
)
@bp.alt_response(404, description="share_not_found")
@bp.alt_response(503, description="wechat_unavailable: WeChat refused or is unreachable")
def share_qrcode(share_id: str):
    """A mini-program code (scene "s=<share_id>") that opens the share page."""
    _public("share-code", share_id)
    try:
        return _png(_shares().qrcode_png(share_id), 3600)
    except ShareNotFoundError:
        raise ApiError(404, "share_not_found") from None
    except ShareUnavailableError:
        raise ApiError(503, "wechat_unavailable", headers={"Retry-After": "30"}) from None
