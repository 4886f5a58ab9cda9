"""Sandbox POST /wxa/getwxacodeunlimit: a small image carrying the scene, or WeChat's errors."""

from __future__ import annotations

import hashlib
import io
import re

from flask import Response, request

from backend.sandbox.wechat.blueprint import bp, count, wx_error
from backend.sandbox.wechat.pages import home_page, is_page
from backend.sandbox.wechat.tokens import token_refusal

# ≤32 visible characters from WeChat's allowed set (no %, so no URL-encoded Chinese).
SCENE = re.compile(r"^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$")
ENV_VERSIONS = ("release", "trial", "develop")
GRID = 21  # modules per side, like a version-1 QR code


def _refusal(body: object) -> tuple[int, str] | None:
    if not isinstance(body, dict):
        return 47001, "data format error"
    scene, page = body.get("scene"), body.get("page") or home_page()
    if not isinstance(scene, str) or not SCENE.match(scene):
        return 40169, "invalid length for scene, or the data is not json string"
    # The page is a bare path: no leading slash, no query; check_path wants a real page.
    if not isinstance(page, str) or page.startswith("/") or "?" in page:
        return 41030, "invalid page"
    if body.get("check_path", True) is not False and not is_page(page, with_query=False):
        return 41030, "invalid page"
    if body.get("env_version", "release") not in ENV_VERSIONS:
        return 47003, "argument invalid! env_version invalid"
    return None


def render_code(scene: str, page: str, width: int, transparent: bool = False) -> bytes:
    """A deterministic code-like image saying which scene and page it opens.

    Like WeChat: a JPEG by default, a PNG when is_hyaline asks for a transparent background.
    The JPEG's comment (or the PNG's text chunks) carries "scene" and "page".
    """
    from PIL import Image, PngImagePlugin  # lazily: only the sandbox draws images

    bits = "".join(f"{byte:08b}" for byte in hashlib.sha512(scene.encode()).digest() * 2)
    grid = Image.new("1", (GRID, GRID), 1)
    for index in range(GRID * GRID):
        if bits[index] == "1":
            grid.putpixel((index % GRID, index // GRID), 0)
    for x, y in ((0, 0), (GRID - 7, 0), (0, GRID - 7)):  # three finder squares
        grid.paste(0, (x, y, x + 7, y + 7))
        grid.paste(1, (x + 1, y + 1, x + 6, y + 6))
        grid.paste(0, (x + 2, y + 2, x + 5, y + 5))
    image, out = grid.resize((width, width), Image.Resampling.NEAREST), io.BytesIO()
    if transparent:
        info = PngImagePlugin.PngInfo()
        info.add_text("scene", scene)
        info.add_text("page", page)
        image.save(out, "PNG", pnginfo=info)
    else:
        image.convert("L").save(out, "JPEG", comment=f"scene={scene}\npage={page}".encode())
    return out.getvalue()


@bp.post("/wxa/getwxacodeunlimit")
def get_unlimited_code():
    """wxacode.getUnlimited: image bytes on success, JSON errcode otherwise."""
    count("wxacode_calls")
    body = request.get_json(force=True, silent=True)
    refusal = token_refusal() or _refusal(body)
    if refusal is not None:
        return wx_error(*refusal)
    try:
        width = min(max(int(body.get("width", 430)), 280), 1280)
    except (TypeError, ValueError):
        width = 430
    page = body.get("page") or home_page()
    transparent = body.get("is_hyaline") is True
    image = render_code(body["scene"], page, width, transparent)
    return Response(image, mimetype="image/png" if transparent else "image/jpeg")
