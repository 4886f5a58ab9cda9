"""Where a parcel was left and who took it, in the reader's language.

UPS fills deliveryInformation.location ("Front Door") and often receivedBy ("FRONT DESK")
with a small vocabulary of drop-off spots. Those read as Chinese to Chinese readers; a
person's name is never translated and is shown as UPS wrote it.
"""

from __future__ import annotations

import re

from backend.domain.places import tidy

# Normalised UPS wording -> Chinese. Keys: upper case, single spaces, no punctuation.
_TERMS_ZH: dict[str, str] = {
    "FRONT DOOR": "前门",
    "BACK DOOR": "后门",
    "SIDE DOOR": "侧门",
    "GARAGE": "车库",
    "PORCH": "门廊",
    "FRONT PORCH": "前门廊",
    "BACK PORCH": "后门廊",
    "PATIO": "露台",
    "DECK": "露台",
    "BASEMENT": "地下室",
    "STAIRWAY": "楼梯间",
    "DOCK": "装卸货区",
    "LOADING DOCK": "装卸货区",
    "RECEIVING": "收货处",
    "SHIPPING RECEIVING": "收发货处",
    "FRONT DESK": "前台",
    "RECEPTION": "接待处",
    "RECEPTIONIST": "前台接待",
    "LOBBY": "大堂",
    "MAILROOM": "收发室",
    "MAIL ROOM": "收发室",
    "MAILBOX": "信箱",
    "MAIL BOX": "信箱",
    "PARCEL LOCKER": "快递柜",
    "LOCKER": "快递柜",
    "OFFICE": "办公室",
    "LEASING OFFICE": "物业办公室",
    "MANAGEMENT OFFICE": "物业办公室",
    "MANAGER": "管理员",
    "CONCIERGE": "礼宾台",
    "DOORMAN": "门卫",
    "GUARD": "门卫",
    "GUARD HOUSE": "门卫室",
    "SECURITY": "保安",
    "SECURITY DESK": "保安台",
    "NEIGHBOR": "邻居",
    "NEIGHBOUR": "邻居",
    "RESIDENTIAL": "住宅",
    "INSIDE DELIVERY": "送至室内",
    "DRIVER RELEASE": "无接触投递（司机代签）",
    "DRIVERRELEASE": "无接触投递（司机代签）",
    "SIGNATURE ON FILE": "已留存签名",
    "UPS ACCESS POINT": "UPS 取件点",
    "ACCESS POINT": "UPS 取件点",
    "CUSTOMER": "收件人本人",
    "RECEIVER": "收件人本人",
    "RESIDENT": "住户本人",
    "OWNER": "业主本人",
    "SHIPPING DEPT": "发货部门",
    "WAREHOUSE": "仓库",
    "OTHER": "其他位置",
    # Not a spot: UPS's way of saying the proof of delivery is a photo (real capture, 2024).
    "DELIVERY PHOTO": "已拍照留存",
}


def _normalise(value: str) -> str:
    return " ".join(re.sub(r"[^A-Z0-9 ]", " ", value.upper()).split())


def delivery_term(value: str | None, lang: str) -> str | None:
    """A drop-off spot or receivedBy value for the reader; names pass through unchanged."""
    if value is None or not value.strip():
        return value
    if lang != "en":
        found = _TERMS_ZH.get(_normalise(value))
        if found:
            return found
    return tidy(value) if _normalise(value) in _TERMS_ZH else value.strip()
