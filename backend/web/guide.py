"""The help page's data and the phishing link checker."""

from __future__ import annotations

from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate, validates_schema
from marshmallow.exceptions import ValidationError

from backend.domain import help_content, statuses
from backend.domain.links import check_link, reason_text
from backend.web.i18n import request_lang
from backend.web.payment_view import payment_view
from backend.web.registry import WebConfig, use
from backend.web.schemas import ChargeSchema
from backend.web.security import current_openid

bp = Blueprint("guide", __name__, url_prefix="/api/v1", description="Help and link checking")


class LinkCheckSchema(Schema):
    url = fields.String(validate=validate.Length(min=1, max=2000))
    text = fields.String(validate=validate.Length(min=1, max=2000))

    @validates_schema
    def one_of_url_or_text(self, data, **kwargs):
        if not data.get("url") and not data.get("text"):
            raise ValidationError("give `url` or `text`")


class PaymentParcelSchema(Schema):
    number = fields.String()
    watched = fields.Boolean(metadata={"description": "the caller watches it"})
    known = fields.Boolean(metadata={"description": "UPS answered for it"})
    charges_pending = fields.List(fields.Nested(ChargeSchema))
    text = fields.String()


class PaymentSchema(Schema):
    asks_for_payment = fields.Boolean()
    parcels = fields.List(fields.Nested(PaymentParcelSchema))
    text = fields.String()


class LinkVerdictSchema(Schema):
    verdict = fields.String(metadata={"description": "official | suspicious | unknown"})
    reason = fields.String()
    reason_code = fields.String()
    url = fields.String(allow_none=True)
    host = fields.String(allow_none=True)
    payment = fields.Nested(
        PaymentSchema,
        allow_none=True,
        metadata={
            "description": "when the text asks for money or names parcels: what UPS's own "
            "data shows owed for them (with a token: also the caller's watched parcels)"
        },
    )


class GlossaryEntrySchema(Schema):
    code = fields.String(required=True)
    label = fields.String(required=True)
    description = fields.String(required=True)


class FaqEntrySchema(Schema):
    question = fields.String(required=True)
    answer = fields.String(required=True)


class HotlineSchema(Schema):
    number = fields.String(required=True)
    note = fields.String()


class OperatorSchema(Schema):
    name = fields.String(required=True, metadata={"description": "who runs this service"})
    notice = fields.String(required=True, metadata={"description": "'' when run by UPS"})


class HelpSchema(Schema):
    statuses = fields.List(fields.Nested(GlossaryEntrySchema), required=True)
    faq = fields.List(fields.Nested(FaqEntrySchema), required=True)
    hotline = fields.Nested(HotlineSchema, required=True)
    official_domain = fields.String(required=True)
    phishing = fields.String(required=True)
    operator = fields.Nested(OperatorSchema, required=True)


@bp.get("/help")
@bp.response(200, HelpSchema)
def help_page():
    """Status glossary, FAQ, hotline, the official-domain advice, and who operates the service."""
    lang = request_lang()
    config = use(WebConfig)
    return {
        "statuses": [
            {
                "code": status.value,
                "label": statuses.label(status, lang),
                "description": statuses.explanation(status, lang),
            }
            for status in statuses.Status
        ],
        "faq": help_content.faq(lang),
        "hotline": help_content.hotline(lang),
        "official_domain": help_content.OFFICIAL_DOMAIN,
        "phishing": help_content.phishing(lang),
        "operator": help_content.operator(config.operator_name, config.unofficial_notice, lang),
    }


@bp.post("/links/check")
@bp.arguments(LinkCheckSchema)
@bp.response(200, LinkVerdictSchema)
def links_check(body: dict):
    """Say whether a link, or the links in a whole SMS text, point at ups.com."""
    url = body.get("url")
    text, lang = url or body["text"], request_lang()
    verdict = check_link(text, single=bool(url))
    return {
        "verdict": verdict.verdict,
        "reason": reason_text(verdict.reason, lang),
        "reason_code": verdict.reason,
        "url": verdict.url,
        "host": verdict.host,
        "payment": payment_view(text, verdict, current_openid(), lang),
    }
