"""Fakes of the snapshot cache, the watch store and the share store."""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from backend import ports
from backend.domain import cadence
from backend.domain.model import Shipment
from backend.domain.shares import Share
from backend.domain.snapshots import CachedSnapshot
from backend.domain.watches import Watch, WatchLimitError


class FakeSnapshotCache:
    """Snapshots and failures per (number, lang); errors expire on the injected clock,
    locks on real time (single-flight tests use real threads)."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._snapshots: dict[tuple[str, str], CachedSnapshot] = {}
        self._errors: dict[tuple[str, str], tuple[str, float]] = {}
        self._locks: dict[tuple[str, str], tuple[str, float]] = {}
        self._mutex = threading.Lock()

    def get(self, number: str, lang: str) -> CachedSnapshot | None:
        return self._snapshots.get((number, lang))

    def put(self, number: str, lang: str, shipment: Shipment, now: float) -> CachedSnapshot:
        entry = CachedSnapshot(shipment, now, now + cadence.fresh_for(shipment.status))
        self._snapshots[(number, lang)] = entry
        self._errors.pop((number, lang), None)
        return entry

    def remember_error(self, number: str, lang: str, code: str) -> None:
        lasting = code in ("not_found", "rejected_by_ups")  # as the Redis adapter decides
        seconds = cadence.NOT_FOUND_FOR_SECONDS if lasting else cadence.FAILURE_FOR_SECONDS
        self._errors[(number, lang)] = (code, self._clock() + seconds)

    def recent_error(self, number: str, lang: str) -> str | None:
        code, until = self._errors.get((number, lang), ("", 0.0))
        return code if code and until > self._clock() else None

    def try_lock(self, number: str, lang: str, seconds: float) -> str | None:
        with self._mutex:
            if self.is_locked(number, lang):
                return None
            token = secrets.token_hex(8)
            self._locks[(number, lang)] = (token, time.monotonic() + seconds)
            return token

    def is_locked(self, number: str, lang: str) -> bool:
        _token, until = self._locks.get((number, lang), ("", 0.0))
        return until > time.monotonic()

    def unlock(self, number: str, lang: str, token: str) -> None:
        with self._mutex:
            if self._locks.get((number, lang), ("",))[0] == token:
                del self._locks[(number, lang)]


class FakeWatchStore:
    """Watches per user (with the per-user limit) and watchers per number."""

    def __init__(self, limit: int = 50, clock: Callable[[], float] = time.time) -> None:
        self.limit = limit
        self._clock = clock
        self._by_user: dict[str, dict[str, Watch]] = {}

    def watch(self, openid: str, number: str, nickname: str | None) -> tuple[Watch, bool]:
        mine = self._by_user.setdefault(openid, {})
        existing = mine.get(number)
        if existing is None and len(mine) >= self.limit:
            raise WatchLimitError(self.limit)
        watch = Watch(number, nickname, existing.since if existing else self._clock())
        mine[number] = watch
        return watch, existing is None

    def unwatch(self, openid: str, number: str) -> bool:
        self._by_user.get(openid, {}).pop(number, None)
        return not self.watchers(number)

    def get(self, openid: str, number: str) -> Watch | None:
        return self._by_user.get(openid, {}).get(number)

    def list(self, openid: str) -> list[Watch]:
        return sorted(self._by_user.get(openid, {}).values(), key=lambda watch: watch.since)

    def watchers(self, number: str) -> set[str]:
        return {openid for openid, mine in self._by_user.items() if number in mine}


class FakeShareStore:
    """Shares until they expire, and cached images with their own expiry."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self.shares: dict[str, Share] = {}
        self.images: dict[tuple[str, str], tuple[bytes, float]] = {}

    def put(self, share: Share) -> None:
        if share.share_id in self.shares:
            raise KeyError(f"share id already taken: {share.share_id}")
        self.shares[share.share_id] = share

    def get(self, share_id: str) -> Share | None:
        share = self.shares.get(share_id)
        return share if share is not None and share.expires > self._clock() else None

    def delete(self, share: Share) -> bool:
        return self.shares.pop(share.share_id, None) is not None

    def owned_by(self, openid: str) -> list[Share]:
        mine = [share for share in self.shares.values() if share.openid == openid]
        live = [share for share in mine if share.expires > self._clock()]
        return sorted(live, key=lambda share: share.created, reverse=True)

    def image(self, share_id: str, variant: str) -> bytes | None:
        png, until = self.images.get((share_id, variant), (b"", 0.0))
        return png if png and until > self._clock() else None

    def keep_image(self, share_id: str, variant: str, png: bytes, ttl_seconds: float) -> None:
        self.images[(share_id, variant)] = (png, self._clock() + ttl_seconds)


# Each fake declared against its port: mypy (make lint) fails when one drifts.
if TYPE_CHECKING:
    _snapshot_cache: ports.SnapshotCache = FakeSnapshotCache()
    _watch_store: ports.WatchStore = FakeWatchStore()
    _share_store: ports.ShareStore = FakeShareStore()
