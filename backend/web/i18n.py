"""The request's language: ?lang=zh|en, else Accept-Language, else Chinese."""

import functools

from flask import has_request_context, request
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

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
    return _accepted_lang(request.headers.get("Accept-Language", ""))


# Phones send the same few Accept-Language headers over and over; parse each once.
@functools.lru_cache(maxsize=256)
def _accepted_lang(header: str) -> str:
    best = parse_accept_header(header, LanguageAccept).best_match(["zh", "zh-CN", "en", "en-US"])
    return normalize_lang(best) or DEFAULT_LANG
