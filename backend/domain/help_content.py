"""The help page: FAQ, hotline and the official-domain reminder, in Chinese and English."""

from __future__ import annotations

from backend.domain.advice import HOTLINE

OFFICIAL_DOMAIN = "ups.com"

# (question zh, answer zh, question en, answer en); facts from the guide, wording our own.
FAQ: tuple[tuple[str, str, str, str], ...] = (
    (
        "包裹很久没有更新怎么办？",
        "先确认运单号无误。长时间停在「运输中」或某个分拣中心，常见原因是节假日、清关排队、极端天气；若已明显超过预计送达日仍无变化，可致电 UPS 客服申请查询。",
        "My parcel has not updated for a long time. What now?",
        "First make sure the number is right. Long pauses in transit or at a hub usually come from holidays, customs queues or severe weather; if the expected date is well past and nothing changes, call UPS to request a trace.",
    ),
    (
        "显示「派送未成功」但我没收到？",
        "看看门口、信箱、车库或邻居是否代收，留意派送员留下的通知卡和联系方式；包裹也可能被送到附近的 UPS 客户中心或取件点。仍不清楚时，带着运单号致电客服。",
        "It says delivery was attempted, but I have nothing.",
        "Look around the door, mailbox, garage and neighbours, and for a notice card with the driver's contact; the parcel may also be at a nearby UPS customer centre or Access Point. If unsure, call UPS with the tracking number.",
    ),
    (
        "怎样更改派送地址或重新安排派送？",
        "在包裹到达当地派送站之前，可以在 ups.com 或 UPS App 的「管理配送」(Manage Delivery) 中改日期、改地址，或改送到附近的 UPS Access Point® 取件点。注册免费的 UPS My Choice® 后可提前收到通知并更灵活地安排。",
        "How do I change the address or reschedule?",
        "Before the parcel reaches the local depot, use Manage Delivery on ups.com or in the UPS app to change the day or address, or redirect it to a nearby UPS Access Point®. The free UPS My Choice® membership adds early alerts and more flexibility.",
    ),
    (
        "国际包裹为什么一直在「清关中」？",
        "清关时长取决于目的地海关的效率、报关资料是否完整准确、是否含需查验的物品，以及关税是否及时缴纳。时间过长时，最好请发件人联系 UPS 或货代跟进。",
        "Why is my international parcel stuck in customs clearance?",
        "It depends on the customs office, whether the paperwork is complete and accurate, whether the contents need inspection, and whether duties are paid on time. If it drags on, ask the sender to follow up with UPS or their forwarder.",
    ),
    (
        "如何识别假冒的 UPS 网站和短信？",
        "UPS 的官方网址只有 ups.com（以及它的子域名，如 www.ups.com）。域名里带 ups 却不是 ups.com 的链接、短链接、IP 地址链接都可能是钓鱼，不要点击，更不要填写银行卡信息。可以把可疑链接粘贴到本页的链接检查中。",
        "How can I spot fake UPS sites and texts?",
        "UPS's only official address is ups.com and its subdomains such as www.ups.com. Links that contain 'ups' but are not ups.com, short links and bare IP addresses may be phishing: do not open them or enter card details. Paste a doubtful link into the checker on this page.",
    ),
)

HOTLINE_NOTE = (
    "UPS 中国客服热线，可转人工，适合复杂问题或不方便上网时使用。",
    "UPS China customer service; you can ask for a person, handy for complex questions.",
)

PHISHING = (
    "只通过 ups.com 或本小程序查询。收到自称 UPS 的短信、邮件要求付款或点链接时，先核对域名是否为 ups.com。",
    "Track only through ups.com or this mini-program. When a text or email claiming to be UPS asks you to pay or tap a link, check that the domain is ups.com first.",
)

UNOFFICIAL = (
    "本小程序不是 UPS 官方服务，与 UPS 没有隶属关系；运单信息来自 UPS 的公开查询接口。",
    "This mini-program is not an official UPS service and is not affiliated with UPS; tracking data comes from UPS's public tracking service.",
)


def faq(lang: str) -> list[dict[str, str]]:
    """The FAQ as question/answer pairs in `lang`."""
    english = lang == "en"
    return [
        {"question": q_en if english else q_zh, "answer": a_en if english else a_zh}
        for q_zh, a_zh, q_en, a_en in FAQ
    ]


def hotline(lang: str) -> dict[str, str]:
    """The hotline number with a short note."""
    return {"number": HOTLINE, "note": HOTLINE_NOTE[1 if lang == "en" else 0]}


def phishing(lang: str) -> str:
    """The standing reminder about the official domain."""
    return PHISHING[1 if lang == "en" else 0]


def unofficial_notice(lang: str) -> str:
    """That UPS does not run this service (lookup, share and help pages)."""
    return UNOFFICIAL[1 if lang == "en" else 0]


def operator(name: str, unofficial: bool, lang: str) -> dict[str, str]:
    """Who runs the service and, unless the operator is UPS itself, that it is not official."""
    return {"name": name, "notice": UNOFFICIAL[1 if lang == "en" else 0] if unofficial else ""}
