"""What is owed on a parcel, in plain words, and how to pay it safely."""

from __future__ import annotations

from backend.domain.model import Charge, Shipment

HOTLINE = "400-820-8555"

# UPS writes the type freely ("ICOD/COD" is the spec's one example): read it by keywords.
_KINDS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("COD",), "货到付款", "cash on delivery"),
    (("DUT", "TAX", "VAT", "GST", "IMPORT"), "关税和进口税", "duties and import taxes"),
    (("BROKER", "CLEAR", "DISBURSE"), "清关服务费", "customs brokerage fee"),
)


def kind_text(charge: Charge, lang: str) -> str:
    """The charge's likely nature in words ("关税和进口税"); a neutral word when unclear."""
    upper = charge.type.upper()
    for words, zh, en in _KINDS:
        if any(word in upper for word in words):
            return en if lang == "en" else zh
    return "charges" if lang == "en" else "费用"


def unpaid(shipment: Shipment) -> tuple[Charge, ...]:
    return tuple(charge for charge in shipment.charges if not charge.paid)


def is_import(shipment: Shipment) -> bool:
    origin, destination = shipment.origin_country, shipment.destination_country
    return bool(origin and destination and origin != destination)


def _likely(charge: Charge, shipment: Shipment, lang: str) -> str:
    kind = kind_text(charge, lang)
    if kind in ("费用", "charges") and is_import(shipment):
        return (
            "For a parcel from abroad this is most likely duties and import taxes set by customs."
            if lang == "en"
            else "跨境包裹的这类费用，多半是海关核定的关税和进口环节税。"
        )
    if "COD" in charge.type.upper():
        return (
            "The sender asked for payment on delivery."
            if lang == "en"
            else "这是发件人要求的货到付款。"
        )
    return ""


def safe_channels(lang: str) -> str:
    if lang == "en":
        return (
            "Pay only through UPS's own channels: ups.com (the address must end in ups.com), "
            f"the UPS driver at delivery, or as UPS's hotline {HOTLINE} tells you. A text "
            "message or link asking you to pay anywhere else, or into a personal account, is "
            "phishing."
        )
    return (
        "请只通过 UPS 自己的渠道付款：ups.com 官网（网址必须以 ups.com 结尾）、派送时交给 UPS "
        f"派送员，或致电 UPS 客服 {HOTLINE} 按其指引支付。让您到其他网站、个人账户付款的短信或"
        "链接都是诈骗。"
    )


def charge_text(charge: Charge, shipment: Shipment, lang: str) -> str:
    """One unpaid charge: what, how much, likely why, and where to pay."""
    kind = kind_text(charge, lang)
    amount = f"{charge.amount} {charge.currency}"
    likely = _likely(charge, shipment, lang)
    if lang == "en":
        head = f"UPS shows {amount} of {kind} still unpaid on this parcel."
        return " ".join(part for part in (head, likely, safe_channels(lang)) if part)
    head = f"UPS 显示这个包裹还有 {amount} 的{kind}未支付。"
    return head + likely + safe_channels(lang)
