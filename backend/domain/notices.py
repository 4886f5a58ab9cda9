"""What a message tells a watcher, in our own terms and the reader's language.

A messenger fits each role into its template's keywords. Message keywords are short
(WeChat's `thing` holds 20 characters), so every role offers `choices`: texts written for
the message, longest first ("相机镜头 · 待补资料", then "待补资料"). The messenger takes the
first that fits whole; nothing is ever cut with "…". Values we do not have are said in
words ("暂无位置信息"); for date and time keywords `moment` gives the raw ISO text or "",
and an empty one means the template cannot carry this notice.
"""

from __future__ import annotations

from dataclasses import dataclass

from backend.domain.bidi import strip_bidi
from backend.domain.model import Shipment
from backend.domain.moments import PICKUP_REMINDER
from backend.domain.places import localize_location
from backend.domain.statuses import Status
from backend.domain.tracking import StatusChange

# What our side can put into a message template's keyword (config/example.env documents it).
ROLES = ("number", "status", "time", "advice", "nickname", "eta", "location")
SEPARATOR = " · "

# Words for values we do not have (zh, en).
_MISSING = {
    "location": ("暂无位置信息", "Location not given"),
    "eta": ("暂无预计送达", "No estimate yet"),
}
# Per moment: (zh status, en status, zh advice, en advice), each written to fit a message
# keyword of 20 characters whole. Every sentence our own.
TEXTS: dict[Status | str, tuple[str, str, str, str]] = {
    Status.SHIPMENT_ACCEPTED: ("已揽收", "Picked up", "UPS 已收到包裹", "UPS has the parcel"),
    Status.IN_TRANSIT: ("运输途中", "In transit", "正在运往下一站", "On its way"),
    Status.AT_FACILITY: ("到达分拣中心", "At a UPS facility", "正在分拣，随后发出", "Being sorted"),
    Status.CLEARANCE_IN_PROGRESS: ("清关中", "In customs", "留意海关或 UPS 来电", "Watch for UPS calls"),
    Status.CLEARED: ("清关完成", "Cleared customs", "已放行，继续运输", "Released, moving on"),
    Status.OUT_FOR_DELIVERY: ("派送中", "Out for delivery", "今天送达，请保持电话畅通", "Arriving today"),
    Status.DELIVERY_ATTEMPTED: ("派送未成功", "Delivery attempted", "可在 ups.com 改约派送", "Rebook on ups.com"),
    Status.DELIVERED: ("已签收", "Delivered", "没收到请先问前台或邻居", "Missing? Call UPS"),
    Status.EXCEPTION: ("异常", "Exception", "请核对收件信息或致电 UPS", "Check delivery info"),
    Status.AWAITING_RECEIVER: ("待补资料", "Action needed", "请尽快补交清关资料", "Send customs papers"),
    Status.LABEL_CREATED: ("已创建运单", "Label created", "等待 UPS 揽收", "Awaiting UPS pickup"),
    Status.READY_FOR_PICKUP: ("待取件", "Ready for pickup", "请带证件到取件点领取", "Bring ID to collect"),
    Status.RETURNED_TO_SENDER: ("退回发件人", "Returned to sender", "请联系发件人确认原因", "Ask the sender why"),
    Status.CANCELLED: ("已取消", "Cancelled", "请联系发件人了解情况", "Ask the sender"),
    Status.UNKNOWN: ("状态更新", "Status update", "打开小程序查看详情", "Open for details"),
    PICKUP_REMINDER: ("明天截止取件", "Pickup due tomorrow", "明天是最后取件日", "Collect by tomorrow"),
}  # fmt: skip


@dataclass(frozen=True)
class Notice:
    """One message's content in `lang` ("zh" | "en")."""

    number: str
    status: Status
    status_text: str
    time: str  # ISO 8601 time of the scan that made the change ("" or garbage possible)
    advice: str
    nickname: str  # the user's name for the parcel, "" when none
    eta: str  # ISO date, "" when UPS gave none
    eta_text: str  # the ETA in words, "" when UPS gave none
    location: str  # the scan's place in `lang`, "" when UPS gave none
    lang: str = "zh"
    city: str = ""  # the place's first part, for keywords too short for all of it
    moment: str = ""  # the StatusChange's moment ("pickup_reminder" or the status value)

    def choices(self, role: str) -> tuple[str, ...]:
        """Texts for `role`, longest first; a keyword takes the first that fits whole."""
        if role == "status":
            lead = f"{self.nickname}{SEPARATOR}{self.status_text}" if self.nickname else ""
            return tuple(t for t in (lead, self.status_text) if t)
        if role == "nickname":
            return tuple(t for t in (self.nickname, self.number) if t)
        if role == "location":
            if not self.location:
                return (self._missing("location"),)
            return tuple(dict.fromkeys(t for t in (self.location, self.city) if t))
        if role == "eta":
            return (self.eta_text or self._missing("eta"),)
        return (self.text(role),)

    def text(self, role: str) -> str:
        """The fullest words for `role` ("" for a role we do not fill)."""
        if role in ("status", "nickname", "location", "eta"):
            return self.choices(role)[0]
        return str(getattr(self, role, "")) if role in ROLES else ""

    def moment_of(self, role: str) -> str:
        """The ISO date or time behind `role` for date and time keywords; "" when none."""
        return {"time": self.time, "eta": self.eta}.get(role, "")

    def _missing(self, role: str) -> str:
        zh, en = _MISSING[role]
        return en if self.lang == "en" else zh


def notice_for(change: StatusChange, shipment: Shipment, nickname: str | None,
               lang: str = "zh") -> Notice:  # fmt: skip
    """The message for `change` of `shipment`, in the watcher's language."""
    lang = "en" if lang == "en" else "zh"
    zh_status, en_status, zh_advice, en_advice = TEXTS[change.moment]
    eta = shipment.eta
    location = localize_location(change.location, lang)
    city_part = (change.location or "").split(",")[0].strip()
    return Notice(
        number=change.number,
        status=change.current,
        status_text=en_status if lang == "en" else zh_status,
        time=change.event_time,
        advice=en_advice if lang == "en" else zh_advice,
        nickname=strip_bidi(nickname or "").strip(),
        eta=eta.date if eta else "",
        eta_text=_eta_text(shipment, lang),
        location=location,
        lang=lang,
        city=localize_location(city_part, lang) if city_part else "",
        moment=str(change.moment),
    )


def _eta_text(shipment: Shipment, lang: str) -> str:
    eta = shipment.eta
    if eta is None:
        return ""
    moved = ("Moved to " if lang == "en" else "已改期 ") if eta.rescheduled else ""
    return f"{moved}{eta.date}{' ' + eta.end if eta.end else ''}"
