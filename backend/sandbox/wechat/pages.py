"""The mini-program's pages, read from its app.json: what WeChat checks `page` against (41030).

WeChat accepts a page only if the released mini-program has it, "与 app.json 保持一致"
(subscribeMessage.send errcode 41030). The sandbox reads the same file the mini-program is
built from: miniprogram/app.json in a checkout, or MINIPROGRAM_APP_JSON / ./miniprogram/app.json
in an image (the Dockerfile copies it).
"""

from __future__ import annotations

import json
import logging
import os
from functools import cache
from pathlib import Path

log = logging.getLogger(__name__)

_CHECKOUT = Path(__file__).resolve().parents[3] / "miniprogram" / "app.json"


def _candidates() -> list[Path]:
    configured = os.environ.get("MINIPROGRAM_APP_JSON", "").strip()
    return (
        [Path(configured)] if configured else [_CHECKOUT, Path.cwd() / "miniprogram" / "app.json"]
    )


@cache
def _pages_in_order() -> tuple[str, ...]:
    """Every page path of app.json in its order, subpackage pages last."""
    for path in _candidates():
        if path.is_file():
            app = json.loads(path.read_text("utf-8"))
            pages = list(app.get("pages") or [])
            for package in app.get("subpackages") or app.get("subPackages") or []:
                root = str(package.get("root", "")).strip("/")
                pages.extend(f"{root}/{page}" for page in package.get("pages") or [])
            return tuple(pages)
    log.warning("no miniprogram/app.json found: every page will be refused with 41030")
    return ()


def app_pages() -> frozenset[str]:
    """Every page path of app.json, subpackage pages included ("pages/detail/index")."""
    return frozenset(_pages_in_order())


def home_page() -> str:
    """The first page of app.json: where a code without `page` opens (WeChat: 默认主页)."""
    pages = _pages_in_order()
    return pages[0] if pages else "pages/index/index"


def is_page(path: object, with_query: bool) -> bool:
    """True for a page of app.json; `with_query` allows "?a=b" after it (subscribe messages)."""
    if not isinstance(path, str) or not path:
        return False
    page, question, query = path.partition("?")
    if question and (not with_query or not query):
        return False
    return page in app_pages()
