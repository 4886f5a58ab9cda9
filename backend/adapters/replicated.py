"""Writes that must not be lost in a failover, confirmed by a replica (WAIT) before they count.

Redis replicates asynchronously: a primary that dies a moment after acknowledging a write may
take it along, and the promoted replica never saw it. For the facts nothing can rebuild (a
user's credits, the claims that make each notification go out once, the user's watches) the
write and a `WAIT <replicas> <ms>` go down one connection in one pipeline, so WAIT covers
exactly that write; fewer confirmations than asked for raise NotReplicated (a
ConnectionError: the API answers 503, a job tries again later).

WAIT asks for at most the replicas the primary has connected right now (looked up once a
second): after a failover the promoted primary has none until the old one comes back as its
replica, and a write made while no replica exists cannot be lost to a promotion (there is
nobody to promote; a replica that attaches later copies it). Without this, one failover
would stop every credit and claim until an operator added a replica. The write may still be on
the primary: every caller's write is idempotent or guarded (a claim stays "sending" until its
lease, an acceptance is paired by side), so a retry neither loses nor doubles anything.

What is not confirmed is rebuilt: the tracking state and pending changes from UPS on the next
refresh (change ids are derived from the scan, so a change found again is the same change and
its confirmed claims still hold), the schedule from each refresh's lease, caches from UPS.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from typing import Any, cast

import redis
from redis.commands.core import Script

from backend.adapters.redis_conn import NotReplicated


class Replicated:
    """Runs one key's writes, then WAITs for `replicas` (0: plain writes, nothing waited)."""

    def __init__(self, client: redis.Redis, replicas: int = 0, timeout_ms: int = 500) -> None:
        self._client = client
        self.replicas = replicas
        self._timeout_ms = timeout_ms
        self._connected: dict[int, tuple[float, int]] = {}  # node client id -> (when, count)
        self._lock = threading.Lock()

    def script(self, script: Script, keys: Sequence[str], args: Sequence[Any]) -> Any:
        """Run a registered script on `keys` (one slot), confirmed."""
        if not self.replicas:
            return script(keys=list(keys), args=list(args))
        return self.write(keys[0], lambda pipe: script(keys=list(keys), args=list(args),
                                                       client=pipe))[0]  # fmt: skip

    def write(self, key: str, commands: Callable[[Any], object]) -> list[Any]:
        """`commands(pipe)` queues writes on `key`'s slot; their answers once confirmed."""
        node = self._node(key)
        wanted = min(self.replicas, self._replicas_of(node)) if self.replicas else 0
        pipe = node.pipeline(transaction=False)
        commands(pipe)
        if not wanted:
            return pipe.execute()
        pipe.execute_command("WAIT", wanted, self._timeout_ms)
        *answers, confirmed = pipe.execute()
        if int(confirmed) < wanted:
            raise NotReplicated(
                f"{confirmed} of {wanted} replicas confirmed a write within {self._timeout_ms} ms"
            )
        return answers

    def _replicas_of(self, node: redis.Redis) -> int:
        """How many replicas `node`'s primary has connected (cached for a second)."""
        now = time.monotonic()
        with self._lock:
            seen = self._connected.get(id(node))
        if seen and now - seen[0] < 1.0:
            return seen[1]
        count = int(node.info("replication").get("connected_slaves", 0))
        with self._lock:
            self._connected[id(node)] = (now, count)
        return count

    def _node(self, key: str) -> redis.Redis:
        """The client whose one connection reaches `key`'s primary (WAIT counts the
        replicas that have what this connection wrote: same connection, same node)."""
        if self.replicas and hasattr(self._client, "get_node_from_key"):  # a cluster
            cluster = cast(Any, self._client)  # a RedisCluster (connect_data casts it)
            return cast(redis.Redis, cluster.get_redis_connection(cluster.get_node_from_key(key)))
        return self._client
