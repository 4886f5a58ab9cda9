"""The caller's watched parcels: list, watch (idempotent), read, stop watching."""

from __future__ import annotations

from flask import g
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from backend.domain.model import iso_utc
from backend.domain.moments import Budget, budget_text
from backend.domain.numbers import check_number, reason_message
from backend.domain.watches import ParcelNotWatchedError, WatchLimitError
from backend.services.consent import Consent
from backend.services.parcels import Parcel, Parcels
from backend.web.errors import ApiError
from backend.web.i18n import request_lang
from backend.web.json_guard import clean_text
from backend.web.messages import message_for
from backend.web.pickup import result_view
from backend.web.registry import use
from backend.web.schemas import ResultSchema
from backend.web.security import login_required

bp = Blueprint("parcels", __name__, url_prefix="/api/v1", description="Watched parcels")

NICKNAME_MAX = 20


class WatchBodySchema(Schema):
    nickname = fields.String(
        allow_none=True, validate=validate.Length(max=NICKNAME_MAX), load_default=None
    )


class NotifySchema(Schema):
    events = fields.List(
        fields.String(),
        metadata={
            "description": "template events with a "
            "credit left for this parcel: attention, out_for_delivery, ..."
        },
    )
    text = fields.String(metadata={"example": "还会提醒：清关/异常、派送、签收"})
    empty = fields.Boolean(metadata={"description": "nothing more will be told: offer renewal"})


class ParcelSchema(ResultSchema):
    nickname = fields.String(allow_none=True)
    notify = fields.Nested(NotifySchema, metadata={"description": "what it will still be told"})
    watched_since = fields.String()
    unread = fields.Integer(metadata={"description": "changes not sent for lack of credit"})


class ParcelListSchema(Schema):
    parcels = fields.List(fields.Nested(ParcelSchema))


def parcel_views(parcels: list[Parcel], lang: str) -> list[dict]:
    """Each parcel's Result with its watch details and what it will still be told."""
    budgets = use(Consent).budgets(g.openid, [(p.watch.number, _shipment(p)) for p in parcels])
    return [_view(parcel, budget, lang) for parcel, budget in zip(parcels, budgets, strict=True)]


def _shipment(parcel: Parcel):
    return parcel.lookup.snapshot.shipment if parcel.lookup.snapshot else None


def _view(parcel: Parcel, budget: Budget, lang: str) -> dict:
    view = result_view(parcel.lookup, lang)
    view["nickname"] = parcel.watch.nickname
    view["watched_since"] = iso_utc(parcel.watch.since)
    view["unread"] = parcel.unread
    view["notify"] = {"events": list(budget.events), "text": budget_text(budget, lang),
                      "empty": budget.empty}  # fmt: skip
    return view


def _valid_number(number: str) -> str:
    check = check_number(number)
    if not check.valid:
        lang = request_lang()
        raise ApiError(400, "invalid_number", reason_message(check.reason or "", lang))
    return check.number


@bp.get("/parcels")
@login_required
@bp.response(200, ParcelListSchema)
def list_parcels():
    """The caller's watched parcels with their latest status."""
    lang = request_lang()
    return {"parcels": parcel_views(use(Parcels).list(g.openid, lang), lang)}


@bp.put("/parcels/<number>")
@login_required
@bp.arguments(WatchBodySchema)
@bp.response(200, ParcelSchema)
@bp.alt_response(409, description="too_many_parcels: the watch limit is reached")
def watch_parcel(body: dict, number: str):
    """Watch a parcel (again): idempotent; the nickname is updated."""
    lang, number = request_lang(), _valid_number(number)
    nickname = clean_text(body.get("nickname") or "").strip() or None
    try:
        parcel = use(Parcels).watch(g.openid, number, nickname, lang)
    except WatchLimitError as error:
        message = message_for("too_many_parcels", lang).format(limit=error.limit)
        raise ApiError(409, "too_many_parcels", message) from None
    return parcel_views([parcel], lang)[0]


@bp.get("/parcels/<number>")
@login_required
@bp.response(200, ParcelSchema)
@bp.alt_response(404, description="parcel_not_found: the caller does not watch this number")
def get_parcel(number: str):
    """One watched parcel with its full tracking result."""
    lang = request_lang()
    try:
        parcel = use(Parcels).get(g.openid, _valid_number(number), lang)
    except ParcelNotWatchedError:
        raise ApiError(404, "parcel_not_found") from None
    return parcel_views([parcel], lang)[0]


@bp.delete("/parcels/<number>")
@login_required
@bp.response(204)
def unwatch_parcel(number: str):
    """Stop watching; the caller's shares of it are revoked, and polling stops once nobody
    watches the number."""
    use(Parcels).unwatch(g.openid, _valid_number(number))
