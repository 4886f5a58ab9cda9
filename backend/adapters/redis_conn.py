"""Redis connections: which topology the data lives on (one server, Sentinel, Cluster), the
queue's own server, reachability checks, free ports.

Three ways to reach the data, chosen by the environment (backend/settings.py):
- one Redis at REDIS_URL;
- Sentinel: REDIS_SENTINELS name the sentinels, which name the current primary of
  REDIS_SENTINEL_MASTER; a failover moves every new connection to the promoted replica;
- Cluster: REDIS_URL names any node; redis-py follows the slot map (keys are hash-tagged so
  every script and transaction stays in one slot, see redis_keys).
RQ always runs on a plain Redis (QUEUE_REDIS_URL, else the data's server): its keys span slots.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from typing import cast
from urllib.parse import unquote, urlparse

import redis
from redis.cluster import RedisCluster
from redis.sentinel import Sentinel

# Every Redis call is bounded so a dead Redis turns into an error, not a hung request.
SOCKET_TIMEOUT_SECONDS = 5.0
# While a primary is down its port may not even refuse: connecting gives up sooner.
CONNECT_TIMEOUT_SECONDS = 2.0

# What a Redis that is failing over (or unreachable) raises: the web layer answers 503 with
# Retry-After, the worker's steps and jobs try again later. A replica that was the primary
# answers writes with READONLY; a cluster shard being promoted answers CLUSTERDOWN/TRYAGAIN.
UNAVAILABLE: tuple[type[Exception], ...] = (
    redis.exceptions.ConnectionError,  # includes Sentinel's MasterNotFoundError
    redis.exceptions.TimeoutError,
    redis.exceptions.ReadOnlyError,
    redis.exceptions.ClusterDownError,  # includes MASTERDOWN
    redis.exceptions.TryAgainError,
    redis.exceptions.SlotNotCoveredError,
)


class NotReplicated(redis.exceptions.ConnectionError):
    """A write that must survive a failover was not confirmed by a replica in time."""


@dataclass(frozen=True)
class RedisTarget:
    """Where the data lives and how to reach it."""

    url: str
    sentinels: tuple[tuple[str, int], ...] = ()
    sentinel_master: str = ""
    sentinel_password: str = ""
    cluster: bool = False

    @property
    def kind(self) -> str:
        return "cluster" if self.cluster else "sentinel" if self.sentinels else "single"


def _timeouts() -> dict:
    return {
        "socket_timeout": SOCKET_TIMEOUT_SECONDS,
        "socket_connect_timeout": CONNECT_TIMEOUT_SECONDS,
    }


def connect(url: str, *, decode: bool = True) -> redis.Redis:
    """A client for `url`; RQ needs `decode=False` because it stores pickled bytes."""
    return redis.Redis.from_url(
        url, decode_responses=decode, health_check_interval=30, **_timeouts()
    )


def connect_data(target: RedisTarget, *, decode: bool = True) -> redis.Redis:
    """A client for the product's data on `target`'s topology (not connected yet)."""
    if target.cluster:
        # A cluster client serves the same commands the stores use, keys kept in one slot.
        cluster = RedisCluster.from_url(target.url, decode_responses=decode, **_timeouts())
        return cast(redis.Redis, cluster)
    if target.sentinels:
        return _sentinel(target).master_for(
            target.sentinel_master,
            redis_class=redis.Redis,
            decode_responses=decode,
            health_check_interval=30,
            **_url_credentials(target.url),
        )
    return connect(target.url, decode=decode)


def connect_queue(target: RedisTarget, queue_url: str) -> redis.Redis:
    """RQ's connection (no decoding: RQ stores pickles): QUEUE_REDIS_URL, else the data's
    own server (the Sentinel primary too: RQ follows a failover like everything else)."""
    if queue_url:
        return connect(queue_url, decode=False)
    return connect_data(target, decode=False)


def _sentinel(target: RedisTarget) -> Sentinel:
    sentinel_kwargs = {**_timeouts(), "password": target.sentinel_password or None}
    return Sentinel(list(target.sentinels), sentinel_kwargs=sentinel_kwargs, **_timeouts())


def _url_credentials(url: str) -> dict:
    """The primary's user, password and database, from REDIS_URL (its host is ignored)."""
    parsed = urlparse(url or "redis://")
    path = (parsed.path or "/0").strip("/") or "0"
    return {
        "username": unquote(parsed.username) if parsed.username else None,
        "password": unquote(parsed.password) if parsed.password else None,
        "db": int(path) if path.isdigit() else 0,
    }


def answers(client: redis.Redis) -> bool:
    """True when `client`'s Redis (its primary, or every cluster node) answers PING."""
    try:
        return bool(client.ping())
    except (redis.RedisError, OSError):
        return False


def is_reachable(url: str, timeout: float = 0.5) -> bool:
    """True when something answers PING at `url` within `timeout` seconds."""
    try:
        client = redis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout)
        return bool(client.ping())
    except (redis.RedisError, OSError, ValueError):
        return False


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def describe(url: str) -> str:
    """The URL without its password, for logs and banners."""
    parsed = urlparse(url)
    if parsed.password:
        netloc = f"{parsed.username or ''}:***@{parsed.hostname}:{parsed.port or 6379}"
        return parsed._replace(netloc=netloc).geturl()
    return url
