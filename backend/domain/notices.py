"""What a status-change message tells a watcher, in our own terms (no template keywords)."""

from __future__ import annotations

from dataclasses import dataclass

from backend.domain.advice import advise
from backend.domain.model import Shipment
from backend.domain.statuses import Status, label
from backend.domain.tracking import StatusChange

# What our side can put into a message template's keyword (config/example.env documents it).
ROLES = ("number", "status", "time", "advice", "nickname", "eta", "location")


@dataclass(frozen=True)
class Notice:
    """One message's content; a messenger fits each role's text into its template."""

    number: str
    status: Status
    status_text: str
    time: str
    advice: str
    nickname: str
    eta: str
    location: str

    def text(self, role: str) -> str:
        """The text for `role` ("" for a role we do not fill)."""
        if role == "status":
            return self.status_text
        return str(getattr(self, role, "")) if role in ROLES else ""


def notice_for(change: StatusChange, shipment: Shipment, nickname: str | None) -> Notice:
    """The message for `change` of `shipment`, in Chinese (messages go out in Chinese)."""
    advice = advise(shipment, "zh")
    status_text = label(change.current, "zh")
    return Notice(
        number=change.number,
        status=change.current,
        status_text=status_text,
        time=change.event_time,
        advice=advice[0].text if advice else status_text,
        nickname=nickname or change.number,
        eta=shipment.eta.date if shipment.eta else "",
        location=change.location or "-",
    )
