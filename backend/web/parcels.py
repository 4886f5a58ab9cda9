"""The caller's watched parcels: list, watch (idempotent), read, stop watching."""

from __future__ import annotations

from flask import current_app, g
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from backend.adapters.watch_store import Watch, WatchLimitError
from backend.domain.numbers import check_number, reason_message
from backend.web.errors import ApiError
from backend.web.i18n import request_lang
from backend.web.json_guard import clean_text
from backend.web.messages import message_for
from backend.web.presenters import iso_utc, lookup_view
from backend.web.schemas import ResultSchema
from backend.web.security import login_required

bp = Blueprint("parcels", __name__, url_prefix="/api/v1", description="Watched parcels")

NICKNAME_MAX = 20


class WatchBodySchema(Schema):
    nickname = fields.String(
        allow_none=True, validate=validate.Length(max=NICKNAME_MAX), load_default=None
    )


class ParcelSchema(ResultSchema):
    nickname = fields.String(allow_none=True)
    watched_since = fields.String()
    unread = fields.Integer(metadata={"description": "changes not sent for lack of credit"})


class ParcelListSchema(Schema):
    parcels = fields.List(fields.Nested(ParcelSchema))


def _services():
    return current_app.extensions["services"]


def parcel_view(watch: Watch, lookup, lang: str) -> dict:
    view = lookup_view(lookup, lang)
    view["nickname"] = watch.nickname
    view["watched_since"] = iso_utc(watch.since)
    view["unread"] = len(_services().notification_log.unread(g.openid, watch.number))
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
    services, lang = _services(), request_lang()
    watches = services.watches.list(g.openid)
    lookups = services.lookup.lookup_all([w.number for w in watches], lang)
    return {"parcels": [parcel_view(w, r, lang) for w, r in zip(watches, lookups, strict=True)]}


@bp.put("/parcels/<number>")
@login_required
@bp.arguments(WatchBodySchema)
@bp.response(200, ParcelSchema)
@bp.alt_response(409, description="too_many_parcels: the watch limit is reached")
def watch_parcel(body: dict, number: str):
    """Watch a parcel (again): idempotent; the nickname is updated."""
    services, lang = _services(), request_lang()
    number = _valid_number(number)
    nickname = clean_text(body.get("nickname") or "").strip() or None
    try:
        watch, _new = services.watches.watch(g.openid, number, nickname)
    except WatchLimitError as error:
        message = message_for("too_many_parcels", lang).format(limit=error.limit)
        raise ApiError(409, "too_many_parcels", message) from None
    lookup = services.lookup.lookup_one(number, lang)
    services.refresher.start(number, lookup.snapshot.shipment if lookup.snapshot else None)
    services.track_alert.want(number)  # the worker subscribes it within a second
    return parcel_view(watch, lookup, lang)


@bp.get("/parcels/<number>")
@login_required
@bp.response(200, ParcelSchema)
@bp.alt_response(404, description="parcel_not_found: the caller does not watch this number")
def get_parcel(number: str):
    """One watched parcel with its full tracking result."""
    services, lang = _services(), request_lang()
    watch = services.watches.get(g.openid, _valid_number(number))
    if watch is None:
        raise ApiError(404, "parcel_not_found")
    return parcel_view(watch, services.lookup.lookup_one(watch.number, lang), lang)


@bp.delete("/parcels/<number>")
@login_required
@bp.response(204)
def unwatch_parcel(number: str):
    """Stop watching; the caller's shares of it are revoked, and polling stops once nobody
    watches the number."""
    services = _services()
    number = _valid_number(number)
    services.shares.revoke_parcel(g.openid, number)  # first: a retry finishes the rest
    if services.watches.unwatch(g.openid, number):
        services.refresher.stop(number)
