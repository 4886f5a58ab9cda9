"""A share link of a watched parcel."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Share:
    """One share link. `nickname` is only kept when the owner chose to show it."""

    share_id: str
    openid: str
    number: str
    include_nickname: bool
    nickname: str | None
    created: float
    expires: float
