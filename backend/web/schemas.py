"""Marshmallow schemas: request validation and the documented response shapes."""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate

TEXT_MAX, ITEM_MAX = 4000, 100  # far above 30 numbers, however they are written


class NumbersField(fields.Field):
    """Free text ("1Z…, 1Z…") or a list of strings."""

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str) and len(value) <= TEXT_MAX:
            return value
        if isinstance(value, list) and all(
            isinstance(item, str) and len(item) <= ITEM_MAX for item in value
        ):
            return value
        raise ValidationError(
            f"must be a text of at most {TEXT_MAX} characters or a list of strings of at "
            f"most {ITEM_MAX}"
        )


class TrackQuerySchema(Schema):
    numbers = fields.String(load_default="", validate=validate.Length(max=4000))
    lang = fields.String(validate=validate.OneOf(["zh", "en"]))


NUMBERS_DOC = {
    "oneOf": [
        {"type": "string", "minLength": 1, "maxLength": TEXT_MAX},
        {"type": "array", "items": {"type": "string", "maxLength": ITEM_MAX}, "minItems": 1},
    ]
}


class TrackBodySchema(Schema):
    numbers = NumbersField(
        required=True, metadata={"description": "free text or a list", "openapi": NUMBERS_DOC}
    )


class StatusSchema(Schema):
    code = fields.String(required=True)
    label = fields.String(required=True)
    description = fields.String()


class EventSchema(Schema):
    time = fields.String(metadata={"description": "ISO 8601 local time, with offset when known"})
    location = fields.String()
    description = fields.String()
    status = fields.Nested(StatusSchema)


class EtaSchema(Schema):
    date = fields.String()
    start = fields.String(allow_none=True)
    end = fields.String(allow_none=True)
    kind = fields.String()
    rescheduled = fields.Boolean()
    passed = fields.Boolean(
        metadata={"description": "true once the ETA day is over and the parcel is not delivered"}
    )


class AdviceSchema(Schema):
    code = fields.String()
    text = fields.String()
    hotline = fields.String(metadata={"description": "present when a person should help"})
    steps = fields.List(
        fields.String(), metadata={"description": "a procedure in order (customs_steps)"}
    )


class EtaEstimateSchema(Schema):
    earliest = fields.String(metadata={"description": "YYYY-MM-DD"})
    latest = fields.String(metadata={"description": "YYYY-MM-DD"})
    basis = fields.String(metadata={"description": "ups_time_in_transit | lane_history"})
    confidence = fields.Float(metadata={"description": "0..1"})
    samples = fields.Integer(metadata={"description": "delivered parcels behind lane_history"})


class StepSchema(Schema):
    code = fields.String()
    text = fields.String()


class NotReceivedSchema(Schema):
    title = fields.String()
    steps = fields.List(fields.Nested(StepSchema))
    hotline = fields.String()


class DeliverySchema(Schema):
    location = fields.String(allow_none=True, metadata={"description": "e.g. 前门 / Front Door"})
    received_by = fields.String(allow_none=True)
    photo = fields.String(
        allow_none=True,
        metadata={
            "description": "available: GET /parcels/<number>/delivery-photo (watchers only); "
            "at_ups: UPS took one we cannot show (see photo_note, photo_link); null: none"
        },
    )
    photo_note = fields.String()
    photo_link = fields.String()
    not_received = fields.Nested(NotReceivedSchema)


class ChargeSchema(Schema):
    type = fields.String()
    amount = fields.String(metadata={"description": "two decimals, e.g. 243.50"})
    currency = fields.String()
    paid = fields.Boolean()


class PieceSchema(Schema):
    number = fields.String()
    status = fields.Nested(StatusSchema)


class PiecesSchema(Schema):
    count = fields.Integer(metadata={"description": "UPS's packageCount"})
    delivered = fields.Integer()
    numbers = fields.List(fields.String())
    items = fields.List(fields.Nested(PieceSchema), metadata={"description": "each piece's status"})


class NumberErrorSchema(Schema):
    code = fields.String()
    message = fields.String()


class ResultSchema(Schema):
    """One number's result: `ok` with tracking details, or `ok: false` with `error`."""

    number = fields.String(required=True)
    ok = fields.Boolean(required=True)
    error = fields.Nested(NumberErrorSchema)
    status = fields.Nested(StatusSchema)
    events = fields.List(fields.Nested(EventSchema))
    eta = fields.Nested(EtaSchema, allow_none=True)
    delivered_at = fields.String(allow_none=True)
    weight = fields.Dict(allow_none=True)
    dimensions = fields.Dict(allow_none=True)
    service = fields.String(allow_none=True)
    package_count = fields.Integer(allow_none=True)
    received_by = fields.String(allow_none=True)
    delivery_location = fields.String(
        allow_none=True, metadata={"description": "where it was left, e.g. 前门 / Front Door"}
    )
    pickup = fields.Dict(
        allow_none=True,
        metadata={
            "description": 'held for pickup: {"by": "YYYY-MM-DD" or null, "held_at": {...}, '
            '"access_point": a location of /locations or null}'
        },
    )
    as_of = fields.String()
    stale = fields.Boolean()
    advice = fields.List(fields.Nested(AdviceSchema))
    eta_estimate = fields.Nested(
        EtaEstimateSchema,
        allow_none=True,
        metadata={"description": "our estimate when UPS gives no date (eta is then null)"},
    )
    delivery = fields.Nested(DeliverySchema, allow_none=True)
    charges = fields.List(fields.Nested(ChargeSchema))
    pieces = fields.Nested(
        PiecesSchema, allow_none=True, metadata={"description": "a multi-piece shipment"}
    )


class TrackResponseSchema(Schema):
    results = fields.List(fields.Nested(ResultSchema))
