"""The caller's own data: GET /api/v1/me/data shows everything kept about them,
DELETE /api/v1/me closes the account and erases it."""

from __future__ import annotations

from flask import g
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from backend.domain.model import iso_utc
from backend.services.account import Account, AccountData
from backend.web.registry import use
from backend.web.security import login_required

bp = Blueprint("me", __name__, url_prefix="/api/v1", description="The caller's own data")


class KeptParcelSchema(Schema):
    number = fields.String(required=True)
    nickname = fields.String(allow_none=True, required=True)
    watched_since = fields.String(required=True)


class KeptShareSchema(Schema):
    share_id = fields.String(required=True)
    number = fields.String(required=True)
    nickname = fields.String(
        allow_none=True, required=True, metadata={"description": "shown to receivers"}
    )
    created_at = fields.String(required=True)
    expires_at = fields.String(required=True)


class KeptNotificationSchema(Schema):
    number = fields.String(required=True)
    change_id = fields.String(required=True)
    state = fields.String(
        required=True,
        metadata={"description": "sent | unread (no credit) | held | failed | sending"},
    )


class MyDataSchema(Schema):
    parcels = fields.List(fields.Nested(KeptParcelSchema), required=True)
    credits = fields.Dict(
        keys=fields.String(),
        values=fields.Integer(),
        required=True,
        metadata={"description": "remaining one-time messages per template id"},
    )
    language = fields.String(required=True, metadata={"description": "language of messages"})
    shares = fields.List(fields.Nested(KeptShareSchema), required=True)
    notifications = fields.List(fields.Nested(KeptNotificationSchema), required=True)


def data_view(data: AccountData) -> dict:
    return {
        "parcels": [
            {"number": w.number, "nickname": w.nickname, "watched_since": iso_utc(w.since)}
            for w in data.watches
        ],
        "credits": data.credits,
        "language": data.language,
        "shares": [
            {
                "share_id": s.share_id,
                "number": s.number,
                "nickname": s.nickname,
                "created_at": iso_utc(s.created),
                "expires_at": iso_utc(s.expires),
            }
            for s in data.shares
        ],
        "notifications": [
            {"number": n.number, "change_id": n.change_id, "state": n.state}
            for n in data.notifications
        ],
    }


@bp.get("/me/data")
@login_required
@bp.response(200, MyDataSchema)
def my_data():
    """Everything kept about the caller: watched parcels with nicknames, message credits,
    language, live shares and the recorded notifications (a copy to keep)."""
    return data_view(use(Account).data(g.openid))


@bp.delete("/me")
@login_required
@bp.response(204)
def close_account():
    """Close the account: every watch, credit, share (revoked), session and record of the
    caller is erased; numbers nobody else watches stop being polled. The token stops working."""
    use(Account).erase(g.openid)
