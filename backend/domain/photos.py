"""Rules for keeping a carrier's delivery photo: what we accept, and for how long."""

from __future__ import annotations

# UPS keeps delivery photos with the tracking data; we keep ours two weeks, the life of a
# Track Alert subscription, which covers any "delivered but not here" question.
PHOTO_KEEP_SECONDS = 14 * 24 * 3600
# A doorstep photo is tens of kilobytes; anything far larger is not one and is dropped.
MAX_PHOTO_BYTES = 1024 * 1024
_JPEG_START = b"\xff\xd8\xff"
_JPEG_END = b"\xff\xd9"


def is_acceptable_photo(data: bytes) -> bool:
    """True for a whole JPEG within the size bound (start and end markers present)."""
    if not 64 <= len(data) <= MAX_PHOTO_BYTES or not data.startswith(_JPEG_START):
        return False
    # Some encoders pad after the end-of-image marker: look for it near the end.
    return _JPEG_END in data[-64:]
