"""Redis cache of each number's latest snapshots, with single-flight refresh locks.

Compact: one key per number holds every language's snapshot in one compressed JSON document,
so what the languages share (scan times, places, codes) is stored about once. The document is
deflated against a preset dictionary (snapshot_dictionary: field names, UPS's standard
wording), which halves a typical document; its first byte names the format, so documents
written before (plain zlib, first byte 0x78) are still read.
Snapshots of numbers somebody watches are kept a month (served as stale when UPS is down);
those of numbers nobody watches expire after two days.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import zlib
from typing import Any, cast

import redis

from backend.adapters import redis_keys, redis_lock
from backend.adapters.snapshot_dictionary import ZDICT_V1
from backend.domain import cadence
from backend.domain.model import Shipment, shipment_from_dict, shipment_to_dict
from backend.domain.snapshots import CachedSnapshot

UNWATCHED_KEEP_SECONDS = 2 * 24 * 3600
# KEYS: snapshots, watchers, the language's remembered error, the legacy watchers set.
# ARGV: SHA-1 of the document read ('' when there was none), the new document, seconds to
# keep it when watched, when not.
_REPLACE = """
local current = redis.call('get', KEYS[1])
if (current and redis.sha1hex(current) or '') ~= ARGV[1] then return 0 end
local keep = redis.call('exists', KEYS[2], KEYS[4]) > 0 and ARGV[3] or ARGV[4]
redis.call('set', KEYS[1], ARGV[2], 'EX', keep)
redis.call('del', KEYS[3])
return 1
"""
_V1 = b"\x01"  # raw deflate against ZDICT_V1 (no zlib header or checksum: 6 bytes less)
_RAW_DEFLATE = -15


def encode(document: dict[str, Any]) -> bytes:
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    packer = zlib.compressobj(9, zlib.DEFLATED, _RAW_DEFLATE, 9, zdict=ZDICT_V1)
    return _V1 + packer.compress(text.encode("utf-8")) + packer.flush()


def decode(blob: bytes | None) -> dict[str, Any]:
    if not blob:
        return {}
    try:
        if blob[:1] == _V1:
            unpacker = zlib.decompressobj(_RAW_DEFLATE, zdict=ZDICT_V1)
            text = unpacker.decompress(blob[1:]) + unpacker.flush()
        else:  # written before the dictionary: plain zlib
            text = zlib.decompress(blob)
        document = json.loads(text)
    except (zlib.error, ValueError):
        return {}  # unreadable: as good as a miss
    return document if isinstance(document, dict) else {}


def _compact(value: Any) -> Any:
    """Without None fields (every one defaults to None when read back)."""
    if isinstance(value, dict):
        return {k: _compact(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_compact(item) for item in value]
    return value


class RedisSnapshotCache:
    """Snapshots per (number, language), every key with a TTL."""

    def __init__(self, client: redis.Redis, blobs: redis.Redis | None = None) -> None:
        self._redis = client  # text: locks and remembered errors
        # The same Redis without decoding, for the compressed snapshots (a new pool if the
        # caller has none to share).
        self._blobs = blobs or redis.Redis(
            connection_pool=redis.ConnectionPool(
                **{**client.connection_pool.connection_kwargs, "decode_responses": False}
            )
        )
        self._replace = self._blobs.register_script(_REPLACE)

    def get(self, number: str, lang: str) -> CachedSnapshot | None:
        blob = self._blobs.get(redis_keys.snapshots(number))
        return None if blob is None else _snapshot(blob, lang)

    def put(self, number: str, lang: str, shipment: Shipment, now: float) -> CachedSnapshot:
        """Store a fresh shipment next to the other languages' ones."""
        now = float(math.floor(now))  # whole seconds: a fraction costs bytes and means nothing
        entry = CachedSnapshot(shipment, now, now + cadence.fresh_for(shipment.status))
        stored = {
            "s": _compact(shipment_to_dict(shipment)),
            "f": int(now),
            "u": int(entry.fresh_until),
        }
        keys = [redis_keys.snapshots(number), redis_keys.watchers(number),
                redis_keys.lookup_error(number, lang), redis_keys.legacy_watchers(number)]  # fmt: skip
        # Both languages live in one document: written only if nobody rewrote it since we
        # read it (compare and set in one script, two round trips), else read again.
        while True:
            blob = cast(bytes | None, self._blobs.get(keys[0]))
            document = decode(blob)
            document[lang] = stored
            expected = hashlib.sha1(blob).hexdigest() if blob else ""  # noqa: S324 - a checksum
            args: list[bytes | str | int] = [
                expected, encode(document), cadence.KEEP_FOR_SECONDS, UNWATCHED_KEEP_SECONDS,
            ]  # fmt: skip
            if self._replace(keys=keys, args=args, client=self._blobs):
                return entry

    def remember_error(self, number: str, lang: str, code: str) -> None:
        """Keep a failure briefly so concurrent and repeated lookups do not all call UPS."""
        # Not-found and rejected (TV1002) numbers stay so for minutes; outages pass sooner.
        lasting = code in ("not_found", "rejected_by_ups")
        seconds = cadence.NOT_FOUND_FOR_SECONDS if lasting else cadence.FAILURE_FOR_SECONDS
        self._redis.set(redis_keys.lookup_error(number, lang), code, ex=seconds)

    def recent_error(self, number: str, lang: str) -> str | None:
        return cast(str | None, self._redis.get(redis_keys.lookup_error(number, lang)))

    def try_lock(self, number: str, lang: str, seconds: float) -> str | None:
        """Become the one refresher of `number`; return a token to release with, or None."""
        return redis_lock.try_acquire(self._redis, redis_keys.refresh_lock(number, lang), seconds)

    def is_locked(self, number: str, lang: str) -> bool:
        return bool(self._redis.exists(redis_keys.refresh_lock(number, lang)))

    def unlock(self, number: str, lang: str, token: str) -> None:
        redis_lock.release(self._redis, redis_keys.refresh_lock(number, lang), token)


@functools.lru_cache(maxsize=512)
def _snapshot(blob: bytes, lang: str) -> CachedSnapshot | None:
    """A stored document never changes, so the same bytes are decoded once per process: a
    popular parcel's cached lookups skip most of their work (bounded: 512 documents of ~1 KB)."""
    entry = decode(blob).get(lang)
    if not isinstance(entry, dict) or "s" not in entry:
        return None
    return CachedSnapshot(shipment_from_dict(entry["s"]), entry["f"], entry["u"])
