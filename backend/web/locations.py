"""GET /api/v1/locations: UPS locations near a WGS-84 point or around an address."""

from __future__ import annotations

import math

from flask import jsonify
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from backend.domain.geo import Point
from backend.domain.locations import Filter, LocatorError, LocatorQueryRejectedError
from backend.services.locations import LocationService
from backend.web.errors import ApiError
from backend.web.i18n import request_lang
from backend.web.location_views import nearby_view
from backend.web.messages import register
from backend.web.registry import use

bp = Blueprint(
    "locations", __name__, url_prefix="/api/v1", description="Nearby UPS locations and pickup"
)

register(
    "invalid_coordinates",
    "位置坐标无效：请同时提供纬度 lat（-90 到 90）和经度 lng（-180 到 180），使用 WGS-84 坐标。",
    "Invalid coordinates: give both lat (-90 to 90) and lng (-180 to 180), in WGS-84.",
)
register(
    "missing_origin",
    "请提供您的位置（lat 和 lng），或输入要查找的城市、地址。",
    "Give your position (lat and lng), or a city or address to search around.",
)
register(
    "invalid_location_query",
    "UPS 无法识别这个地址，请换一种写法，例如只输入城市名。",
    "UPS could not read this address; try another wording, such as just the city.",
)


class LocationsQuerySchema(Schema):
    lat = fields.String(metadata={"description": "WGS-84 latitude in degrees (with lng)"})
    lng = fields.String(metadata={"description": "WGS-84 longitude in degrees (with lat)"})
    address = fields.String(
        # Control characters are refused like everywhere else (no address has them).
        validate=[
            validate.Length(max=200),
            validate.Regexp(r"^[^\x00-\x1f\x7f-\x9f]*$", error="control characters"),
        ],
        metadata={"description": "a city or address, used when lat/lng are absent"},
    )
    country = fields.String(
        validate=validate.Regexp(r"^[A-Za-z]{2}$"),
        metadata={"description": "ISO country code hint for an address search, e.g. CN, HK"},
    )
    kind = fields.String(
        load_default=Filter.ALL.value,
        validate=validate.OneOf([f.value for f in Filter]),
        metadata={"description": "all | access_point (Access Points, lockers) | staffed"},
    )
    lang = fields.String(validate=validate.OneOf(["zh", "en"]))


class GcjSchema(Schema):
    lat = fields.Float()
    lng = fields.Float()


class DayHoursSchema(Schema):
    day = fields.Integer(metadata={"description": "ISO weekday, 1 = Monday .. 7 = Sunday"})
    label = fields.String()
    closed = fields.Boolean()
    open_24h = fields.Boolean()
    shifts = fields.List(fields.Dict(), metadata={"description": '[{"open": "HH:MM", "close"}]'})
    text = fields.String()


class LocationSchema(Schema):
    id = fields.String()
    name = fields.String()
    type = fields.Dict(metadata={"description": '{"code", "label"}; code: customer_center, ...'})
    address = fields.String()
    address_lines = fields.List(fields.String())
    city = fields.String()
    country = fields.String()
    lat = fields.Float(metadata={"description": "WGS-84"})
    lng = fields.Float(metadata={"description": "WGS-84"})
    gcj02 = fields.Nested(GcjSchema, metadata={"description": "for <map> and wx.openLocation"})
    distance_m = fields.Integer(allow_none=True, metadata={"description": "straight line"})
    phone = fields.String(metadata={"description": "only where UPS allows showing it"})
    hours = fields.List(fields.Nested(DayHoursSchema))
    hours_text = fields.String()
    open_now = fields.Boolean(allow_none=True, metadata={"description": "null: hours unknown"})
    closes_at = fields.String(allow_none=True, metadata={"description": "local HH:MM"})
    opens_at = fields.Dict(allow_none=True, metadata={"description": '{"day", "label", "time"}'})
    timezone = fields.String()
    access_point = fields.Dict(allow_none=True)


class LocationsResponseSchema(Schema):
    origin = fields.Dict(allow_none=True)
    kind = fields.String()
    locations = fields.List(fields.Nested(LocationSchema))
    candidates = fields.List(
        fields.Dict(), metadata={"description": "an ambiguous address: places to choose from"}
    )
    advice = fields.List(fields.Dict(), metadata={"description": "when nothing was found"})


def _coordinate(text: str | None, limit: float) -> float | None:
    try:
        value = float(text) if text is not None else math.nan
    except ValueError:
        return None
    return value if math.isfinite(value) and -limit <= value <= limit else None


def _point(query: dict) -> Point | None:
    """The query's point; None when neither lat nor lng was given; 400 when they are bad."""
    if "lat" not in query and "lng" not in query:
        return None
    lat, lng = _coordinate(query.get("lat"), 90.0), _coordinate(query.get("lng"), 180.0)
    if lat is None or lng is None:
        raise ApiError(400, "invalid_coordinates")
    return Point(lat, lng)


@bp.get("/locations")
@bp.arguments(LocationsQuerySchema, location="query")
@bp.response(200, LocationsResponseSchema)
@bp.alt_response(400, description="invalid_coordinates, missing_origin, invalid_location_query")
@bp.alt_response(503, description="upstream_unavailable: UPS cannot be reached")
def locations(query: dict):
    """UPS locations nearest first, by WGS-84 point (lat, lng) or by address text."""
    lang, wanted = request_lang(), Filter(query["kind"])
    point, address = _point(query), (query.get("address") or "").strip()
    if point is None and not address:
        raise ApiError(400, "missing_origin")
    service = use(LocationService)
    try:
        if point is not None:
            nearby = service.near_point(point, wanted)
        else:
            nearby = service.near_address(address, wanted, (query.get("country") or "").upper())
    except LocatorQueryRejectedError:
        raise ApiError(400, "invalid_location_query") from None
    except LocatorError:
        raise ApiError(503, "upstream_unavailable", headers={"Retry-After": "30"}) from None
    # Already in the documented shape: a Response skips marshmallow's second pass over it.
    return jsonify(nearby_view(nearby, wanted.value, lang))
