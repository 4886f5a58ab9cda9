"""Words users read about locations: kinds, weekdays, availability, empty-result advice."""

from __future__ import annotations

from backend.domain.advice import HOTLINE
from backend.domain.locations import Availability, Kind

_KINDS: dict[Kind, tuple[str, str]] = {
    Kind.CUSTOMER_CENTER: ("UPS 客户服务中心", "UPS Customer Center"),
    Kind.STORE: ("UPS 门店", "The UPS Store"),
    Kind.AUTHORIZED_OUTLET: ("UPS 授权服务网点", "UPS Authorized Shipping Outlet"),
    Kind.ACCESS_POINT: ("UPS 取件点", "UPS Access Point"),
    Kind.LOCKER: ("UPS 自提柜", "UPS Access Point Locker"),
    Kind.DROP_BOX: ("UPS 投递箱", "UPS Drop Box"),
    Kind.OTHER: ("UPS 网点", "UPS location"),
}

_DAYS_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
_DAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

_AVAILABILITY: dict[Availability, tuple[str, str]] = {
    Availability.AVAILABLE: ("可寄存取件", "Accepting parcels"),
    Availability.FULL: ("暂时满额，可能无法寄存新包裹", "Full for now; may not take new parcels"),
    Availability.UNAVAILABLE: ("暂停服务", "Temporarily unavailable"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def kind_label(kind: Kind, lang: str) -> str:
    return _pick(_KINDS[kind], lang)


def day_label(day: int, lang: str) -> str:
    """ISO weekday (1 = Monday) as a short name."""
    return (_DAYS_EN if lang == "en" else _DAYS_ZH)[day - 1]


def availability_label(availability: Availability, lang: str) -> str:
    return _pick(_AVAILABILITY[availability], lang)


def closed_label(lang: str) -> str:
    return "Closed" if lang == "en" else "休息"


def all_day_label(lang: str) -> str:
    return "Open 24 hours" if lang == "en" else "24 小时营业"


def empty_advice(lang: str) -> list[dict[str, str]]:
    """What to do when no UPS location is near: call UPS, or look on ups.com."""
    if lang == "en":
        return [
            {
                "code": "call_ups",
                "text": f"No UPS location was found nearby. Call UPS on {HOTLINE} to ask "
                "where to collect or hand in a parcel.",
                "hotline": HOTLINE,
            },
            {
                "code": "ups_website",
                "text": "You can also search a wider area on ups.com (Locations).",
            },
        ]
    return [
        {
            "code": "call_ups",
            "text": f"附近没有找到 UPS 网点。可致电 UPS 客服 {HOTLINE}，询问到哪里取件或寄件。",
            "hotline": HOTLINE,
        },
        {"code": "ups_website", "text": "也可以在 UPS 官网 ups.com 的“网点查询”里扩大范围查找。"},
    ]
