"""What a status-change message tells a watcher, in our own terms and the reader's language.

A messenger fits each role into its template's keywords. Values we do not have are said in
words ("暂无位置信息") for free-text keywords; for date and time keywords `moment` gives the
raw ISO text or "", and an empty one means the template cannot carry this notice.
"""

from __future__ import annotations

from dataclasses import dataclass

from backend.domain.advice import advise
from backend.domain.bidi import strip_bidi
from backend.domain.model import Shipment
from backend.domain.places import localize_location
from backend.domain.statuses import Status, label
from backend.domain.tracking import StatusChange

# What our side can put into a message template's keyword (config/example.env documents it).
ROLES = ("number", "status", "time", "advice", "nickname", "eta", "location")

# Words for values we do not have (zh, en).
_MISSING = {
    "location": ("暂无位置信息", "Location not given"),
    "eta": ("暂无预计送达时间", "No delivery estimate yet"),
}


@dataclass(frozen=True)
class Notice:
    """One message's content in `lang` ("zh" | "en")."""

    number: str
    status: Status
    status_text: str
    time: str  # ISO 8601 time of the scan that made the change ("" or garbage possible)
    advice: str
    nickname: str
    eta: str  # ISO date, "" when UPS gave none
    eta_text: str  # the ETA in words, "" when UPS gave none
    location: str  # the scan's place in `lang`, "" when UPS gave none
    lang: str = "zh"

    def text(self, role: str) -> str:
        """The words for `role` ("" for a role we do not fill)."""
        if role == "status":
            return self.status_text
        if role == "eta":
            return self.eta_text or self._missing("eta")
        if role == "location":
            return self.location or self._missing("location")
        return str(getattr(self, role, "")) if role in ROLES else ""

    def moment(self, role: str) -> str:
        """The ISO date or time behind `role` for date and time keywords; "" when none."""
        return {"time": self.time, "eta": self.eta}.get(role, "")

    def _missing(self, role: str) -> str:
        zh, en = _MISSING[role]
        return en if self.lang == "en" else zh


def notice_for(change: StatusChange, shipment: Shipment, nickname: str | None,
               lang: str = "zh") -> Notice:  # fmt: skip
    """The message for `change` of `shipment`, in the watcher's language."""
    lang = "en" if lang == "en" else "zh"
    advice = advise(shipment, lang)
    status_text = label(change.current, lang)
    eta = shipment.eta
    return Notice(
        number=change.number,
        status=change.current,
        status_text=status_text,
        time=change.event_time,
        advice=advice[0].text if advice else status_text,
        nickname=strip_bidi(nickname or "") or change.number,
        eta=eta.date if eta else "",
        eta_text=_eta_text(shipment, lang),
        location=localize_location(change.location, lang),
        lang=lang,
    )


def _eta_text(shipment: Shipment, lang: str) -> str:
    eta = shipment.eta
    if eta is None:
        return ""
    moved = ("Rescheduled " if lang == "en" else "已改期 ") if eta.rescheduled else ""
    return f"{moved}{eta.date}{' ' + eta.end if eta.end else ''}"
