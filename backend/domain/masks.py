"""What of a secret the logs may show: enough to follow one share through them, not enough
to use it (as services.auth.mask_openid does for openids, numbers.mask_number for parcels)."""

from __future__ import annotations


def mask_share_id(share_id: str) -> str:
    """'Xy3k9…': a share id is a bearer secret for 30 days; four characters identify it."""
    return f"{share_id[:4]}…" if len(share_id) > 8 else "…"


def mask_segment(segment: str) -> str:
    """A path segment of a route we do not know: long ones may be ids, so keep four."""
    return f"{segment[:4]}…" if len(segment) > 12 else segment
