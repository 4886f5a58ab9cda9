"""The lookup service: order, dedupe, limits, cache, stale serving and single flight."""

from __future__ import annotations

import threading
import time

import pytest

from backend.domain.errors import CarrierUnavailable, NumberNotFound, NumberRejected
from backend.services.lookup import (
    MAX_NUMBERS,
    LookupService,
    NoNumbersError,
    TooManyNumbersError,
)
from tests.fakes import FakeCarrier, FakeClock, FakeSnapshotCache
from tests.support.numbers import make_1z

VALID = [make_1z(f"TST{i:03d}", i) for i in range(40)]


@pytest.fixture
def carrier():
    return FakeCarrier()


@pytest.fixture
def clock():
    return FakeClock(1_000_000.0)


@pytest.fixture
def service(carrier, clock):
    return LookupService(carrier, FakeSnapshotCache(clock), concurrency=10, clock=clock)


def test_results_keep_input_order_and_drop_duplicates(service):
    text = f"{VALID[2]}, {VALID[0]}\n{VALID[2].lower()} {VALID[1]}"
    results = service.lookup_many(text, "zh")
    assert [r.number for r in results] == [VALID[2], VALID[0], VALID[1]]
    assert all(r.snapshot is not None and r.error is None for r in results)


def test_an_invalid_number_gets_its_own_error_and_never_blocks_the_valid_ones(service, carrier):
    bad = VALID[0][:-1] + str((int(VALID[0][-1]) + 1) % 10)
    results = service.lookup_many([VALID[0], bad, VALID[1]], "zh")
    assert [r.error for r in results] == [None, "invalid_number", None]
    assert results[1].reason == "bad_check_digit"
    assert bad not in carrier.calls


def test_no_numbers_and_too_many_numbers_are_refused(service):
    with pytest.raises(NoNumbersError):
        service.lookup_many("  ，、 hello ", "zh")
    with pytest.raises(TooManyNumbersError) as error:
        service.lookup_many(" ".join(VALID[: MAX_NUMBERS + 1]), "zh")
    assert error.value.count == MAX_NUMBERS + 1
    assert len(service.lookup_many(" ".join(VALID[:MAX_NUMBERS]), "zh")) == MAX_NUMBERS


def test_a_fresh_snapshot_is_served_from_cache_without_calling_ups(service, carrier, clock):
    first = service.lookup_one(VALID[0], "zh")
    clock.now += 60
    second = service.lookup_one(VALID[0], "zh")
    assert carrier.calls == [VALID[0]]
    assert second.snapshot.fetched_at == first.snapshot.fetched_at
    assert second.stale is False


def test_an_expired_snapshot_is_refreshed(service, carrier, clock):
    service.lookup_one(VALID[0], "zh")
    clock.now += 2 * 3600
    service.lookup_one(VALID[0], "zh")
    assert carrier.calls == [VALID[0], VALID[0]]


def test_when_ups_fails_the_cached_snapshot_is_served_stale(service, carrier, clock):
    service.lookup_one(VALID[0], "zh")
    clock.now += 2 * 3600
    carrier.failures[VALID[0]] = CarrierUnavailable("503")
    result = service.lookup_one(VALID[0], "zh")
    assert result.stale is True and result.snapshot is not None and result.error is None


def test_when_ups_fails_without_a_cached_snapshot_the_result_is_upstream_unavailable(
    service, carrier
):
    carrier.failures[VALID[0]] = CarrierUnavailable("timeout")
    result = service.lookup_many([VALID[0], VALID[1]], "zh")
    assert result[0].error == "upstream_unavailable" and result[0].snapshot is None
    assert result[1].error is None


def test_not_found_is_remembered_so_repeats_cost_no_ups_call(service, carrier):
    carrier.failures[VALID[0]] = NumberNotFound("TW0001")
    assert service.lookup_one(VALID[0], "zh").error == "not_found"
    assert service.lookup_one(VALID[0], "zh").error == "not_found"
    assert carrier.calls == [VALID[0]]


def test_a_number_ups_rejects_is_reported_invalid(service, carrier):
    carrier.failures[VALID[0]] = NumberRejected("TV1002")
    result = service.lookup_one(VALID[0], "zh")
    assert (result.error, result.reason) == ("invalid_number", "rejected_by_ups")


def test_a_rejected_number_is_remembered_so_repeats_cost_no_ups_call(service, carrier, clock):
    carrier.failures[VALID[0]] = NumberRejected("TV1002")
    for _ in range(3):
        result = service.lookup_one(VALID[0], "zh")
        assert (result.error, result.reason) == ("invalid_number", "rejected_by_ups")
        clock.advance(60)  # remembered as long as a not-found number, not an outage's seconds
    assert carrier.calls == [VALID[0]]


def test_concurrent_lookups_of_one_uncached_number_make_one_ups_call():
    slow = FakeCarrier(delay=0.3)
    service = LookupService(slow, FakeSnapshotCache(), concurrency=4)
    results: list = []
    threads = [
        threading.Thread(target=lambda: results.append(service.lookup_one(VALID[5], "zh")))
        for _ in range(20)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert slow.calls == [VALID[5]]
    assert len(results) == 20 and all(r.snapshot is not None for r in results)


def test_thirty_uncached_numbers_cost_about_one_round_trip():
    slow = FakeCarrier(delay=0.2)
    service = LookupService(slow, FakeSnapshotCache(), concurrency=30)
    started = time.monotonic()
    results = service.lookup_many(VALID[:30], "zh")
    elapsed = time.monotonic() - started
    assert len(slow.calls) == 30 and all(r.snapshot for r in results)
    assert elapsed < 0.2 * 5  # sequential would take 6 s


def test_a_forced_refresh_that_waited_on_an_earlier_lookup_fetches_once_more():
    slow = FakeCarrier(delay=0.3)
    service = LookupService(slow, FakeSnapshotCache(), concurrency=4)
    early = threading.Thread(target=lambda: service.lookup_one(VALID[7], "zh"))
    early.start()
    time.sleep(0.05)  # the early lookup now holds the lock and is "calling UPS"
    forced = service.lookup_one(VALID[7], "zh", force=True)
    early.join()
    assert slow.calls == [VALID[7], VALID[7]]
    assert forced.snapshot is not None
