"""The UPS scans the sandbox journeys are made of, in English and Chinese (own wording)."""

from __future__ import annotations

from backend.domain.statuses import Status as S
from backend.sandbox.ups.journeys.base import EventKind as E

# statusCode/code/type combinations follow docs/ups.md §5 and the captures it cites; the
# trailing spaces and the missing codes are deliberate (docs/ups.md §4).
LABEL = E(
    "003", "MP", "M",
    "Shipper created a label, UPS has not received the package yet. ",
    "发件人已打好运单，UPS 还没有拿到包裹。",
    "Shipment Ready for UPS", "等待交给 UPS", S.LABEL_CREATED, where="country",
)  # fmt: skip
PICKUP = E(
    "038", "PU", "P", "Pickup Scan ", "揽收扫描 ", "Picked Up", "已揽收", S.SHIPMENT_ACCEPTED
)
ORIGIN = E(
    "005", "OR", "I", "We have your package", "UPS 已收到您的包裹",
    "On the Way", "运输途中", S.IN_TRANSIT,
)  # fmt: skip
DEPART = E(
    "005", "DP", "I", "Departed from Facility", "已离开转运站",
    "On the Way", "运输途中", S.IN_TRANSIT,
)  # fmt: skip
ARRIVE = E(
    "005", "AR", "I", "Arrived at Facility", "已到达转运站",
    "On the Way", "运输途中", S.AT_FACILITY,
)  # fmt: skip
EXPORT = E("005", None, "I", "Export Scan", "出口扫描", "On the Way", "运输途中", S.IN_TRANSIT)
IMPORT = E("005", None, "I", "Import Scan", "进口扫描", "On the Way", "运输途中", S.IN_TRANSIT)
PREPARING = E(
    "071", "YP", "I", "Processing at UPS Facility", "UPS 站点正在处理包裹，准备派送",
    "Preparing for Delivery", "准备派送", S.AT_FACILITY,
)  # fmt: skip
OUT_FOR_DELIVERY = E(
    "021", "OT", "I", "Out For Delivery Today", "今天派送中",
    "Out for Delivery Today", "今日派送", S.OUT_FOR_DELIVERY,
)  # fmt: skip
DELIVERED = E("011", "F4", "D", "DELIVERED ", "已送达 ", "Delivered", "已送达", S.DELIVERED)
# No statusCode says "attempted": UPS reports it as an exception whose wording tells.
ATTEMPTED = E(
    "013", None, "X",
    "The receiver was not available for delivery. We'll make a second attempt the next business day.",
    "派送时收件人不在。我们将在下一个工作日再次派送。",
    "Delivery Attempted", "派送未成功", S.DELIVERY_ATTEMPTED,
)  # fmt: skip
FINAL_ATTEMPT = E(
    "013", None, "X",
    "The receiver was not available for the final delivery attempt. ",
    "最后一次派送时仍无人签收。",
    "Delivery Attempted", "派送未成功", S.DELIVERY_ATTEMPTED,
)  # fmt: skip
ADDRESS_PROBLEM = E(
    "029", "H1", "X",
    "The address is incomplete or incorrect. We're working to update it.",
    "收件地址不完整或有误，我们正在设法更正。",
    "Exception: Action Required", "异常：需要处理", S.EXCEPTION,
)  # fmt: skip
ADDRESS_FIXED = E(
    "028", "EG", "I", "The delivery address was updated.", "派送地址已更新。",
    "Delivery Address Changed", "派送地址已变更", S.IN_TRANSIT,
)  # fmt: skip
WEATHER = E(
    "032", "EJ", "X",
    "Severe weather conditions have delayed delivery. ",
    "恶劣天气导致派送延误。 ",
    "Adverse Weather May Cause Delay", "天气原因可能延误", S.EXCEPTION,
)  # fmt: skip
CUSTOMS_PENDING = E(
    "012", "RZ", "X",
    "Your package is pending release from a Government Agency. Once they release it, your package will be on its way.",
    "包裹正在等待政府机构放行，放行后会继续上路。",
    "Clearance in Progress", "清关处理中", S.CLEARANCE_IN_PROGRESS, where="slic",
)  # fmt: skip
CUSTOMS_AGENCY = E(
    "092", None, "X",
    "The package is at the clearing agency awaiting final release.",
    "包裹在清关代理处，等待最终放行。",
    "Customs Clearance in Progress", "海关清关中", S.CLEARANCE_IN_PROGRESS, where="slic",
)  # fmt: skip
CUSTOMS_DOCS = E(
    "058", "EU", "X",
    "Clearance information required. The receiver needs to provide documents before the package can be released.",
    "清关缺少资料：需要收件人补交文件后才能放行。",
    "Clearance Information Required", "需补充清关资料", S.AWAITING_RECEIVER,
)  # fmt: skip
RELEASED = E(
    "014", "RZ", "X",
    "Your package has been released by the government agency.",
    "政府机构已放行您的包裹。",
    "Released by Customs", "海关已放行", S.CLEARED, where="slic",
)  # fmt: skip
ACCESS_POINT = E(
    "040", "ZP", "D",
    "Delivered to UPS Access Point™ and awaiting customer pickup. ",
    "已放到 UPS 取件点，等待收件人自取。 ",
    "Ready for Pickup at UPS Access Point™", "可到取件点取件", S.READY_FOR_PICKUP,
)  # fmt: skip
RETURNING = E(
    "035", "H8", "X",
    "The receiver could not be reached after several attempts. The package is being returned to the sender.",
    "多次派送都没有联系上收件人，包裹正在退回发件人。",
    "Returning to Sender", "正在退回发件人", S.RETURNED_TO_SENDER,
)  # fmt: skip
RETURNED = E(
    "035", "RS", "RS", "Returned to the sender ", "已退回发件人 ",
    "Returned to Sender", "已退回发件人", S.RETURNED_TO_SENDER,
)  # fmt: skip
VOIDED = E(
    "007", "VP", "MV",
    "Shipment information voided by the shipper. ",
    "发件人已作废这张运单。 ",
    "Shipment Canceled", "运单已取消", S.CANCELLED, where="country",
)  # fmt: skip
# A status code nobody has documented: the client must fall back to "unknown", not fail.
UNMAPPED = E(
    "099", "ZZ", "NA",
    "Your package information is being updated.",
    "包裹信息正在更新中。",
    "Information Being Updated", "信息更新中", S.UNKNOWN,
)  # fmt: skip
