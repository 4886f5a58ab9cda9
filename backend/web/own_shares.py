"""GET /api/v1/shares: the caller's own live share links (nothing else lists them)."""

from __future__ import annotations

from flask import g
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from backend.services.shares import ShareService
from backend.web.presenters import iso_utc
from backend.web.registry import WebConfig, use
from backend.web.security import login_required

bp = Blueprint("own_shares", __name__, url_prefix="/api/v1", description="The caller's shares")


class OwnShareSchema(Schema):
    share_id = fields.String(required=True)
    number = fields.String(required=True)
    include_nickname = fields.Boolean(required=True)
    path = fields.String(required=True, metadata={"description": "onShareAppMessage path"})
    web_url = fields.String(required=True, metadata={"description": "the page for any browser"})
    created_at = fields.String(required=True)
    expires_at = fields.String(required=True)


class OwnSharesSchema(Schema):
    shares = fields.List(fields.Nested(OwnShareSchema), required=True)


@bp.get("/shares")
@login_required
@bp.response(200, OwnSharesSchema)
def list_shares():
    """The caller's own live shares, newest first; revoked and expired ones are gone."""
    base = use(WebConfig).public_base_url.rstrip("/")
    return {
        "shares": [
            {
                "share_id": share.share_id,
                "number": share.number,
                "include_nickname": share.include_nickname,
                "path": f"/pages/share/index?id={share.share_id}",
                "web_url": f"{base}/s/{share.share_id}",
                "created_at": iso_utc(share.created),
                "expires_at": iso_utc(share.expires),
            }
            for share in use(ShareService).owned_by(g.openid)
        ]
    }
