"""The snapshot cache on a real Redis: every language in one compressed key, watched
numbers kept a month and others two days, concurrent writers of two languages both kept."""

from __future__ import annotations

import hashlib
import json
import threading
import zlib

import pytest

from backend.adapters import redis_conn, redis_keys, snapshot_cache, snapshot_dictionary
from backend.adapters.snapshot_cache import UNWATCHED_KEEP_SECONDS, RedisSnapshotCache
from backend.adapters.watch_store import RedisWatchStore
from backend.domain import cadence
from backend.domain.model import Eta, Shipment, TrackingEvent
from backend.domain.statuses import Status
from tests.support.numbers import make_1z

NUMBER = make_1z("SNAPSH", 1)


def shipment(lang: str) -> Shipment:
    words = {"zh": "已到达转运站", "en": "Arrived at Facility"}[lang]
    events = tuple(
        TrackingEvent(f"2026-11-2{i}T09:30:00-05:00", "SECAUCUS, NJ, US", words,
                      Status.AT_FACILITY, "AR", "005")
        for i in range(8)
    )  # fmt: skip
    return Shipment(NUMBER, Status.AT_FACILITY, words, events, Eta("2026-11-30", None, None, "x"),
                    service="UPS Ground", package_count=1)  # fmt: skip


@pytest.fixture
def blobs(redis_url, redis_client):
    client = redis_conn.connect(redis_url, decode=False)
    yield client
    client.close()


@pytest.fixture
def cache(redis_client, blobs):
    return RedisSnapshotCache(redis_client, blobs)


def test_both_languages_come_back_equal_from_one_compact_key(cache, redis_client):
    for lang in ("zh", "en"):
        cache.put(NUMBER, lang, shipment(lang), 1000.0)
    for lang in ("zh", "en"):
        cached = cache.get(NUMBER, lang)
        assert cached.shipment == shipment(lang) and cached.fetched_at == 1000.0
    assert list(redis_client.scan_iter(match=f"*{{{NUMBER}}}*")) == [redis_keys.snapshots(NUMBER)]
    assert redis_client.memory_usage(redis_keys.snapshots(NUMBER)) < 700
    assert cache.get(NUMBER, "fr") is None and cache.get(make_1z("SNAPSH", 2), "zh") is None


def test_watched_numbers_are_kept_a_month_and_others_two_days(cache, redis_client):
    cache.put(NUMBER, "zh", shipment("zh"), 1000.0)
    assert 0 < redis_client.ttl(redis_keys.snapshots(NUMBER)) <= UNWATCHED_KEEP_SECONDS
    RedisWatchStore(redis_client).watch("o-snap", NUMBER, None)
    cache.put(NUMBER, "zh", shipment("zh"), 1000.0)
    assert redis_client.ttl(redis_keys.snapshots(NUMBER)) > UNWATCHED_KEEP_SECONDS
    assert redis_client.ttl(redis_keys.snapshots(NUMBER)) <= cadence.KEEP_FOR_SECONDS


def test_concurrent_writers_of_two_languages_both_survive(cache):
    barrier = threading.Barrier(8)

    def write(lang: str) -> None:
        barrier.wait()
        for _ in range(10):
            cache.put(NUMBER, lang, shipment(lang), 1000.0)

    threads = [threading.Thread(target=write, args=(lang,)) for lang in ("zh", "en") * 4]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert cache.get(NUMBER, "zh").shipment == shipment("zh")
    assert cache.get(NUMBER, "en").shipment == shipment("en")


def test_an_unreadable_entry_is_a_miss(cache, redis_url):
    blobs = redis_conn.connect(redis_url, decode=False)
    blobs.set(redis_keys.snapshots(NUMBER), b"not zlib")
    assert cache.get(NUMBER, "zh") is None
    cache.put(NUMBER, "zh", shipment("zh"), 1000.0)  # and is simply replaced
    assert cache.get(NUMBER, "zh").shipment == shipment("zh")
    blobs.close()


def test_documents_written_before_the_dictionary_are_still_read(cache, blobs):
    """Production holds plain-zlib documents (format before v1): they stay readable, and the
    next write stores the dictionary format, keeping the other language's snapshot."""
    cache.put(NUMBER, "zh", shipment("zh"), 1000.0)
    document = snapshot_cache.decode(blobs.get(redis_keys.snapshots(NUMBER)))
    old = zlib.compress(json.dumps(document, ensure_ascii=False).encode(), 9)
    blobs.set(redis_keys.snapshots(NUMBER), old)
    assert cache.get(NUMBER, "zh").shipment == shipment("zh")
    cache.put(NUMBER, "en", shipment("en"), 1001.0)
    stored = blobs.get(redis_keys.snapshots(NUMBER))
    assert stored[:1] == b"\x01" and len(stored) < len(old)
    assert cache.get(NUMBER, "zh").shipment == shipment("zh")
    assert cache.get(NUMBER, "en").shipment == shipment("en")


def test_the_compression_dictionary_never_changes():
    """Every stored v1 document needs these exact bytes to be read back."""
    digest = hashlib.sha256(snapshot_dictionary.ZDICT_V1).hexdigest()
    assert digest == "9fc9c9c2188c06eef654ec7cafa08a691635e60f796dff99b3eb1befb4a7dc34"
