"""Subscribe-message templates and the caller's credits."""

from __future__ import annotations

from flask import current_app, g
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from backend.adapters.subscription_store import ANSWERS
from backend.domain.numbers import check_number
from backend.web.errors import ApiError
from backend.web.i18n import request_lang
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


class AnswersSchema(Schema):
    results = fields.Dict(
        keys=fields.String(validate=validate.Length(min=1, max=128)),
        values=fields.String(validate=validate.OneOf(ANSWERS)),
        required=True,
        validate=validate.Length(min=1, max=10),
    )
    number = fields.String(validate=validate.Length(max=40))


class CreditsSchema(Schema):
    credits = fields.Dict(keys=fields.String(), values=fields.Integer())
    answers = fields.Dict(keys=fields.String(), values=fields.String())


def _services():
    return current_app.extensions["services"]


@bp.get("/subscriptions/templates")
@bp.response(200, TemplateListSchema)
def templates():
    """Template ids for wx.requestSubscribeMessage (ask for at most three at once).

    Templates WeChat refused as invalid (40037) are left out until the refusal is a day old.
    """
    disabled = _services().disabled_templates.ids()
    return {
        "templates": [
            {"id": t.id, "event": t.event, "title": t.title}
            for t in _services().templates
            if t.id not in disabled
        ]
    }


@bp.post("/subscriptions")
@login_required
@bp.arguments(AnswersSchema)
@bp.response(200, CreditsSchema)
def record(body: dict):
    """Record the popup's answers; each accept is one message we may send."""
    services = _services()
    known = {t.id for t in services.templates}
    if set(body["results"]) - known:
        raise ApiError(400, "unknown_template")
    number = check_number(body.get("number") or "")
    # The mini-program sends its language with every call: messages will speak it.
    services.subscriptions.set_language(g.openid, request_lang())
    for template_id, answer in body["results"].items():
        services.subscriptions.record_answer(g.openid, template_id, answer, side="client")
        if answer == "accept" and number.valid and services.watches.get(g.openid, number.number):
            services.subscriptions.reserve(g.openid, template_id, number.number)
    return _credits()


@bp.get("/subscriptions")
@login_required
@bp.response(200, CreditsSchema)
def credits():
    """The caller's remaining sends per template and last answers."""
    return _credits()


def _credits() -> dict:
    subscriptions = _services().subscriptions
    return {"credits": subscriptions.credits(g.openid), "answers": subscriptions.answers(g.openid)}
