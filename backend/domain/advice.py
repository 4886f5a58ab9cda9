"""What to do next: plain advice attached to a parcel, drawn from the guide's FAQ."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

from backend.domain import charges, customs_steps
from backend.domain.model import Shipment, event_moment
from backend.domain.statuses import Status, is_final

HOTLINE = "400-820-8555"
CHINA = timezone(timedelta(hours=8))
# A parcel without a new scan for this long deserves a second look (the FAQ's first question).
QUIET_DAYS = 4
# Customs usually clears in a few days; longer than this is worth a call.
LONG_CUSTOMS_DAYS = 3


@dataclass(frozen=True)
class Advice:
    """One suggestion: a stable code for the client, text, and whether to offer the hotline."""

    code: str
    text: str
    hotline: bool = False
    steps: tuple[str, ...] = ()  # a procedure, in order (customs papers, ...)


# code -> (zh, en); every sentence our own.
TEXTS: dict[str, tuple[str, str]] = {
    "no_recent_update": (
        "已经 {days} 天没有新的物流记录。节假日、清关排队或恶劣天气都会让包裹变慢；请先核对运单号，如一周以上仍无进展，可致电 UPS 客服请他们查询。",
        "No new scan for {days} days. Holidays, customs queues and bad weather all slow parcels down; check the number, and if nothing moves for over a week, call UPS and ask them to trace it.",
    ),
    "past_eta": (
        "包裹过了预计日期仍未送达。常见原因是清关排队、天气或中转延误，通常会在几天内恢复；如超过两三天仍无新记录，请联系发件人，或致电 UPS 客服发起查询。",
        "The parcel is past its expected day and not delivered yet. Customs queues, weather and missed connections are the usual causes and most parcels move again within days; if nothing changes for two or three more days, contact the sender or call UPS to open a trace.",
    ),
    "delivery_attempted": (
        "派送员来过但没能交付。先看看门口、信箱、前台或邻居是否代收，留意 UPS 留下的通知卡；需要改期或改到附近的 UPS 取件点，可在 ups.com 的「管理配送」中操作。",
        "The driver came but could not hand the parcel over. Check your door, mailbox, reception and neighbours, and look for a UPS notice card; to pick a new day or send it to a nearby UPS Access Point, use Manage Delivery on ups.com.",
    ),
    "reschedule": (
        "想改地址或改时间？在包裹到达当地派送站之前，可通过 ups.com 或 UPS App 的「管理配送」办理；注册免费的 UPS My Choice® 能获得更多选择。",
        "Need another address or day? Before the parcel reaches the local depot, use Manage Delivery on ups.com or the UPS app; the free UPS My Choice® membership gives you more options.",
    ),
    "customs": (
        "包裹正在目的地海关办理清关。清关快慢取决于海关处理速度、报关资料是否齐全，以及关税是否已缴；如需补充资料或缴税，请留意短信与来电，也可联系发件人协助。",
        "The parcel is going through customs at the destination. How long it takes depends on the customs office, complete paperwork and whether duties are paid; watch for texts or calls asking for documents or payment, and ask the sender to help.",
    ),
    "customs_long": (
        "清关已持续 {days} 天，时间偏长。最好请发件人联系 UPS 或其货代跟进，您也可以致电 UPS 客服确认是否缺少资料。",
        "Customs has taken {days} days, which is long. Ask the sender to follow up with UPS or their forwarder, or call UPS to find out whether anything is missing.",
    ),
    "awaiting_receiver": (
        "包裹在等您提供信息（例如清关资料或缴纳关税）才能继续派送。请尽快按 UPS 的通知办理，不确定时致电客服。",
        "The parcel is waiting for something from you, such as customs documents or duties, before it can move on. Follow UPS's notice soon, and call if unsure.",
    ),
    "exception": (
        "运输中出现了问题（例如地址不完整、无法联系收件人或包装受损）。请核对收件信息并联系发件人，或致电 UPS 客服了解处理办法。",
        "Something went wrong in transit, such as an incomplete address, an unreachable receiver or damaged packaging. Check the delivery details with the sender, or call UPS to learn what happens next.",
    ),
    "ready_for_pickup": (
        "包裹已在 UPS 取件点等您领取。请带上有效证件和运单号前往，注意在保管期限内取走，逾期可能被退回。",
        "The parcel is waiting at a UPS Access Point. Bring photo ID and the tracking number, and collect it before the holding period ends or it may be sent back.",
    ),
    "out_for_delivery": (
        "包裹今天随车派送，请保持电话畅通，方便派送员联系。",
        "The parcel is on the delivery vehicle today; keep your phone at hand in case the driver calls.",
    ),
    "delivered_not_received": (
        "显示已签收但没收到？先查看门口、信箱、前台和邻居，再联系发件人；仍找不到时致电 UPS 客服。",
        "Marked delivered but not in your hands? Check the door, mailbox, reception and neighbours, then the sender; if it is still missing, call UPS.",
    ),
    "returned_to_sender": (
        "包裹正在退回发件人。请联系发件人确认原因，以及是否需要重新寄送。",
        "The parcel is going back to the sender. Ask the sender why and whether they will ship it again.",
    ),
    "label_created": (
        "发件人已创建运单，但 UPS 还没收到包裹。如果几天后仍是这个状态，请联系发件人确认是否已交寄。",
        "The sender made a label but UPS does not have the parcel yet. If it stays like this for several days, ask the sender whether it was handed over.",
    ),
    "cancelled": (
        "这张运单已被取消，不会再有派送。请联系发件人了解情况。",
        "This shipment was cancelled and will not be delivered. Contact the sender to find out more.",
    ),
}

_BY_STATUS: dict[Status, tuple[str, bool]] = {
    Status.DELIVERY_ATTEMPTED: ("delivery_attempted", True),
    Status.CLEARANCE_IN_PROGRESS: ("customs", False),
    Status.AWAITING_RECEIVER: ("awaiting_receiver", True),
    Status.EXCEPTION: ("exception", True),
    Status.READY_FOR_PICKUP: ("ready_for_pickup", False),
    Status.OUT_FOR_DELIVERY: ("out_for_delivery", False),
    Status.DELIVERED: ("delivered_not_received", False),
    Status.RETURNED_TO_SENDER: ("returned_to_sender", False),
    Status.LABEL_CREATED: ("label_created", False),
    Status.CANCELLED: ("cancelled", False),
}


def text(code: str, lang: str, **values: object) -> str:
    """The advice text for `code` in `lang`, with its placeholders filled."""
    zh, en = TEXTS[code]
    return (en if lang == "en" else zh).format(**values)


def advise(shipment: Shipment, lang: str, now: datetime | None = None) -> list[Advice]:
    """Suggestions for this parcel, most useful first; empty when nothing needs saying."""
    now = now or datetime.now(UTC)
    found: list[Advice] = []
    status_advice = _BY_STATUS.get(shipment.status)
    if status_advice:
        code, hotline = status_advice
        found.append(Advice(code, text(code, lang), hotline))
    if shipment.status is Status.DELIVERY_ATTEMPTED:
        found.append(Advice("reschedule", text("reschedule", lang)))
    found.extend(_money_and_customs(shipment, lang))
    found.extend(_timing_advice(shipment, lang, now))
    return found


def _money_and_customs(shipment: Shipment, lang: str) -> list[Advice]:
    """Unpaid charges (what, why, where to pay safely), then customs step by step."""
    found = [
        Advice("charges_unpaid", charges.charge_text(charge, shipment, lang), True)
        for charge in charges.unpaid(shipment)
    ]
    if customs_steps.applies(shipment):
        status = shipment.status
        title, steps = customs_steps.title(status, lang), customs_steps.steps(status, lang)
        found.append(Advice("customs_steps", title, False, steps))
    return found


def _timing_advice(shipment: Shipment, lang: str, now: datetime) -> list[Advice]:
    if is_final(shipment.status) or shipment.status is Status.LABEL_CREATED:
        return []
    found = []
    quiet = _days_since_last_event(shipment, now)
    if shipment.status is Status.CLEARANCE_IN_PROGRESS:
        days = _days_in_status(shipment, now)
        if days is not None and days >= LONG_CUSTOMS_DAYS:
            found.append(Advice("customs_long", text("customs_long", lang, days=days), True))
    elif quiet is not None and quiet >= QUIET_DAYS:
        found.append(Advice("no_recent_update", text("no_recent_update", lang, days=quiet), True))
    if _eta_date(shipment) and eta_passed(shipment, now):
        found.append(Advice("past_eta", text("past_eta", lang), True))
    return found


def _days_since_last_event(shipment: Shipment, now: datetime) -> int | None:
    if not shipment.events:
        return None
    latest = event_moment(shipment.events[0].time)
    return None if latest is None else max(0, (now - latest).days)


def _days_in_status(shipment: Shipment, now: datetime) -> int | None:
    """Days since the earliest event of the current uninterrupted run of the same status."""
    first = None
    for event in shipment.events:
        if event.status is not shipment.status:
            break
        first = event
    moment = event_moment(first.time) if first else None
    return None if moment is None else max(0, (now - moment).days)


def eta_passed(shipment: Shipment, now: datetime | None = None) -> bool:
    """True when the ETA's day is over where the parcel is headed and it is not delivered.

    The receiver's day is read from the latest scan's UTC offset (scans near the end of a
    journey are in the receiver's time zone); without one, China time.
    """
    eta = _eta_date(shipment)
    if eta is None or is_final(shipment.status) or shipment.delivered_at:
        return False
    now = now or datetime.now(UTC)
    latest = event_moment(shipment.events[0].time) if shipment.events else None
    zone = latest.tzinfo if latest is not None and latest.tzinfo is not None else CHINA
    return eta < now.astimezone(zone).date()


def _eta_date(shipment: Shipment) -> date | None:
    if shipment.eta is None:
        return None
    try:
        return date.fromisoformat(shipment.eta.date)
    except ValueError:
        return None
