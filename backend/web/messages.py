"""User-facing error messages by code, in Chinese and English."""

MESSAGES: dict[str, tuple[str, str]] = {
    "not_found": ("找不到这个地址。", "Nothing lives at this address."),
    "method_not_allowed": ("这个地址不支持该请求方法。", "This method is not allowed here."),
    "invalid_json": ("请求内容不是有效的 JSON。", "The request body is not valid JSON."),
    "json_too_deep": ("请求内容嵌套层级过深。", "The JSON body is nested too deeply."),
    "number_too_long": ("请求中的数字过长。", "A number in the request is too long."),
    "invalid_characters": (
        "请求中含有无法处理的字符（控制字符或不成对的代理字符）。",
        "The request contains characters we cannot accept (control or unpaired surrogates).",
    ),
    "invalid_request": ("请求参数有误，请检查后重试。", "Some request fields are invalid."),
    "bad_request": ("请求有误，请检查后重试。", "The request could not be understood."),
    "unauthorized": (
        "请先登录，或登录已过期。",
        "Please log in; your session is missing or expired.",
    ),
    "forbidden": ("没有权限执行此操作。", "You are not allowed to do this."),
    "payload_too_large": ("请求内容过大。", "The request body is too large."),
    "unsupported_media_type": ("请以 JSON 格式提交。", "Please send JSON."),
    "rate_limited": ("请求太频繁，请稍后再试。", "Too many requests; please try again shortly."),
    "upstream_busy": (
        "现在查询的人太多，UPS 暂时应接不暇，请稍后再试。",
        "Too many people are asking UPS right now; please try again shortly.",
    ),
    "internal_error": (
        "服务器开小差了，请稍后再试。",
        "Something went wrong on our side; please retry.",
    ),
    "service_unavailable": ("服务暂时不可用，请稍后再试。", "The service is briefly unavailable."),
    "redis_unavailable": ("数据存储暂时无法访问。", "The data store is not reachable."),
    "photo_not_found": (
        "没有这个包裹的签收照片，或您没有关注这个包裹。",
        "There is no delivery photo for this parcel, or you do not watch it.",
    ),
    # per-number lookup errors and lookup request errors
    "invalid_number": ("这不是有效的 UPS 运单号。", "This is not a valid UPS tracking number."),
    "rejected_by_ups": ("UPS 认为这个运单号无效，请核对。", "UPS says this number is invalid."),
    "not_found_number": (
        "UPS 暂时查不到这个运单号，可能刚寄出还未录入，请稍后再试或核对运单号。",
        "UPS has no record of this number yet; it may be brand new. Try later or check the number.",
    ),
    "upstream_unavailable": (
        "暂时无法连接 UPS 查询，请稍后再试。",
        "UPS cannot be reached right now; please try again shortly.",
    ),
    "wechat_unavailable": (
        "暂时连不上微信服务，请稍后再试。",
        "WeChat cannot be reached right now; please try again shortly.",
    ),
    "no_numbers": (
        "没有找到运单号，请输入或粘贴 UPS 运单号。",
        "No tracking number found; type or paste one.",
    ),
    "too_many_numbers": (
        "一次最多查询 30 个运单号，您输入了 {count} 个。",
        "At most 30 numbers per lookup; you entered {count}.",
    ),
    # watched parcels and subscriptions
    "too_many_parcels": (
        "最多同时关注 {limit} 个包裹，请先取消关注一些已签收的包裹。",
        "You can watch at most {limit} parcels; stop watching some delivered ones first.",
    ),
    "parcel_not_found": ("您没有关注这个包裹。", "You are not watching this parcel."),
    "unknown_template": ("不认识的订阅消息模板。", "Unknown subscribe-message template."),
}


def message_for(code: str, lang: str) -> str:
    """The message for `code` in `lang` ('en' or anything else for Chinese)."""
    zh, en = MESSAGES.get(code, MESSAGES["internal_error"])
    return en if lang == "en" else zh


def register(code: str, zh: str, en: str) -> None:
    """Let a feature module add its own error codes next to where they are raised."""
    MESSAGES.setdefault(code, (zh, en))
