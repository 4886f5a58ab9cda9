"""The parcel status vocabulary: codes, zh/en labels, plain explanations and ranking rules."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """Where a parcel stands, from the receiver's point of view (docs/api.md, "Statuses")."""

    SHIPMENT_ACCEPTED = "shipment_accepted"
    IN_TRANSIT = "in_transit"
    AT_FACILITY = "at_facility"
    CLEARANCE_IN_PROGRESS = "clearance_in_progress"
    CLEARED = "cleared"
    OUT_FOR_DELIVERY = "out_for_delivery"
    DELIVERY_ATTEMPTED = "delivery_attempted"
    DELIVERED = "delivered"
    EXCEPTION = "exception"
    AWAITING_RECEIVER = "awaiting_receiver"
    LABEL_CREATED = "label_created"
    READY_FOR_PICKUP = "ready_for_pickup"
    RETURNED_TO_SENDER = "returned_to_sender"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"


# status -> (zh, en): the words Chinese trackers use (issue #27 replaced the first brief's
# draft: 已签收, not 包裹送达; 派送未成功, not 派送尝试; a state, not a place, for at_facility).
# docs/api.md, "Statuses", lists them.
_LABELS: dict[Status, tuple[str, str]] = {
    Status.SHIPMENT_ACCEPTED: ("已揽收", "Shipment Accepted"),
    Status.IN_TRANSIT: ("运输中", "In Transit"),
    Status.AT_FACILITY: ("分拣中", "Arrival at UPS Facility"),
    Status.CLEARANCE_IN_PROGRESS: ("清关中", "Clearance in Progress"),
    Status.CLEARED: ("已清关", "Cleared"),
    Status.OUT_FOR_DELIVERY: ("派送中", "Out for Delivery"),
    Status.DELIVERY_ATTEMPTED: ("派送未成功", "Delivery Attempted"),
    Status.DELIVERED: ("已签收", "Delivered"),
    Status.EXCEPTION: ("异常", "Exception"),
    Status.AWAITING_RECEIVER: ("待收件人处理", "Awaiting Receiver"),
    Status.LABEL_CREATED: ("待揽收", "Label Created"),
    Status.READY_FOR_PICKUP: ("待取件", "Ready for Pickup"),
    Status.RETURNED_TO_SENDER: ("已退回", "Returned to Sender"),
    Status.CANCELLED: ("已取消", "Cancelled"),
    Status.UNKNOWN: ("状态未知", "Unknown"),
}

# status -> (zh, en): what the status means for the person waiting for the parcel.
_EXPLANATIONS: dict[Status, tuple[str, str]] = {
    Status.SHIPMENT_ACCEPTED: (
        "包裹已经交到 UPS 手中并完成登记，很快就会踏上运输路线。",
        "UPS has taken the parcel in and registered it; it will start moving soon.",
    ),
    Status.IN_TRANSIT: (
        "包裹正在 UPS 的网络里逐站转运；旅程的大部分时间都会显示这个状态，暂时不需要您做什么。",
        "The parcel is moving between UPS sites. Most of a journey looks like this; nothing to do yet.",
    ),
    Status.AT_FACILITY: (
        "包裹刚到一个 UPS 分拣站，正在被扫描分拣，随后会被送往下一站。",
        "The parcel has reached a UPS sorting site and is being scanned and sorted for its next leg.",
    ),
    Status.CLEARANCE_IN_PROGRESS: (
        "国际包裹正在目的国海关接受查验、等待放行，整个行程里这一段最容易拖慢；请留意 UPS 发来的短信或电话。",
        "An international parcel under customs review in the destination country. This step often "
        "takes the longest; watch for texts or calls from UPS.",
    ),
    Status.CLEARED: (
        "海关已放行这个国际包裹，接下来由 UPS 安排送往您手中。",
        "Customs has released this international parcel, so it can continue on its way to you.",
    ),
    Status.OUT_FOR_DELIVERY: (
        "包裹已经装上派送车，派送员一般当天就会送到，请保持电话畅通。",
        "The parcel is on a delivery vehicle and should reach you today; keep your phone nearby.",
    ),
    Status.DELIVERY_ATTEMPTED: (
        "派送员来过，但这次没能把包裹交给您，常见原因是家中无人或地址不清；包裹一般先放在 UPS 站点或附近的取件点。",
        "The driver came but could not hand it over, for example nobody was in or the address was "
        "off. The parcel is usually held at a UPS site or a nearby pickup point.",
    ),
    Status.DELIVERED: (
        "UPS 记录显示包裹已交付到收件地址。",
        "UPS records the parcel as handed over at the delivery address.",
    ),
    Status.EXCEPTION: (
        "UPS 在运送中碰到了意外（地址有误、联系不到收件人、外包装破损等），包裹可能因此耽搁；建议您或发件人尽快与 UPS 沟通。",
        "Something went wrong on the way, such as a bad address, an unreachable receiver or damage. "
        "You or the sender may need to contact UPS.",
    ),
    Status.AWAITING_RECEIVER: (
        "包裹停在目的地一侧，UPS 需要您先补交材料（比如清关资料或税费信息），否则无法往下送。",
        "The parcel is near its destination but needs something from you, such as customs "
        "paperwork, before it can be delivered.",
    ),
    Status.LABEL_CREATED: (
        "发件人已经打印了运单，但 UPS 还没有拿到包裹，暂时不会有运输记录。",
        "The sender has printed a label, but UPS does not have the parcel yet, so no scans so far.",
    ),
    Status.READY_FOR_PICKUP: (
        "包裹正在 UPS 站点或取件点等您来取，请在保管期内带上证件前往。",
        "The parcel is waiting for you at a UPS site or Access Point; collect it with ID before "
        "the holding period ends.",
    ),
    Status.RETURNED_TO_SENDER: (
        "包裹不会送到您这里，正在或已经退回给发件人，请向发件人了解原因。",
        "The parcel will not reach you: it is going, or has gone, back to the sender. Ask the "
        "sender why.",
    ),
    Status.CANCELLED: (
        "这张运单已被作废，包裹不会按此运单号寄出或派送。",
        "This shipment was voided, so nothing will travel or be delivered under this number.",
    ),
    Status.UNKNOWN: (
        "暂时无法判断包裹的状态，请稍后再查，或直接查看下方的 UPS 原始记录。",
        "We cannot tell the parcel's state right now; check again later or read UPS's own "
        "scan history below.",
    ),
}

FINAL_STATUSES = frozenset({Status.DELIVERED, Status.RETURNED_TO_SENDER, Status.CANCELLED})

# Higher = more worth a notification. Order: delivered > out for delivery > attempted >
# exception > ready for pickup > customs / awaiting receiver > cleared > returned / cancelled
# > the in-transit family > label created > unknown. Ties mean "equally worth telling".
_IMPORTANCE: dict[Status, int] = {
    Status.DELIVERED: 100,
    Status.OUT_FOR_DELIVERY: 90,
    Status.DELIVERY_ATTEMPTED: 80,
    Status.EXCEPTION: 70,
    Status.READY_FOR_PICKUP: 60,
    Status.CLEARANCE_IN_PROGRESS: 50,
    Status.AWAITING_RECEIVER: 50,
    Status.CLEARED: 40,
    Status.RETURNED_TO_SENDER: 30,
    Status.CANCELLED: 30,
    Status.SHIPMENT_ACCEPTED: 20,
    Status.IN_TRANSIT: 20,
    Status.AT_FACILITY: 20,
    Status.LABEL_CREATED: 10,
    Status.UNKNOWN: 0,
}

# How far along the way to the receiver. In transit and at a facility share a value because
# parcels alternate between them scan by scan and a bar must not jitter. An exception sits
# mid-way (its place is unknown); returned and cancelled parcels are not coming, so 0.
_PROGRESS: dict[Status, float] = {
    Status.LABEL_CREATED: 0.05,
    Status.SHIPMENT_ACCEPTED: 0.15,
    Status.IN_TRANSIT: 0.4,
    Status.AT_FACILITY: 0.4,
    Status.EXCEPTION: 0.5,
    Status.CLEARANCE_IN_PROGRESS: 0.55,
    Status.AWAITING_RECEIVER: 0.55,
    Status.CLEARED: 0.7,
    Status.OUT_FOR_DELIVERY: 0.85,
    Status.DELIVERY_ATTEMPTED: 0.85,
    Status.READY_FOR_PICKUP: 0.9,
    Status.DELIVERED: 1.0,
    Status.RETURNED_TO_SENDER: 0.0,
    Status.CANCELLED: 0.0,
    Status.UNKNOWN: 0.0,
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    # The product speaks Chinese unless English is asked for explicitly.
    return pair[1] if lang == "en" else pair[0]


def label(status: Status, lang: str) -> str:
    """Short name of `status`: English for lang "en", Chinese otherwise."""
    return _pick(_LABELS[Status(status)], lang)


def explanation(status: Status, lang: str) -> str:
    """One or two plain sentences on what `status` means for the receiver."""
    return _pick(_EXPLANATIONS[Status(status)], lang)


def is_final(status: Status) -> bool:
    """True once nothing more will happen: delivered, returned to sender or cancelled."""
    return status in FINAL_STATUSES


def importance(status: Status) -> int:
    """How much a change into `status` deserves a notification (0..100, higher = more)."""
    return _IMPORTANCE[Status(status)]


def progress(status: Status) -> float:
    """Fill of a progress bar for `status`, from 0.0 to 1.0."""
    return _PROGRESS[Status(status)]
