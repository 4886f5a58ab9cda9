"""What the Redis topologies add to the stores: the schedule's shards (and the move from the
one set it was before), shards spread over a cluster's nodes, writes confirmed by a replica,
and the settings that choose a topology."""

from __future__ import annotations

import time

import pytest

from backend.adapters import redis_conn, redis_keys
from backend.adapters.credit_ledger import RedisCreditLedger
from backend.adapters.refresh_store import RedisRefreshSchedule
from backend.adapters.replicated import Replicated
from backend.settings import Settings, SettingsError
from tests.support.numbers import make_1z

NUMBERS = [make_1z("SHARDS", i) for i in range(1, 41)]


def test_a_schedule_written_before_the_shards_is_moved_into_them(redis_client):
    legacy = redis_keys.legacy_schedule()
    redis_client.zadd(legacy, {number: 100.0 + i for i, number in enumerate(NUMBERS)})
    schedule = RedisRefreshSchedule(redis_client)
    schedule.set_if_sooner(NUMBERS[0], 50.0)  # rescheduled sooner since: the sooner time wins
    assert schedule.take_due(110.0, 100, 60.0) == NUMBERS[:11]
    assert not redis_client.exists(legacy)
    assert redis_client.zscore(redis_keys.schedule(NUMBERS[0]), NUMBERS[0]) == 170.0  # leased
    assert schedule.size() == len(NUMBERS)
    assert len({redis_keys.schedule(number) for number in NUMBERS}) > 8  # spread over shards


def test_take_due_stops_at_its_limit_and_says_more_is_due_only_when_it_is(redis_client):
    schedule = RedisRefreshSchedule(redis_client)
    for i, number in enumerate(NUMBERS):
        schedule.set(number, 100.0 + i)
    first = schedule.take_due(1000.0, 25, 60.0)
    assert len(first) == 25 and first == sorted(first, key=NUMBERS.index)  # overdue first
    second = schedule.take_due(1000.0, 25, 60.0)
    assert sorted(first + second) == sorted(NUMBERS)  # fewer than 25: nothing more is due
    assert schedule.take_due(1000.0, 25, 60.0) == [] and schedule.most_overdue() == 1060.0


@pytest.mark.topology
def test_on_a_cluster_the_schedule_shards_live_on_every_node(redis_topologies):
    topology = redis_topologies("cluster")
    topology.flush()
    client = topology.data_client()
    nodes = {client.get_node_from_key(shard).name for shard in redis_keys.schedule_shards()}
    assert len(nodes) == 3
    schedule = RedisRefreshSchedule(client)
    for i, number in enumerate(NUMBERS):
        schedule.set(number, 100.0 + i)
    assert schedule.take_due(1000.0, 100, 60.0) == NUMBERS
    client.close()


@pytest.mark.topology
def test_a_confirmed_write_is_on_the_replica_when_it_returns(redis_topologies):
    topology = redis_topologies("sentinel")
    topology.flush()
    client = topology.data_client()
    ledger = RedisCreditLedger(client, Replicated(client, replicas=1, timeout_ms=2000))
    replica = topology.replica.client()
    for attempt in range(20):  # each read follows its write at once: no waiting for the copy
        ledger.record_answer(f"o-wait-{attempt}", "tpl", "accept", side="client")
        assert replica.hget(redis_keys.credits(f"o-wait-{attempt}"), "tpl") == "1"
    client.close()


@pytest.mark.topology
def test_a_write_with_no_replica_attached_needs_no_confirmation(redis_topologies, tmp_path):
    """A promoted primary has no replica until its old partner returns: its writes cannot be
    lost to a promotion, so waiting for a replica must not block them."""
    from tests.support.topologies import Server

    lonely = Server(tmp_path).start()
    lonely.wait_ready()
    client = redis_conn.connect(lonely.url)
    started = time.monotonic()
    RedisCreditLedger(client, Replicated(client, 1, 5000)).record_answer("o", "t", "accept", "push")
    assert time.monotonic() - started < 2.0 and client.hget(redis_keys.credits("o"), "t") == "1"
    client.close()
    lonely.stop()


def test_the_settings_choose_one_topology_and_say_what_is_missing():
    env = {"SANDBOX": "1", "REDIS_SENTINELS": "10.0.0.1:26379, 10.0.0.2:26379"}
    with pytest.raises(SettingsError, match="REDIS_SENTINEL_MASTER"):
        Settings.from_env(env)
    settings = Settings.from_env({**env, "REDIS_SENTINEL_MASTER": "main"})
    assert settings.redis_sentinels == (("10.0.0.1", 26379), ("10.0.0.2", 26379))
    assert settings.redis_wait_replicas == 1
    with pytest.raises(SettingsError, match="QUEUE_REDIS_URL"):
        Settings.from_env({"SANDBOX": "1", "REDIS_CLUSTER": "1"})
    with pytest.raises(SettingsError, match="exclude"):
        Settings.from_env({**env, "REDIS_SENTINEL_MASTER": "m", "REDIS_CLUSTER": "1",
                           "QUEUE_REDIS_URL": "redis://q:6379/0"})  # fmt: skip
    with pytest.raises(SettingsError, match="host:port"):
        Settings.from_env({"SANDBOX": "1", "REDIS_SENTINELS": "nohost"})
    plain = Settings.from_env({"SANDBOX": "1"})
    assert (plain.redis_cluster, plain.redis_wait_replicas, plain.queue_redis_url) == (False, 0, "")
