"""Subscribe-message templates and the caller's credits."""

from __future__ import annotations

from flask import g
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from backend.domain.consent import POPUP_ANSWER
from backend.services.consent import Consent, UnknownTemplateError
from backend.web.errors import ApiError
from backend.web.i18n import request_lang
from backend.web.registry import use
from backend.web.security import login_required

bp = Blueprint(
    "subscriptions", __name__, url_prefix="/api/v1", description="Subscribe-message credits"
)


class TemplateSchema(Schema):
    id = fields.String()
    event = fields.String(
        metadata={"description": "delivered | out_for_delivery | attention | status_change"}
    )
    title = fields.String()


class TemplateListSchema(Schema):
    templates = fields.List(fields.Nested(TemplateSchema))
    ask = fields.List(
        fields.String(),
        metadata={
            "description": "at most 3 template ids to request now for ?number=, ranked "
            "by the moments that parcel can still go through"
        },
    )


class TemplateQuerySchema(Schema):
    number = fields.String(validate=validate.Length(max=40), load_default=None)


class AnswersSchema(Schema):
    results = fields.Dict(
        keys=fields.String(validate=validate.Length(min=1, max=128)),
        # Any answer the popup gives: every accept* variant (acceptWithAlert, …) is an
        # acceptance; reject, ban, filter and other words are not.
        values=fields.String(
            validate=validate.Regexp(POPUP_ANSWER, error="not an answer the subscribe popup gives"),
            metadata={"example": "acceptWithAlert"},
        ),
        required=True,
        validate=validate.Length(min=1, max=10),
    )
    number = fields.String(validate=validate.Length(max=40))


class CreditsSchema(Schema):
    credits = fields.Dict(keys=fields.String(), values=fields.Integer())
    answers = fields.Dict(keys=fields.String(), values=fields.String())


@bp.get("/subscriptions/templates")
@bp.arguments(TemplateQuerySchema, location="query")
@bp.response(200, TemplateListSchema)
def templates(query: dict):
    """Template ids for wx.requestSubscribeMessage, and `ask`: the (at most three) to
    request now for ?number=, ranked by what that parcel can still go through (for a parcel
    headed for customs: attention, out for delivery, delivered).

    Templates WeChat refused as invalid (40037) are left out until the refusal is a day old.
    """
    consent = use(Consent)
    return {
        "templates": [
            {"id": t.id, "event": t.event, "title": t.title} for t in consent.templates()
        ],
        "ask": consent.ask(query.get("number")),
    }


@bp.post("/subscriptions")
@login_required
@bp.arguments(AnswersSchema)
@bp.response(200, CreditsSchema)
def record(body: dict):
    """Record the popup's answers; each accept is one message we may send."""
    try:
        # The mini-program sends its language with every call: messages will speak it.
        use(Consent).record(g.openid, body["results"], body.get("number"), request_lang())
    except UnknownTemplateError:
        raise ApiError(400, "unknown_template") from None
    return use(Consent).credits(g.openid)


@bp.get("/subscriptions")
@login_required
@bp.response(200, CreditsSchema)
def credits():
    """The caller's remaining sends per template and last answers."""
    return use(Consent).credits(g.openid)
