"""Step by step through customs, for a receiver in China of a parcel from abroad."""

from __future__ import annotations

from backend.domain.model import Shipment
from backend.domain.statuses import Status

HOTLINE = "400-820-8555"

_TITLES = {
    Status.CLEARANCE_IN_PROGRESS: (
        "清关中：您可以这样准备",
        "Customs clearance: how to be ready",
    ),
    Status.AWAITING_RECEIVER: ("海关要资料：请按步骤办理", "Customs needs papers: step by step"),
    Status.CLEARED: ("已清关：接下来", "Cleared: what comes next"),
}

_STEPS: dict[Status, tuple[tuple[str, str], ...]] = {
    Status.CLEARANCE_IN_PROGRESS: (
        ("通常 1–3 个工作日完成，周末和节假日不计；这段时间一般不需要您做什么。",
         "It usually takes 1-3 working days, not counting weekends and holidays; normally "
         "nothing is needed from you."),
        ("提前备好身份证正反面照片和购物凭证（订单截图、付款记录），万一海关要资料可以马上提供。",
         "Have photos of both sides of your ID card and proof of purchase (order page, "
         "payment record) ready in case customs asks."),
        ("留意 UPS 的来电、短信或邮件；核实来源：网址必须以 ups.com 结尾，电话可打 "
         f"{HOTLINE} 核对。",
         "Watch for a call, text or e-mail from UPS; check it is real: links must end in "
         f"ups.com, and {HOTLINE} can confirm a call."),
        ("超过 3 个工作日仍无进展，请致电 UPS 客服，问清是否缺资料或要缴税。",
         "If nothing moves for over 3 working days, call UPS and ask whether papers or "
         "duties are missing."),
    ),
    Status.AWAITING_RECEIVER: (
        ("找到 UPS 清关部门的通知（短信、邮件或来电），记下要求的资料清单和回复方式。",
         "Find UPS's customs notice (text, e-mail or call) and note which papers it asks "
         "for and where to send them."),
        ("个人物品通常需要：收件人身份证正反面、物品清单或申报说明（品名、数量、价值）、"
         "购物发票或订单与付款截图。",
         "For personal items this is usually: both sides of the receiver's ID card, a list "
         "or declaration of the goods (name, quantity, value), and the invoice or order and "
         "payment screenshots."),
        ("商业货物还可能需要：报关委托书、合同、装箱单和发票，请发件人或您的报关行协助。",
         "Commercial goods may also need a customs power of attorney, the contract, packing "
         "list and invoice; ask the sender or your broker to help."),
        ("只把资料发到通知里写明的 UPS 邮箱或上传入口，并在邮件标题写上运单号；不要发给"
         "通知以外的地址。",
         "Send the papers only to the UPS address or upload page the notice names, with the "
         "tracking number in the subject; never to any other address."),
        ("资料齐全后一般 1–3 个工作日放行；如需缴税，UPS 会告知金额，请通过 UPS 官方渠道"
         "支付。",
         "Once complete, release usually takes 1-3 working days; if duties are due, UPS "
         "tells you the amount, to be paid through UPS's own channels."),
        (f"几天没有回音，或看不懂要求，请致电 UPS 客服 {HOTLINE}。",
         f"No answer for a few days, or unsure what is asked? Call UPS on {HOTLINE}."),
    ),
    Status.CLEARED: (
        ("海关已放行，包裹会转入国内派送，一般 1–2 天内送达。",
         "Customs released the parcel; it moves on to local delivery, usually within 1-2 "
         "days."),
        ("如有关税或进口税，派送前 UPS 会通知金额，可在派送时或通过 UPS 官方渠道支付。",
         "If duties or taxes are due, UPS tells you the amount before delivery; pay at "
         "delivery or through UPS's own channels."),
        ("保持电话畅通，方便派送员联系您。",
         "Keep your phone at hand so the driver can reach you."),
    ),
}  # fmt: skip


def applies(shipment: Shipment) -> bool:
    """A customs status of a parcel coming into China (or of unknown destination)."""
    into_china = shipment.destination_country in (None, "CN")
    return shipment.status in _STEPS and into_china


def title(status: Status, lang: str) -> str:
    zh, en = _TITLES[status]
    return en if lang == "en" else zh


def steps(status: Status, lang: str) -> tuple[str, ...]:
    return tuple(en if lang == "en" else zh for zh, en in _STEPS[status])
