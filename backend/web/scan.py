"""GET /api/v1/scan: the UPS numbers inside a scanned barcode payload."""

from __future__ import annotations

from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from backend.domain.scan import numbers_in_scan

bp = Blueprint("scan", __name__, url_prefix="/api/v1", description="Barcode payloads")


class ScanQuerySchema(Schema):
    code = fields.String(required=True, validate=validate.Length(min=1, max=4000))


class ScanResultSchema(Schema):
    numbers = fields.List(fields.String())


@bp.get("/scan")
@bp.arguments(ScanQuerySchema, location="query")
@bp.response(200, ScanResultSchema)
def scan(query: dict):
    """Extract tracking numbers from a wx.scanCode result (Code 128, MaxiCode, PDF417, URL)."""
    return {"numbers": numbers_in_scan(query["code"])}
