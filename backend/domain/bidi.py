"""Unicode bidirectional controls: invisible, and able to reorder the text around them.

In a nickname, U+202E (right-to-left override) makes "包裹gnp.exe" read as "包裹exe.png" and
can flip a share title's status or number; none of them belongs in a parcel's name.
"""

from __future__ import annotations

import re

# ALM, LRM, RLM, the embeddings and overrides (LRE..RLO, PDF) and the isolates (LRI..PDI).
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def strip_bidi(text: str) -> str:
    return BIDI_CONTROLS.sub("", text)
