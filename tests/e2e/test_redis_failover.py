"""The data's Redis fails over in the middle of a journey: the primary is SIGKILLed while three
watchers are being told about a change, and Sentinel promotes the replica. Afterwards every
change was told to every watcher exactly once, no credit was lost or spent twice, the API
answered no 500 (503 with Retry-After while there was no primary, and no 503 once the
replica had been promoted), and the same worker process carried on.

The UPS and WeChat sandboxes run in a server of their own on the test Redis, as the real
services would: they are not part of our failover, and nothing they record can be lost in it.
"""

from __future__ import annotations

import threading
import time
from collections import Counter

import pytest
import requests

from tests.support.journey import ATTENTION, DELIVERED, OUT, SC, Journey, Where, signature
from tests.support.stack import Stack
from tests.support.topologies import binary_or_reason, running

pytestmark = [pytest.mark.e2e, pytest.mark.topology]

TEMPLATES = [SC, ATTENTION, OUT, DELIVERED]
USERS = ("alice", "bob", "carol")
CREDITS_EACH = 2  # of every template: more than the journey needs, so every change is told
KILL_AT_STEP = 4  # the primary dies while this change (an exception) is being told
SEND_LATENCY_MS = 400  # with one send at a time, the kill lands between two watchers' sends
# What each watcher is told on this journey: the exception, the way back in transit, out for
# delivery, delivered.
TOLD_EACH = {SC: 1, ATTENTION: 1, OUT: 1, DELIVERED: 1}
# Once Sentinel has promoted the replica, connections move over within a retry or two.
RECONNECT_GRACE_SECONDS = 2.0


class Probe(threading.Thread):
    """Calls the API the whole time (a watched list, a cached lookup, the health check) and
    keeps every answer's status with its time."""

    def __init__(self, url: str, token: str, number: str) -> None:
        super().__init__(daemon=True)
        self.paths = [("/api/v1/parcels", token), (f"/api/v1/track?numbers={number}", None),
                      ("/healthz", None)]  # fmt: skip
        self.url, self.answers = url, []
        self.stopping = threading.Event()

    def run(self) -> None:
        session = requests.Session()
        while not self.stopping.is_set():
            for path, token in self.paths:
                headers = {"Authorization": f"Bearer {token}"} if token else {}
                try:
                    response = session.get(self.url + path, headers=headers, timeout=30)
                except requests.RequestException as error:  # the API itself must not fail
                    self.answers.append((time.monotonic(), path, repr(error), ""))
                    continue
                retry_after = response.headers.get("Retry-After", "")
                self.answers.append((time.monotonic(), path, response.status_code, retry_after))
            time.sleep(0.05)


@pytest.fixture
def failover_stack(redis_url, redis_client, tmp_path):
    """(product stack, sandbox world URL, topology): the product on a Sentinel topology of
    its own, the sandboxes on the test Redis."""
    binary, reason = binary_or_reason()
    if binary is None:
        pytest.skip(reason)
    with running("sentinel") as topology:
        (tmp_path / "product").mkdir()
        (tmp_path / "world").mkdir()
        product = Stack(redis_url, tmp_path / "product", QUIET_HOURS="off",
                        POLL_INTERVAL_SCALE="0.0001", FANOUT_CONCURRENCY="1",
                        RATE_LIMIT_ANONYMOUS="100000/minute", RATE_LIMIT_USER="100000/minute",
                        **topology.env())  # fmt: skip
        world = Stack(redis_url, tmp_path / "world", QUIET_HOURS="off",
                      PUBLIC_BASE_URL=product.url, SANDBOX_PUSH_URL=product.url)  # fmt: skip
        world.start_api()
        product.env["SANDBOX_BASE_URL"] = f"{world.url}/_sandbox"
        try:
            product.start_api()
            product.start_worker()
            yield product, world.url, topology
        finally:
            product.stop()
            world.stop()


def promoted_after(topology, old_port: int, timeout: float = 30) -> float:
    """The moment the sentinels name a new primary."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if topology.current_primary() != old_port:
                return time.monotonic()
        except Exception:  # noqa: BLE001 - a sentinel may be busy electing: ask again
            pass
        time.sleep(0.02)
    raise AssertionError("Sentinel never promoted the replica")


def test_a_failover_mid_journey_loses_and_doubles_nothing(failover_stack):
    product, world_url, topology = failover_stack
    journey = Journey(product.url, Where(topology.data_client(), topology.queue_client()),
                      sandbox_url=world_url)  # fmt: skip
    tokens = {user: journey.login(user) for user in USERS}
    for user in USERS:
        journey.watch(tokens[user])
        for _ in range(CREDITS_EACH):
            journey.subscribe_in_popup(user, TEMPLATES)
    granted = {user: journey.get("/api/v1/subscriptions", tokens[user])["credits"]
               for user in USERS}  # fmt: skip
    assert all(credits == dict.fromkeys(TEMPLATES, CREDITS_EACH) for credits in granted.values())
    # WeChat takes a while per send: the kill lands while the watchers are being told.
    journey.post("/_sandbox/wechat/faults", json={"latency_ms": SEND_LATENCY_MS})
    probe = Probe(product.url, tokens["alice"], journey.number)
    probe.start()
    worker = product.workers[0]
    statuses, killed_at, promoted_at = [], 0.0, 0.0
    while not statuses or statuses[-1] != "delivered":
        if len(statuses) + 1 == KILL_AT_STEP:
            told_before = len(journey.messages())
            status = journey.post(f"/_sandbox/ups/parcels/{journey.number}/advance")["status"]
            # The first watcher has been told; the next send is on its way.
            journey.wait(lambda n=told_before: len(journey.messages()) > n, "nothing was sent")
            old_primary = topology.current_primary()
            killed_at = time.monotonic()  # the signal's moment: its effect is immediate
            topology.primary.kill()
            journey.patient = True
            promoted_at = promoted_after(topology, old_primary)
            journey.wait(lambda s=status: journey.settled(s), f"worker never reached {status}")
            statuses.append(status)
        else:
            statuses.append(journey.advance_and_settle())
    time.sleep(2)  # anything extra (a duplicate) would arrive now
    probe.stopping.set()
    probe.join()

    # The API: no 500 ever; 503s (with Retry-After) only between the kill and the promotion.
    failures = [a for a in probe.answers if a[2] != 200 and a[2] != 503]
    assert not failures, failures[:5]
    unavailable = [a for a in probe.answers if a[2] == 503]
    assert all(int(a[3]) > 0 for a in unavailable), "a 503 without Retry-After"
    early = [(round(a[0] - killed_at, 3), a[1]) for a in unavailable if a[0] < killed_at]
    assert not early, f"503 before the kill (seconds before, path): {early}"
    promotion = promoted_at - killed_at
    last_503 = max([a[0] for a in unavailable] + [t for t, _ in journey.unavailable] or [killed_at])
    window = last_503 - killed_at
    print(f"\nfailover: promotion took {promotion:.2f} s; 503s for {window:.2f} s after the "
          f"kill ({len(unavailable)} probe answers); {len(probe.answers)} probe calls")  # fmt: skip
    assert window <= promotion + RECONNECT_GRACE_SECONDS, (window, promotion)

    # The worker rode it out: the same process, still running.
    assert worker.poll() is None and product.workers == [worker]

    # Every watcher was told every notified change once, the same changes for all three.
    messages = journey.messages()
    assert len({signature(m) for m in messages}) == len(messages), "a message was sent twice"
    per_user = _per_user(messages)
    assert len(per_user) == 3 and len(set(map(_frozen, per_user.values()))) == 1, per_user
    told = next(iter(per_user.values()))
    assert told == TOLD_EACH and statuses[KILL_AT_STEP - 1] == "exception", (told, statuses)

    # Credits: each message spent exactly one, nothing else moved.
    for user in USERS:
        left = journey.get("/api/v1/subscriptions", tokens[user])["credits"]
        spent = {template: CREDITS_EACH - left.get(template, 0) for template in TEMPLATES}
        assert spent == {template: told.get(template, 0) for template in TEMPLATES}, (user, left)


def _per_user(messages: list[dict]) -> dict[str, Counter]:
    users: dict[str, Counter] = {}
    for message in messages:
        users.setdefault(message["touser"], Counter())[message["template_id"]] += 1
    return users


def _frozen(counter: Counter) -> frozenset:
    return frozenset(counter.items())
