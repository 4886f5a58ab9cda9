"""The request's language: ?lang=zh|en, else Accept-Language, else Chinese."""

from flask import has_request_context, request

SUPPORTED = ("zh", "en")
DEFAULT_LANG = "zh"


def normalize_lang(value: str | None) -> str | None:
    """Map a tag such as 'en-US', 'EN' or 'zh_CN' to 'en' or 'zh'; None if unsupported."""
    if not value:
        return None
    primary = value.strip().replace("_", "-").split("-")[0].lower()
    return primary if primary in SUPPORTED else None


def request_lang() -> str:
    """The language the current request asked for."""
    if not has_request_context():
        return DEFAULT_LANG
    explicit = normalize_lang(request.args.get("lang"))
    if explicit:
        return explicit
    best = request.accept_languages.best_match(["zh", "zh-CN", "en", "en-US"])
    return normalize_lang(best) or DEFAULT_LANG
