"""End to end, as `make run` runs it: two users watch one parcel and get exactly one message
per notified change, also when the worker is SIGKILLed at random moments and restarted; on
the test Redis, on a Redis Cluster (RQ on its own Redis) and on a Sentinel-watched primary."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator

import pytest
from rq import Queue
from rq.registry import FailedJobRegistry, FinishedJobRegistry

from backend.adapters import redis_conn
from backend.adapters.refresh_queue import QUEUE_NAME
from tests.support.e2e import running_stack
from tests.support.journey import (
    ATTENTION,
    DELIVERED,
    OUT,
    SC,
    STEP_TIMEOUT,
    Journey,
    Where,
    per_user_templates,
    signature,
)
from tests.support.stack import Stack

pytestmark = pytest.mark.e2e
TOPOLOGIES = [pytest.param(kind, marks=pytest.mark.topology) for kind in ("cluster", "sentinel")]

KILLS_PER_STEP = 3  # the journey has 8 steps: at least 24 SIGKILLs per chaos run


def run_journey(stack: Stack, where: Where, chaos: bool) -> dict:
    journey = Journey(stack.url, where)
    alice, bob = journey.login("alice"), journey.login("bob")
    journey.watch(alice)
    journey.watch(bob)
    journey.subscribe_in_popup("alice", [SC, ATTENTION, OUT, DELIVERED])
    journey.subscribe_in_popup("bob", [SC])
    journey.subscribe_in_popup("bob", [SC])
    # Bob's phone reports an acceptance WeChat never saw: our ledger has a credit WeChat
    # will refuse, so exactly one send ends in 43101.
    journey.post("/api/v1/subscriptions", bob, json={"results": {ATTENTION: "accept"}})
    stop, kills = threading.Event(), []
    killer = threading.Thread(target=_kill_randomly, args=(stack, stop, kills), daemon=True)
    if chaos:
        journey.step_timeout = 3 * STEP_TIMEOUT
        # Sends take a while and a fifth of their replies are lost after WeChat took the
        # message: kills land mid-send, and only the sent events can tell what went out.
        faults = {"latency_ms": 50, "error_rate": 0.2, "errcode": -1, "after_accept": True}
        journey.post("/_sandbox/wechat/faults", json=faults)
        killer.start()
    statuses = []
    try:
        while not statuses or statuses[-1] != "delivered":
            statuses.append(journey.advance_and_settle())
            if chaos:  # let the killer strike a few times around each step
                wanted = KILLS_PER_STEP * len(statuses)
                journey.wait(lambda n=wanted: len(kills) >= n, "the killer stalled", timeout=60)
    finally:
        stop.set()
        if chaos:
            killer.join()
    journey.wait(lambda: len(journey.messages()) >= 5, "messages never arrived", timeout=20)
    time.sleep(2)  # anything extra (a duplicate) would arrive now
    return {
        "journey": journey,
        "alice": alice,
        "bob": bob,
        "statuses": statuses,
        "messages": journey.messages(),
        "kills": len(kills),
    }


def _kill_randomly(stack: Stack, stop: threading.Event, kills: list[float]) -> None:
    """SIGKILL the worker at a random moment of its working life, again and again (each new
    worker gets to start first: a loaded machine takes seconds to import it)."""
    rng = random.Random()
    while True:
        stack.wait_until_working(stack.workers[0])
        if stop.wait(rng.uniform(0.05, 1.0)):
            return
        stack.kill_worker(stack.workers[0])
        kills.append(time.monotonic())
        stack.start_worker()


@pytest.fixture(params=["redis", *TOPOLOGIES])
def where(request, redis_url) -> Iterator[tuple[Where, dict[str, str]]]:
    """Clients for the test's Redis topology, and the environment that points processes at it."""
    if request.param == "redis":
        request.getfixturevalue("redis_client")  # flushed
        data, queue = redis_conn.connect(redis_url), redis_conn.connect(redis_url, decode=False)
        env = {"REDIS_URL": redis_url}
    else:
        topology = request.getfixturevalue("redis_topologies")(request.param)
        topology.flush()
        data, queue, env = topology.data_client(), topology.queue_client(), topology.env()
    yield Where(data, queue), env
    data.close()
    queue.close()


@pytest.fixture
def stack(where, tmp_path):
    _, env = where
    with running_stack(env["REDIS_URL"], tmp_path, POLL_INTERVAL_SCALE="0.0001", **env) as stack:
        yield stack


# Alice accepted every template once; bob accepted the status template twice (and his phone
# reported one attention accept WeChat never granted).
EXPECTED = [{ATTENTION: 1, OUT: 1, DELIVERED: 1}, {SC: 2}]


def test_each_watcher_gets_exactly_one_message_per_notified_change(stack, where):
    run = run_journey(stack, where[0], chaos=False)
    journey, messages = run["journey"], run["messages"]
    assert run["statuses"][-1] == "delivered" and "exception" in run["statuses"]
    assert len({signature(m) for m in messages}) == len(messages), "a message was sent twice"
    assert per_user_templates(messages) == EXPECTED
    credits_alice = journey.get("/api/v1/subscriptions", run["alice"])["credits"]
    credits_bob = journey.get("/api/v1/subscriptions", run["bob"])["credits"]
    assert credits_alice == {SC: 1, ATTENTION: 0, OUT: 0, DELIVERED: 0}
    assert credits_bob == {SC: 0, ATTENTION: 0}  # the 43101 zeroed the phantom credit
    assert journey.get("/_sandbox/wechat/stats").get("send_43101") == 1
    unread = journey.get(f"/api/v1/parcels/{journey.number}", run["bob"])["unread"]
    assert unread >= 1  # changes bob had no credit for wait in the mini-program
    _assert_one_ups_call_per_refresh(journey)


def _assert_one_ups_call_per_refresh(journey: Journey) -> None:
    calls = journey.get("/_sandbox/ups/stats")["track_calls_by_number"][journey.number]
    queue = Queue(QUEUE_NAME, connection=journey.queue)
    refreshes = FinishedJobRegistry(queue=queue).count + FailedJobRegistry(queue=queue).count
    # Two watchers, yet no more UPS calls than refresh jobs (+2 for the two watch requests).
    assert 0 < calls <= refreshes + 2, (calls, refreshes)


def test_killing_the_worker_at_random_loses_and_doubles_nothing(stack, where):
    run = run_journey(stack, where[0], chaos=True)
    messages = run["messages"]
    assert run["kills"] >= 20
    assert len({signature(m) for m in messages}) == len(messages), "a message was sent twice"
    assert per_user_templates(messages) == EXPECTED
    stats = run["journey"].get("/_sandbox/wechat/stats")
    assert stats.get("send_reply_lost", 0) >= 1  # some sends were settled by evidence only
