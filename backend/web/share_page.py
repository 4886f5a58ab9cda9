"""GET /s/<share_id>: the shared parcel as a small HTML page any browser can open."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import Blueprint, render_template, request

from backend.domain.help_content import unofficial_notice
from backend.domain.share_view import CHINA_TIME, short_time
from backend.services.shares import ShareNotFoundError, ShareService, ShareUnavailableError
from backend.web.i18n import normalize_lang
from backend.web.ip_limits import allow_share_read, share_read_retry_after
from backend.web.registry import WebConfig, use
from backend.web.security_headers import SHARE_PAGE_CSP
from backend.web.shares import SHARE_ID

bp = Blueprint("share_page", __name__, template_folder="templates")

TEXTS: dict[str, dict[str, str]] = {
    "zh": {
        "html_lang": "zh-CN",
        "brand": "{app}",
        "title": "包裹动态分享",
        "history": "物流动态",
        "no_events": "暂时还没有扫描记录。",
        "as_of": "数据更新于 {time}（北京时间）",
        "stale": "暂时连不上 UPS，以下是最近一次查到的记录。",
        "expires": "此链接有效期至 {time}（北京时间）",
        "privacy": "本页只显示包裹状态和城市级位置，不含姓名、地址、签收人或签名。",
        "other_lang": "English",
        "gone_title": "分享已失效",
        "gone_body": "这个链接可能已过期，或已被分享人撤回。如需继续查看，请向分享人要一个新链接。",
        "busy_title": "暂时无法显示",
        "busy_body": "现在查不到这个包裹的最新状态，请过一会儿再刷新。",
        "limited_body": "访问太频繁了，请稍等一分钟再打开。",
    },
    "en": {
        "html_lang": "en",
        "brand": "{app} · Parcel tracking",
        "title": "A parcel shared with you",
        "history": "Scan history",
        "no_events": "No scans yet.",
        "as_of": "Updated {time} (Beijing time)",
        "stale": "UPS is not answering right now; this is the latest record we have.",
        "expires": "This link works until {time} (Beijing time)",
        "privacy": "Only the status and city-level places are shown: no names, addresses, "
        "signatures or who took the parcel.",
        "other_lang": "中文",
        "gone_title": "Share no longer available",
        "gone_body": "This link has expired or was withdrawn by the person who shared it. "
        "Ask them for a new one.",
        "busy_title": "Not available right now",
        "busy_body": "We cannot get this parcel's latest status at the moment; try again soon.",
        "limited_body": "Too many visits from your network; please wait a minute.",
    },
}


def _beijing(iso: str, lang: str) -> str:
    """A UTC timestamp as Beijing wall-clock time for people."""
    moment = datetime.fromisoformat(iso).astimezone(CHINA_TIME)
    return short_time(moment.replace(tzinfo=None).isoformat(timespec="minutes"), lang)


def _page(view: dict[str, Any], lang: str) -> dict[str, Any]:
    """Template values: the public view plus times worded for people."""
    events = [{**event, "when": short_time(event["time"], lang)} for event in view["events"]]
    return {
        "view": view,
        "events": events,
        "percent": round(float(view["progress"]) * 100),
        "as_of": _beijing(view["as_of"], lang),
        "expires": _beijing(view["expires_at"], lang),
    }


def _respond(status: int, lang: str, share_id: str, **values: Any):
    other = "zh" if lang == "en" else "en"
    config = use(WebConfig)
    texts = TEXTS[lang] | {"brand": TEXTS[lang]["brand"].format(app=config.app_name)}
    texts["unofficial"] = unofficial_notice(lang) if config.unofficial_notice else ""
    html = render_template(
        "share.html", t=texts, lang=lang, other=other, share_id=share_id, **values
    )
    headers = {
        "Cache-Control": "no-store",  # a revoked share must vanish at once, also from caches
        "X-Robots-Tag": "noindex",
        "Referrer-Policy": "no-referrer",
        "Content-Security-Policy": SHARE_PAGE_CSP,
        "X-Frame-Options": "DENY",  # frame-ancestors for browsers without CSP 2
    }
    if status == 429:
        headers["Retry-After"] = share_read_retry_after()
    return html, status, headers


@bp.get("/s/<share_id>")
def share_page(share_id: str):
    """The shared parcel in Chinese (English with ?lang=en); an HTML 404 once it is gone."""
    lang = normalize_lang(request.args.get("lang")) or "zh"
    if not allow_share_read("share-page"):
        return _respond(429, lang, share_id, problem="limited")
    if not SHARE_ID.match(share_id):
        return _respond(404, lang, share_id, problem="gone")
    try:
        view = use(ShareService).shared_view(share_id, lang)
    except ShareNotFoundError:
        return _respond(404, lang, share_id, problem="gone")
    except ShareUnavailableError:
        return _respond(503, lang, share_id, problem="busy")
    return _respond(200, lang, share_id, problem=None, **_page(view, lang))
