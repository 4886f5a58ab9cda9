"""Draw a shared parcel as a 5:4 PNG card with Pillow, in a CJK font when one is installed."""

from __future__ import annotations

import io
import logging
import os
import subprocess
from functools import cached_property

from PIL import Image, ImageDraw, ImageFont

from backend.domain.share_view import ShareCard

log = logging.getLogger(__name__)

WIDTH, HEIGHT = 1000, 800  # WeChat shows chat-card images at 5:4
MARGIN = 60
LABEL_AT, LABEL_SIZE = (MARGIN, 190), 136  # the status label, the card's largest text
LABEL_BOX = (0, 150, WIDTH, 368)  # the band it is drawn in, between header and ETA line
WQY_MICROHEI = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"  # Debian fonts-wqy-microhei
CJK_FAMILIES = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Droid Sans Fallback")
PROBE_CHAR = "包"
MISSING_CHAR = "\ue000"  # a private-use code point: every font draws its "missing" glyph

BROWN, GOLD, INK, MUTED = "#3b2417", "#ffb500", "#2b2b2b", "#77706a"
PAPER, TRACK, ACCENT = "#fbf7f0", "#e9dfd2", "#b35c00"

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


def glyph_mask(font: Font, text: str) -> bytes:
    """The pixels `font` draws for `text` (black on white, tightly cropped)."""
    canvas = Image.new("L", (200, 120), 255)
    ImageDraw.Draw(canvas).text((10, 10), text, font=font, fill=0)
    box = Image.eval(canvas, lambda value: 255 - value).getbbox()
    return canvas.crop(box).tobytes() if box else b""


def draws_chinese(font: Font) -> bool:
    """True when `font` has a real glyph for a Chinese character, not its missing-glyph box."""
    drawn = glyph_mask(font, PROBE_CHAR)
    return bool(drawn) and drawn != glyph_mask(font, MISSING_CHAR)


def _fc_match(family: str) -> str | None:
    try:
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", f"{family}:lang=zh-cn"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    path = found.stdout.strip()
    return path if found.returncode == 0 and path else None


def find_cjk_font() -> str | None:
    """A font file able to draw Chinese: WenQuanYi Micro Hei first, then fontconfig's pick."""
    candidates = [WQY_MICROHEI, *(_fc_match(family) for family in CJK_FAMILIES)]
    for path in candidates:
        # fc-match always answers with *some* font, so each candidate is tried on a glyph.
        if path and os.path.isfile(path) and draws_chinese(ImageFont.truetype(path, 32)):
            return path
    return None


class PillowCardRenderer:
    """Renders ShareCards; the font is looked for once, on first use."""

    def __init__(self, font_path: str | None = None, discover: bool = True) -> None:
        self._configured = font_path
        self._discover = discover

    @cached_property
    def font_path(self) -> str | None:
        path = self._configured or (find_cjk_font() if self._discover else None)
        if path is None:
            log.warning(
                "no CJK font found (install Debian's fonts-wqy-microhei): share cards fall "
                "back to Pillow's default font, which cannot draw Chinese"
            )
        return path

    def font(self, size: int) -> Font:
        if self.font_path:
            return ImageFont.truetype(self.font_path, size)
        return ImageFont.load_default(size)

    def render(self, card: ShareCard) -> bytes:
        """The card as PNG bytes, WIDTH x HEIGHT."""
        image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
        draw = ImageDraw.Draw(image)
        self._header(draw, card)
        self._fit(draw, LABEL_AT, card.status_label, LABEL_SIZE, BROWN)
        if card.eta_line:
            self._fit(draw, (MARGIN, 372), card.eta_line, 54, ACCENT)
        _progress(draw, card.progress, top=470)
        self._last_scan(draw, card)
        self._footer(draw, card)
        out = io.BytesIO()
        image.save(out, "PNG")
        return out.getvalue()

    def _header(self, draw: ImageDraw.ImageDraw, card: ShareCard) -> None:
        draw.rectangle((0, 0, WIDTH, 140), fill=BROWN)
        draw.rectangle((0, 140, WIDTH, 148), fill=GOLD)
        draw.text((MARGIN, 70), card.number, font=self.font(52), fill="white", anchor="lm")
        if card.nickname:
            width = WIDTH - 2 * MARGIN - 420
            size = self._size_to_fit(draw, card.nickname, 40, width)
            right = (WIDTH - MARGIN, 70)
            draw.text(right, card.nickname, font=self.font(size), fill=GOLD, anchor="rm")

    def _last_scan(self, draw: ImageDraw.ImageDraw, card: ShareCard) -> None:
        heading = "Latest scan" if card.lang == "en" else "最新动态"
        draw.text((MARGIN, 555), heading, font=self.font(30), fill=MUTED)
        place = card.last_place or ("No scans yet" if card.lang == "en" else "暂无扫描记录")
        self._fit(draw, (MARGIN, 600), place, 46, INK)
        if card.last_time:
            draw.text((MARGIN, 665), card.last_time, font=self.font(36), fill=MUTED)

    def _footer(self, draw: ImageDraw.ImageDraw, card: ShareCard) -> None:
        draw.line((MARGIN, 730, WIDTH - MARGIN, 730), fill=TRACK, width=2)
        draw.text((MARGIN, 765), card.footer, font=self.font(28), fill=MUTED, anchor="lm")
        note = "No names or addresses shown" if card.lang == "en" else "不显示姓名与地址"
        draw.text((WIDTH - MARGIN, 765), note, font=self.font(24), fill=MUTED, anchor="rm")

    def _size_to_fit(self, draw: ImageDraw.ImageDraw, text: str, size: int, width: int) -> int:
        # Long English labels ("Arrival at UPS Facility") shrink instead of running off the card.
        while size > 20 and draw.textlength(text, font=self.font(size)) > width:
            size -= 4
        return size

    def _fit(
        self, draw: ImageDraw.ImageDraw, at: tuple[int, int], text: str, size: int, fill: str
    ) -> None:
        size = self._size_to_fit(draw, text, size, WIDTH - 2 * MARGIN)
        draw.text(at, text, font=self.font(size), fill=fill)


def _progress(draw: ImageDraw.ImageDraw, progress: float, top: int) -> None:
    """A rounded bar filled to `progress` (0..1), with a dot at the parcel's position."""
    left, right, height = MARGIN, WIDTH - MARGIN, 26
    draw.rounded_rectangle((left, top, right, top + height), radius=height // 2, fill=TRACK)
    filled = left + round((right - left) * max(0.0, min(1.0, progress)))
    if filled > left + height:
        box = (left, top, filled, top + height)
        draw.rounded_rectangle(box, radius=height // 2, fill=GOLD)
    dot = min(max(filled, left + height // 2), right - height // 2)
    draw.ellipse((dot - 20, top - 7, dot + 20, top + height + 7), fill=BROWN, outline=GOLD, width=5)
