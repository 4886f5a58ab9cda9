"""GET and POST /api/v1/track: look up to 30 numbers at once."""

from __future__ import annotations

from flask_smorest import Blueprint

from backend.services.lookup import LookupService, NoNumbersError, TooManyNumbersError
from backend.web.errors import ApiError
from backend.web.i18n import request_lang
from backend.web.messages import message_for
from backend.web.registry import use
from backend.web.rendered import results_response
from backend.web.schemas import TrackBodySchema, TrackQuerySchema, TrackResponseSchema

bp = Blueprint("track", __name__, url_prefix="/api/v1", description="Batch tracking lookup")


def _track(numbers: str | list[str]):
    lang = request_lang()
    try:
        results = use(LookupService).lookup_many(numbers, lang)
    except NoNumbersError:
        raise ApiError(400, "no_numbers") from None
    except TooManyNumbersError as error:
        message = message_for("too_many_numbers", lang).format(count=error.count)
        raise ApiError(400, "too_many_numbers", message) from None
    # Already in the documented shape: returning a Response skips a marshmallow pass over
    # every result, and a parcel looked up again is not presented or encoded again.
    return results_response(results, lang)


@bp.get("/track")
@bp.arguments(TrackQuerySchema(), location="query")  # an instance: built once, not per call
@bp.response(200, TrackResponseSchema)
def track_get(query: dict):
    """Look up numbers given as free text in ?numbers= (commas, spaces or new lines)."""
    return _track(query["numbers"])


@bp.post("/track")
@bp.arguments(TrackBodySchema)
@bp.response(200, TrackResponseSchema)
def track_post(body: dict):
    """Look up numbers given as free text or a list in the JSON body."""
    return _track(body["numbers"])
