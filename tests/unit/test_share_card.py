"""The share card image: 5:4 PNG, drawn in a CJK font, with a clear fallback when none exists."""

from __future__ import annotations

import dataclasses
import io
import logging

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont

from backend.adapters.share_card import (
    BROWN,
    HEIGHT,
    LABEL_AT,
    LABEL_BOX,
    LABEL_SIZE,
    MISSING_CHAR,
    PAPER,
    WIDTH,
    PillowCardRenderer,
    draws_chinese,
    find_cjk_font,
    glyph_mask,
)
from backend.domain.share_view import ShareCard

CARD = ShareCard(
    number="1Z99…784",
    status="out_for_delivery",
    status_label="派送中",
    eta_line="预计今天 10:30–11:30 送达",
    progress=0.85,
    last_place="Beijing, CN",
    last_time="11月24日 08:15",
    nickname=None,
    lang="zh",
)


@pytest.fixture(scope="module")
def font_path() -> str:
    path = find_cjk_font()
    assert path, "no CJK font: install Debian's fonts-wqy-microhei (make system-deps)"
    return path


def _image(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    image.load()
    return image


def _label_alone(font: ImageFont.FreeTypeFont | ImageFont.ImageFont) -> Image.Image:
    """The status label drawn by itself where the card draws it, in `font`."""
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    ImageDraw.Draw(image).text(LABEL_AT, CARD.status_label, font=font, fill=BROWN)
    return image.crop(LABEL_BOX)


def _ink(image: Image.Image) -> int:
    """How many pixels differ from plain paper."""
    paper = Image.new("RGB", image.size, PAPER)
    histogram = ImageChops.difference(image, paper).convert("L").histogram()
    return sum(histogram) - histogram[0]


def test_card_is_a_5_to_4_png_with_content(font_path):
    image = _image(PillowCardRenderer(font_path).render(CARD))
    assert image.format == "PNG"
    assert image.size == (1000, 800)
    assert image.width * 4 == image.height * 5
    assert len(image.getcolors(maxcolors=1 << 16) or range(1 << 16)) > 50  # not a flat fill


def test_card_draws_the_chinese_status_label_in_real_glyphs(font_path):
    """Proves the label is drawn in Chinese glyphs, not tofu boxes and not left out.

    1. Ink: the label band of the card has ink, and the same card with an empty label has
       none there, so what is in that band is the label.
    2. Identity: the band equals, pixel for pixel, "派送中" drawn alone at the same place and
       size in the CJK font, and differs from it drawn in Pillow's fallback font.
    3. The fallback really is tofu: it draws "派" exactly like a private-use code point (its
       missing-glyph box), while the CJK font draws the two differently. So matching (2)'s
       CJK rendering and not the fallback's means real Chinese glyphs on the card.
    """
    renderer = PillowCardRenderer(font_path)
    band = _image(renderer.render(CARD)).convert("RGB").crop(LABEL_BOX)
    blank = _image(renderer.render(dataclasses.replace(CARD, status_label=""))).convert("RGB")
    assert _ink(band) > 2000
    assert _ink(blank.crop(LABEL_BOX)) == 0

    cjk = ImageFont.truetype(font_path, LABEL_SIZE)
    fallback = ImageFont.load_default(LABEL_SIZE)
    assert ImageChops.difference(band, _label_alone(cjk)).getbbox() is None
    assert ImageChops.difference(band, _label_alone(fallback)).getbbox() is not None

    assert glyph_mask(fallback, "派") == glyph_mask(fallback, MISSING_CHAR)
    assert glyph_mask(cjk, "派") != glyph_mask(cjk, MISSING_CHAR)


def test_font_probe_tells_cjk_fonts_from_the_fallback(font_path):
    assert draws_chinese(ImageFont.truetype(font_path, 32))
    assert not draws_chinese(ImageFont.load_default(32))


def test_without_a_cjk_font_it_warns_and_still_renders(caplog):
    renderer = PillowCardRenderer(font_path=None, discover=False)
    with caplog.at_level(logging.WARNING, logger="backend.adapters.share_card"):
        image = _image(renderer.render(CARD))
    assert image.size == (WIDTH, HEIGHT)
    assert "fonts-wqy-microhei" in caplog.text


def test_long_english_labels_shrink_to_fit(font_path):
    card = dataclasses.replace(
        CARD, status_label="Arrival at UPS Facility " * 2, eta_line="Expected tomorrow", lang="en"
    )
    image = _image(PillowCardRenderer(font_path).render(card)).convert("RGB")
    right_margin = image.crop((WIDTH - 55, LABEL_BOX[1], WIDTH, LABEL_BOX[3]))
    assert _ink(right_margin) == 0  # nothing ran past the card's margin


def test_nickname_and_full_progress_are_drawn(font_path):
    plain = _image(PillowCardRenderer(font_path).render(CARD)).convert("RGB")
    named = dataclasses.replace(CARD, nickname="妈妈的保健品", progress=1.0)
    drawn = _image(PillowCardRenderer(font_path).render(named)).convert("RGB")
    header = (WIDTH // 2, 0, WIDTH, 140)
    assert ImageChops.difference(plain.crop(header), drawn.crop(header)).getbbox() is not None


def test_served_images_say_what_their_bytes_are():
    import io

    from PIL import Image

    from backend.web.shares import image_type

    def encoded(kind: str) -> bytes:
        out = io.BytesIO()
        Image.new("RGB", (4, 4)).save(out, kind)
        return out.getvalue()

    assert image_type(encoded("PNG")) == "image/png"
    assert image_type(encoded("JPEG")) == "image/jpeg"
    assert image_type(encoded("GIF")) == "image/gif"
    assert image_type(encoded("WEBP")) == "image/webp"
    assert image_type(b'{"errcode": 45009}') == "application/octet-stream"
