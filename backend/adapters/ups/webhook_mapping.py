"""Pure mapping of a Track Alert webhook body (all strings, "" for blanks) to a TrackingEvent."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from backend.adapters.ups import values as v
from backend.adapters.ups.delivery_mapping import decode_photo
from backend.adapters.ups.status_codes import map_status
from backend.domain.errors import MalformedEvent
from backend.domain.model import Place, TrackingEvent
from backend.domain.track_alert import WebhookEvent

# UPS's own example 1 has " 1ZABCXYZ0112346789": spaces anywhere are not part of a number.
_SPACES = re.compile(r"\s+")


class WebhookFormatError(MalformedEvent):
    """The body is not a Track Alert event (no tracking number or no activity status)."""


def _number(value: Any) -> str:
    return _SPACES.sub("", v.text(value)).upper()


def _status_code(value: Any) -> str:
    """descriptionCode is a 3-digit string; a parser that read it as a number lost the zeros."""
    code = v.text(value)
    return code.zfill(3) if code.isdigit() else code


def _offset(body: dict, local: datetime) -> int | None:
    """gmtOffset ("-04.00", with a dot) when given, else implied by the GMT date and time."""
    stated = v.offset_minutes(body.get("gmtOffset"))
    if stated is not None:
        return stated
    return v.derived_offset(
        local, v.moment(body.get("gmtActivityDate"), body.get("gmtActivityTime"))
    )


def _time(body: dict, date_field: str, time_field: str) -> str | None:
    """ISO local time of a date/time pair, with the activity's offset; date only without time."""
    local = v.moment(body.get(date_field), body.get(time_field))
    if local is None:
        return v.iso_date(body.get(date_field))
    activity = v.moment(body.get("localActivityDate"), body.get("localActivityTime"))
    return v.with_offset(local, _offset(body, activity or local))


def _location(value: Any) -> str:
    """City, state and country only: the postal code is personal and never kept."""
    place = v.as_dict(value)
    return Place(
        v.text(place.get("city")), v.text(place.get("stateProvince")), v.text(place.get("country"))
    ).text()


def parse_webhook(body: Any) -> WebhookEvent:
    """The event in `body`; raises WebhookFormatError when it is not a Track Alert event."""
    if not isinstance(body, dict):
        raise WebhookFormatError("the body is not a JSON object")
    number, status = _number(body.get("trackingNumber")), body.get("activityStatus")
    if not number or not isinstance(status, dict):
        raise WebhookFormatError("trackingNumber and activityStatus are required")
    codes = v.text(status.get("code")).upper(), _status_code(status.get("descriptionCode"))
    description = v.text(status.get("description"))
    event = TrackingEvent(
        time=_time(body, "localActivityDate", "localActivityTime") or "",
        location=_location(body.get("activityLocation")),
        description=description,
        status=map_status(codes[1], codes[0], v.text(status.get("type")), description),
        ups_code=codes[0],
        ups_status_code=codes[1],
    )
    scheduled = v.iso_date(body.get("scheduledDeliveryDate"))
    delivered = _time(body, "actualDeliveryDate", "actualDeliveryTime")
    received_by = v.text(body.get("receivedBy")) or None
    photo = decode_photo(body.get("deliveryPhoto"))
    return WebhookEvent(number, event, scheduled, delivered, received_by, photo)
