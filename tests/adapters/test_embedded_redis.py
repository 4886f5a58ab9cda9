"""The embedded server `make run` and `make test` start without a Redis answers everything
RQ, redis-py and our request budgets ask of a Redis (the commands the old in-process emulation
got wrong), and leaves nothing behind when stopped."""

from __future__ import annotations

import pytest
import redis
from rq import Queue, SimpleWorker

from backend.adapters import redis_conn
from backend.adapters.embedded_redis import EmbeddedRedis, server_binary
from backend.adapters.rate_counter import RateCounter
from tests.support import jobs


@pytest.fixture(scope="module")
def server():
    with EmbeddedRedis() as embedded:
        yield embedded


@pytest.fixture
def client(server):
    connection = redis_conn.connect(server.url)
    yield connection
    connection.flushall()
    connection.close()


def test_the_server_is_the_bundled_valkey_binary():
    assert server_binary().endswith("valkey-server")


def test_client_info_answers_with_an_address_as_rq_expects(client):
    host, port = client.client_info()["addr"].rsplit(":", 1)
    assert host == "127.0.0.1" and int(port) > 0


def test_scripts_by_sha_and_redis_py_locks_work(client):
    double = client.register_script("return tonumber(ARGV[1]) * 2")
    assert double(args=[21]) == 42
    client.script_flush()
    assert double(args=[4]) == 8  # NOSCRIPT → redis-py loads it again
    lock = client.lock("lock:test", timeout=5)
    assert lock.acquire(blocking=False)
    assert not client.lock("lock:test", timeout=5).acquire(blocking=False)
    lock.release()


def test_blocking_pop_and_pubsub(client):
    client.rpush("q", "a")
    assert client.blmove("q", "q2", timeout=1) == "a"
    pubsub = client.pubsub()
    pubsub.subscribe("channel")
    assert pubsub.get_message(timeout=1)["type"] == "subscribe"
    client.publish("channel", "hello")
    assert pubsub.get_message(timeout=1)["data"] == "hello"
    pubsub.close()


def test_an_rq_worker_runs_a_job(server, client):
    connection = redis_conn.connect(server.url, decode=False)
    queue = Queue("embedded-test", connection=connection)
    job = queue.enqueue(jobs.add, 2, 3)
    SimpleWorker([queue], connection=connection).work(burst=True)
    job.refresh()
    assert job.is_finished and job.return_value() == 5
    connection.close()


def test_request_budgets_count_on_it(client):
    counter = RateCounter(client)
    answers = [counter.allow([("login", "1.2.3.4", 3, 60)], now=600.0)[0] for _ in range(4)]
    assert answers == [True, True, True, False]


def test_stopping_leaves_nothing_listening():
    embedded = EmbeddedRedis()
    url = embedded.start()
    assert redis_conn.is_reachable(url)
    embedded.stop()
    assert not redis_conn.is_reachable(url)
    with pytest.raises(redis.ConnectionError):
        redis.Redis.from_url(url, socket_connect_timeout=0.5).ping()
