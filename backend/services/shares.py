"""Share a watched parcel: create, read (privacy-safe), revoke, and draw its card and code."""

from __future__ import annotations

import logging
import secrets
import time
from dataclasses import dataclass
from typing import Any, Protocol

from backend.domain.errors import MessengerError
from backend.domain.model import iso_utc
from backend.domain.numbers import mask_number
from backend.domain.share_view import (
    PRODUCT_NAME,
    card_for,
    local_today,
    public_view,
    share_title,
)
from backend.domain.shares import Share
from backend.domain.watches import ParcelNotWatchedError
from backend.ports import CardRenderer, Clock, CodeMaker, ShareStore, WatchStore
from backend.services.lookup import Lookup

log = logging.getLogger(__name__)

DEFAULT_TTL_DAYS = 30
# 16 random bytes = 128 bits -> 22 URL-safe characters, so "s=<id>" fits a 32-char scene.
ID_BYTES = 16
SHARE_PAGE = "pages/share/index"
CARD_CACHE_SECONDS = 300.0
CODE_CACHE_SECONDS = 86400.0  # mini-program codes never expire; re-ask WeChat daily at most


class ShareNotFoundError(Exception):
    """No live share by that id for this caller: unknown, expired, revoked or not theirs."""


class ShareUnavailableError(Exception):
    """The parcel's status cannot be had right now (UPS down and nothing cached)."""


class Lookups(Protocol):
    def lookup_one(self, number: str, lang: str) -> Lookup: ...


@dataclass(frozen=True)
class CreatedShare:
    share: Share
    title: str


class ShareService:
    """Shares live in Redis with a TTL; reading one re-reads the parcel's shared snapshot."""

    def __init__(
        self,
        store: ShareStore,
        watches: WatchStore,
        lookup: Lookups,
        renderer: CardRenderer,
        codes: CodeMaker,
        clock: Clock = time.time,
        app_name: str = PRODUCT_NAME,
    ) -> None:
        self._app_name = app_name  # the card's footer
        self._store = store
        self._watches = watches
        self._lookup = lookup
        self._renderer = renderer
        self._codes = codes
        self._clock = clock

    def create_share(
        self,
        openid: str,
        number: str,
        include_nickname: bool,
        ttl_days: float = DEFAULT_TTL_DAYS,
        lang: str = "zh",
    ) -> CreatedShare:
        """A new share of a parcel `openid` watches; raise ParcelNotWatchedError otherwise."""
        watch = self._watches.get(openid, number)
        if watch is None:
            raise ParcelNotWatchedError(number)
        now = self._clock()
        nickname = watch.nickname if include_nickname else None
        share_id = secrets.token_urlsafe(ID_BYTES)
        share = Share(
            share_id, openid, number, include_nickname, nickname, now, now + ttl_days * 86400
        )
        self._store.put(share)
        return CreatedShare(share, self._title(share, lang))

    def _title(self, share: Share, lang: str) -> str:
        lookup = self._lookup.lookup_one(share.number, lang)
        if lookup.snapshot is None:  # UPS unreachable: a title without status is still useful
            return " · ".join(part for part in (share.nickname, mask_number(share.number)) if part)
        shipment = lookup.snapshot.shipment
        return share_title(shipment, lang, local_today(shipment, self._clock()), share.nickname)

    def shared_view(self, share_id: str, lang: str) -> dict[str, Any]:
        """What the receiver may see; raise ShareNotFoundError or ShareUnavailableError."""
        share = self._live(share_id)
        lookup = self._lookup.lookup_one(share.number, lang)
        if lookup.snapshot is None:
            raise ShareUnavailableError(lookup.error or "upstream_unavailable")
        shipment = lookup.snapshot.shipment
        today = local_today(shipment, self._clock())
        view = public_view(shipment, lookup.snapshot.fetched_at, lang, today, share.nickname)
        return view | {"stale": lookup.stale, "expires_at": iso_utc(share.expires)}

    def revoke(self, openid: str, share_id: str) -> None:
        """End a share; only its owner may, everyone else learns nothing (not found)."""
        share = self._store.get(share_id)
        if share is None or not secrets.compare_digest(share.openid, openid):
            raise ShareNotFoundError(share_id)
        self._store.delete(share)

    def owned_by(self, openid: str) -> list[Share]:
        """The caller's own live shares, newest first."""
        return self._store.owned_by(openid)

    def revoke_parcel(self, openid: str, number: str) -> int:
        """End every share `openid` made of `number` (they stopped watching it); the count."""
        mine = [share for share in self._store.owned_by(openid) if share.number == number]
        for share in mine:
            self._store.delete(share)
        return len(mine)

    def card_png(self, share_id: str, lang: str) -> bytes:
        """The 5:4 card image, cached briefly per share and drawn content."""
        card = card_for(self.shared_view(share_id, lang), lang, self._app_name)
        variant = f"card:{card.cache_key()}"
        png = self._store.image(share_id, variant)
        if png is None:
            png = self._renderer.render(card)
            self._store.keep_image(share_id, variant, png, CARD_CACHE_SECONDS)
        return png

    def qrcode_png(self, share_id: str) -> bytes:
        """A mini-program code opening the share page; raise ShareUnavailableError on failure."""
        share = self._live(share_id)
        png = self._store.image(share_id, "qrcode")
        if png is not None:
            return png
        try:
            png = self._codes.get_unlimited_code(scene=f"s={share_id}", page=SHARE_PAGE)
        except MessengerError as error:
            log.warning("mini-program code for a share failed: %s", error.detail)
            raise ShareUnavailableError("wechat_unavailable") from None
        remaining = min(CODE_CACHE_SECONDS, share.expires - self._clock())
        self._store.keep_image(share_id, "qrcode", png, remaining)
        return png

    def _live(self, share_id: str) -> Share:
        share = self._store.get(share_id)
        if share is None:
            raise ShareNotFoundError(share_id)
        return share
