"""Payment requests in texts and links, weighed against what UPS itself says is owed."""

from __future__ import annotations

import re

from backend.domain import charges
from backend.domain.model import Charge, Shipment
from backend.domain.numbers import is_verified, parse_numbers

HOTLINE = charges.HOTLINE
MAX_NUMBERS = 3  # numbers of one text looked up: an SMS names one parcel, rarely more
_PAYMENT_WORDS = re.compile(
    r"支付|付款|缴费|缴纳|补缴|交费|欠费|关税|税费|税款|清关费|运费|罚款|退款|账单|"
    r"\bpay(ment)?\b|\bfees?\b|\bdut(y|ies)\b|\btax(es)?\b|\bbill\b|\brefund\b|\bcharges?\b",
    re.IGNORECASE,
)


def asks_for_payment(text: str) -> bool:
    return bool(_PAYMENT_WORDS.search(text))


def numbers_named(text: str) -> list[str]:
    """UPS numbers the text names, verified by their check digits, at most MAX_NUMBERS."""
    try:
        checks = parse_numbers(text)
    except ValueError:
        return []
    return [c.number for c in checks if is_verified(c) and c.kind == "1z"][:MAX_NUMBERS]


def _charges_text(pending: tuple[Charge, ...], shipment: Shipment, lang: str) -> str:
    sep = ", " if lang == "en" else "、"
    return sep.join(
        f"{c.amount} {c.currency} {charges.kind_text(c, lang)}"
        if lang == "en"
        else f"{c.amount} {c.currency}（{charges.kind_text(c, lang)}）"
        for c in pending
    )


def parcel_answer(number: str, shipment: Shipment | None, lang: str) -> str:
    """Does UPS's own data show a charge pending for `number`? In words."""
    en = lang == "en"
    if shipment is None:
        return (
            f"We could not read {number} from UPS just now. Before paying anything, check "
            f"on ups.com or call {HOTLINE}."
            if en
            else f"暂时查不到运单 {number} 的信息。付款前请先在 ups.com 查询或致电 {HOTLINE} 核实。"
        )
    pending = charges.unpaid(shipment)
    if not pending:
        return (
            f"UPS's own data shows nothing owed on {number}. A message asking you to pay "
            "for it is almost certainly a scam."
            if en
            else f"UPS 自己的数据显示运单 {number} 没有待付费用。要求您为它付款的短信或链接，"
            "几乎可以肯定是诈骗。"
        )
    owed = _charges_text(pending, shipment, lang)
    head = (
        f"UPS's own data does show {owed} owed on {number}. "
        if en
        else f"UPS 自己的数据显示运单 {number} 确有待付：{owed}。"
    )
    return head + charges.safe_channels(lang)


def summary(link_official: bool | None, asks: bool, lang: str) -> str:
    """One line on the message as a whole: a payment request behind a foreign link is bait."""
    en = lang == "en"
    if asks and link_official is False:
        return (
            "This message asks for money through a link that is not ups.com: do not pay there."
            if en
            else "这条信息要您付款，链接却不是 ups.com：请不要在那里付款。"
        )
    if asks:
        return (
            "Whatever the message says, pay only what UPS's own data shows, through UPS's "
            "own channels."
            if en
            else "无论信息怎么说，只支付 UPS 自己数据里显示的费用，并且只通过 UPS 官方渠道支付。"
        )
    return ""
