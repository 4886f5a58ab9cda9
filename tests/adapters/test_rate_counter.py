"""RateCounter on the real Redis: budgets shared by processes, leased in chunks, exact for
small budgets, never more than the budget, and nothing denied while a process holds some."""

from __future__ import annotations

import threading

from backend.adapters.rate_counter import RateCounter

NOW = 1_800_000_000.0


def spend(counter: RateCounter, times: int, limit: int, now: float = NOW) -> int:
    budget = [("all", "ip:1.2.3.4", limit, 60)]
    return sum(counter.allow(budget, now)[0] for _ in range(times))


def test_a_small_budget_is_counted_exactly(redis_client):
    counter = RateCounter(redis_client)
    assert spend(counter, 15, limit=10) == 10


def test_two_processes_share_one_budget(redis_client):
    first, second = RateCounter(redis_client), RateCounter(redis_client)
    allowed = spend(first, 70, limit=120) + spend(second, 70, limit=120)
    chunk = 120 // 20
    assert 120 - chunk <= allowed <= 120


def test_the_next_window_starts_afresh_and_clients_are_apart(redis_client):
    counter = RateCounter(redis_client)
    assert spend(counter, 5, limit=3) == 3
    assert spend(counter, 5, limit=3, now=NOW + 60) == 3
    assert counter.allow([("all", "ip:5.6.7.8", 3, 60)], NOW) == [True]


def test_concurrent_requests_spend_what_was_leased_before_being_refused(redis_client):
    counter = RateCounter(redis_client)
    barrier, results = threading.Barrier(50), []

    def one() -> None:
        barrier.wait()
        results.append(counter.allow([("all", "ip:1.2.3.4", 120, 60)], NOW)[0])

    threads = [threading.Thread(target=one) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [True] * 50
    assert spend(counter, 100, limit=120) == 70


def test_each_budget_of_a_request_is_answered(redis_client):
    counter = RateCounter(redis_client)
    budgets = [("all", "ip:1.1.1.1", 100, 60), ("login", "ip:1.1.1.1", 2, 60)]
    answers = [counter.allow(budgets, NOW) for _ in range(3)]
    assert answers == [[True, True], [True, True], [True, False]]


def test_spent_says_whether_a_budget_is_used_up_without_counting(redis_client):
    counter, elsewhere = RateCounter(redis_client), RateCounter(redis_client)
    failures = ("login-failed", "ip:203.0.113.7", 3, 60)
    for _ in range(5):  # asking counts nothing
        assert counter.spent(*failures, NOW) is False
    assert [counter.allow([failures], NOW)[0] for _ in range(3)] == [True] * 3
    assert counter.spent(*failures, NOW) is True
    assert elsewhere.spent(*failures, NOW) is True  # another process sees it in Redis
    assert counter.spent(*failures, NOW + 60) is False  # the next window
    assert counter.spent("login-failed", "ip:198.51.100.9", 3, 60, NOW) is False
