"""Proof of delivery as a receiver reads it: where it was left, who took it, the photo, and
what to do when a parcel marked delivered is not in your hands."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from backend.domain.delivery_terms import delivery_term
from backend.domain.model import Shipment
from backend.domain.statuses import Status

HOTLINE = "400-820-8555"


def tracking_link(number: str, lang: str) -> str:
    """The number's page on ups.com, where UPS shows the photo to whom it may."""
    locale = "en_US" if lang == "en" else "zh_CN"
    return f"https://www.ups.com/track?loc={locale}&tracknum={quote(number, safe='')}"


def photo_note(lang: str) -> str:
    """What to say when UPS took a photo we cannot show."""
    if lang == "en":
        return "UPS took a delivery photo; you can see it on ups.com or in UPS My Choice."
    return "UPS 拍了签收照片，可在 UPS 官网或 UPS My Choice 查看"


def _check_first(location: str | None, lang: str) -> str:
    if lang == "en":
        spot = (
            f"Start where UPS says it was left ({location}), then look around: "
            if location
            else "Look around: "
        )
        return spot + (
            "neighbours, the front desk or mailroom, the parcel locker, the mailbox, "
            "and whoever else lives with you."
        )
    spot = f"先到 UPS 记录的位置（{location}）找找，再问问：" if location else "先找找这些地方："
    return spot + "邻居、前台或收发室、快递柜、信箱，以及家里其他人是否代收。"


def not_received_steps(shipment: Shipment, lang: str) -> list[dict[str, str]]:
    """The "delivered but not received?" flow, in the order to try it."""
    en = lang == "en"
    location = delivery_term(shipment.delivery_location, lang)
    signer = delivery_term(shipment.received_by, lang)
    items = [("check_around", _check_first(location, lang))]
    if signer:
        items.append(
            (
                "signer",
                f"UPS recorded {signer} as receiving it: ask them first."
                if en
                else f"UPS 记录的签收人是「{signer}」，请先向其确认。",
            )
        )
    if shipment.photo == "available":
        items.append(
            (
                "photo",
                "Compare with the delivery photo: it shows the door or spot."
                if en
                else "对照签收照片，看看包裹放在了哪扇门、哪个位置。",
            )
        )
    elif shipment.photo == "at_ups":
        items.append(("photo", photo_note(lang)))
    items += [
        ("wait", "A parcel is sometimes scanned as delivered a little early: wait until the "
         "end of the day, and ask the sender which address was on the label."
         if en else "偶尔会提前扫描为已签收：请等到当天结束，同时向发件人核对面单上的地址。"),
        ("call", f"Still missing the next day? Call UPS on {HOTLINE} with the tracking number "
         "and say it shows delivered but you did not receive it."
         if en else f"第二天仍找不到，请致电 UPS 客服 {HOTLINE}，报上运单号，说明显示已签收但"
         "没有收到。"),
        ("investigation", "UPS then opens a trace: it asks the driver and checks the delivery "
         "record, usually within a few working days. If the parcel is lost, the claim is "
         "normally filed by the sender, who is UPS's customer; ask them to file it."
         if en else "UPS 会立案调查：联系派送员、核对派送记录，通常需要几个工作日。若确认遗失，"
         "索赔一般由发件人（UPS 的客户）提出，请联系发件人办理。"),
    ]  # fmt: skip
    return [{"code": code, "text": text} for code, text in items]


def delivery_view(shipment: Shipment, lang: str) -> dict[str, Any] | None:
    """The Result's `delivery` object: None until the parcel is delivered."""
    if shipment.status is not Status.DELIVERED:
        return None
    view: dict[str, Any] = {
        "location": delivery_term(shipment.delivery_location, lang),
        "received_by": delivery_term(shipment.received_by, lang),
        "photo": shipment.photo,
    }
    if shipment.photo == "at_ups":
        view["photo_note"] = photo_note(lang)
        view["photo_link"] = tracking_link(shipment.number, lang)
    view["not_received"] = {
        "title": "Delivered but not received?" if lang == "en" else "已签收但没收到？",
        "steps": not_received_steps(shipment, lang),
        "hotline": HOTLINE,
    }
    return view
