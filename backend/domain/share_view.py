"""What a shared parcel shows to someone else: status, ETA, city-level scans, nothing personal."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any

from backend.domain import statuses
from backend.domain.bidi import strip_bidi
from backend.domain.model import (
    Eta,
    Shipment,
    TrackingEvent,
    iso_utc,
    latest_event,
    without_personal_data,
)
from backend.domain.numbers import mask_number
from backend.domain.places import localize_location

# Where "today" is judged when a parcel has no scan with a UTC offset: the users are in China.
CHINA_TIME = timezone(timedelta(hours=8))
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# The default name a card carries; the operator names theirs (APP_NAME).
PRODUCT_NAME = "包裹查询助手"


def parse_time(text: str | None) -> datetime | None:
    """An ISO 8601 date or date-time as UPS times are stored; None when absent or malformed."""
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def local_today(shipment: Shipment, now: float) -> date:
    """Today's date where the parcel last was (its newest scan's offset), else in China."""
    event = latest_event(shipment)
    moment = parse_time(event.time) if event else None
    zone: tzinfo = moment.tzinfo if moment and moment.tzinfo else CHINA_TIME
    return datetime.fromtimestamp(now, zone).date()


def day_text(day: date, today: date, lang: str) -> str:
    """今天 / 明天 / 11月26日, or today / tomorrow / Nov 26."""
    if day == today:
        return "today" if lang == "en" else "今天"
    if day == today + timedelta(days=1):
        return "tomorrow" if lang == "en" else "明天"
    return f"{_MONTHS[day.month - 1]} {day.day}" if lang == "en" else f"{day.month}月{day.day}日"


def short_time(text: str | None, lang: str) -> str:
    """A stored local time for people: '11月24日 08:15' or 'Nov 24, 08:15' (date only if so)."""
    moment = parse_time(text)
    if moment is None:
        return text or ""
    has_clock = bool(text and "T" in text)
    if lang == "en":
        day = f"{_MONTHS[moment.month - 1]} {moment.day}"
        return f"{day}, {moment:%H:%M}" if has_clock else day
    day = f"{moment.month}月{moment.day}日"
    return f"{day} {moment:%H:%M}" if has_clock else day


def eta_view(eta: Eta | None) -> dict[str, str | bool | None] | None:
    """An ETA as the API's JSON object (docs/api.md, "Result": `eta`)."""
    if eta is None:
        return None
    return {
        "date": eta.date,
        "start": eta.start,
        "end": eta.end,
        "kind": eta.kind,
        "rescheduled": eta.rescheduled,
    }


def eta_phrase(shipment: Shipment, lang: str, today: date) -> str:
    """'预计今天送达', 'Expected tomorrow 10:30–11:30', '11月24日已签收'; '' when unknown."""
    delivered = parse_time(shipment.delivered_at)
    if delivered is not None:
        when = day_text(delivered.date(), today, lang)
        return f"Delivered {when}" if lang == "en" else f"{when}已签收"
    eta = shipment.eta
    try:
        day = date.fromisoformat(eta.date) if eta else None
    except ValueError:
        day = None
    if eta is None or day is None:
        return ""
    when = day_text(day, today, lang)
    if lang == "en":
        moved = "Rescheduled: " if eta.rescheduled else ""
        return f"{moved}Expected {when}{eta_window(eta.start, eta.end, lang)}"
    moved = "已改期，" if eta.rescheduled else ""
    return f"{moved}预计{when}{eta_window(eta.start, eta.end, lang)}送达"


def eta_window(start: str | None, end: str | None, lang: str) -> str:
    """The time part of an ETA: a window, a deadline or nothing (" 10:30–11:30", " by 12:00")."""
    if start and end:
        return f" {start}–{end}" if lang == "en" else f" {start}–{end} "
    if end:
        return f" by {end}" if lang == "en" else f" {end} 前"
    return ""


def share_title(shipment: Shipment, lang: str, today: date, nickname: str | None = None) -> str:
    """The chat card's title: '1Z99…784 派送中 · 预计今天送达' (nickname first if shared)."""
    head = f"{mask_number(shipment.number)} {statuses.label(shipment.status, lang)}"
    # Stored before bidi controls were cleaned from nicknames, one could still hold them.
    parts = [strip_bidi(nickname or ""), head, eta_phrase(shipment, lang, today)]
    return " · ".join(part for part in parts if part)


def _event(event: TrackingEvent, lang: str) -> dict[str, Any]:
    # location is "City, ST, CC" by the model's rule: street lines and postcodes never get in.
    return {
        "time": event.time,
        "location": localize_location(event.location, lang),
        "description": event.description,
        "status": {"code": event.status.value, "label": statuses.label(event.status, lang)},
    }


def public_view(
    shipment: Shipment, fetched_at: float, lang: str, today: date, nickname: str | None = None
) -> dict[str, Any]:
    """The receiver's view, built from an allow-list so new personal fields can never leak."""
    safe = without_personal_data(shipment)
    eta = safe.eta if safe.delivered_at is None else None
    view: dict[str, Any] = {
        "number_masked": mask_number(safe.number),
        "status": {
            "code": safe.status.value,
            "label": statuses.label(safe.status, lang),
            "description": statuses.explanation(safe.status, lang),
        },
        "progress": statuses.progress(safe.status),
        "eta": eta_view(eta),
        "eta_text": eta_phrase(safe, lang, today),
        "delivered_at": safe.delivered_at,
        "events": [_event(event, lang) for event in safe.events],
        "as_of": iso_utc(fetched_at),
    }
    if nickname and strip_bidi(nickname):
        view["nickname"] = strip_bidi(nickname)
    return view


@dataclass(frozen=True)
class ShareCard:
    """Everything the 5:4 card image shows, already worded in one language."""

    number: str  # masked
    status: str  # status code, part of the cache key
    status_label: str
    eta_line: str
    progress: float
    last_place: str
    last_time: str
    nickname: str | None
    lang: str
    footer: str = PRODUCT_NAME

    def cache_key(self) -> str:
        """'<status>:<digest>': changes whenever anything drawn on the card changes."""
        text = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)
        return f"{self.status}:{hashlib.sha256(text.encode()).hexdigest()[:16]}"


def card_for(view: dict[str, Any], lang: str, footer: str = PRODUCT_NAME) -> ShareCard:
    """The card of a public view (so the image can never show more than the view does)."""
    last = view["events"][0] if view["events"] else {}
    return ShareCard(
        number=view["number_masked"],
        status=view["status"]["code"],
        status_label=view["status"]["label"],
        eta_line=view["eta_text"],
        progress=float(view["progress"]),
        last_place=last.get("location", ""),
        last_time=short_time(last.get("time"), lang),
        nickname=view.get("nickname"),
        lang=lang,
        footer=footer,
    )
