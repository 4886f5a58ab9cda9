"""Real Redis topologies for tests, started from the server binary on free loopback ports:
a 3-primary Redis Cluster (plus the plain Redis RQ needs beside it), and a primary with one
replica watched by three sentinels. Each knows the environment that points the API and the
worker at it, and hands out clients the way the product builds them."""

from __future__ import annotations

import contextlib
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import redis

from backend.adapters import redis_conn
from backend.adapters.embedded_redis import EmbeddedRedisError, die_with_parent, server_binary

MASTER = "upt-primary"
DOWN_AFTER_MS = 1000  # how long sentinels wait before calling the primary down
CLUSTER_SLOTS = 16384


def binary_or_reason() -> tuple[str | None, str]:
    """The server binary topology tests start, or why there is none."""
    try:
        return server_binary(), ""
    except EmbeddedRedisError as error:
        return None, f"no redis-server/valkey-server binary on this machine: {error}"


class Server:
    """One server process on a free port, in its own directory; killed like a crash."""

    def __init__(self, directory: Path, *args: str, binary: str | None = None) -> None:
        self.binary = binary or server_binary()
        self.port = redis_conn.free_port()
        self.dir = directory / str(self.port)
        self.dir.mkdir(parents=True)
        self._args = args
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, *extra: str) -> Server:
        self.process = subprocess.Popen(
            [self.binary, *extra, "--port", str(self.port), "--bind", "127.0.0.1",
             "--dir", str(self.dir), "--save", "", "--appendonly", "no",
             "--loglevel", "warning", "--logfile", str(self.dir / "server.log"), *self._args],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=die_with_parent,
        )  # fmt: skip
        return self

    def client(self) -> redis.Redis:
        return redis.Redis(port=self.port, decode_responses=True, socket_timeout=5)

    def wait_ready(self, timeout: float = 15) -> None:
        deadline = time.monotonic() + timeout
        while not redis_conn.is_reachable(self.url, timeout=0.2):
            if time.monotonic() > deadline or (self.process and self.process.poll() is not None):
                raise RuntimeError(f"server on port {self.port} did not start: see {self.dir}")
            time.sleep(0.05)

    def kill(self) -> None:
        """SIGKILL: no shutdown, no last write flushed anywhere."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.kill()


class Topology:
    """What a test needs of a topology: the processes' environment and clients."""

    kind = ""
    servers: list[Server]

    def env(self) -> dict[str, str]:
        raise NotImplementedError

    def data_client(self, decode: bool = True) -> redis.Redis:
        raise NotImplementedError

    def queue_client(self) -> redis.Redis:
        raise NotImplementedError

    def flush(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        for server in self.servers:
            server.stop()


class ClusterTopology(Topology):
    """Three primaries sharing the 16,384 slots, and a plain Redis for RQ."""

    kind = "cluster"

    def __init__(self, directory: Path) -> None:
        # The bus port gets a free port of its own (default: port + 10000, maybe past 65535).
        self.buses = [redis_conn.free_port() for _ in range(3)]
        self.nodes = [
            Server(directory, "--cluster-enabled", "yes", "--cluster-node-timeout", "2000",
                   "--cluster-config-file", "nodes.conf", "--cluster-port", str(bus))
            for bus in self.buses
        ]  # fmt: skip
        self.queue = Server(directory)
        self.servers = [*self.nodes, self.queue]

    def start(self) -> ClusterTopology:
        for server in self.servers:
            server.start()
        for server in self.servers:
            server.wait_ready()
        share = CLUSTER_SLOTS // len(self.nodes)
        for index, node in enumerate(self.nodes):
            last = CLUSTER_SLOTS - 1 if index == len(self.nodes) - 1 else (index + 1) * share - 1
            node.client().execute_command("CLUSTER", "ADDSLOTSRANGE", index * share, last)
        for node, bus in zip(self.nodes[1:], self.buses[1:], strict=True):
            self.nodes[0].client().execute_command("CLUSTER", "MEET", "127.0.0.1", node.port, bus)
        _wait(self._healthy, "the cluster never became healthy")
        return self

    def _healthy(self) -> bool:
        for node in self.nodes:
            info = node.client().execute_command("CLUSTER", "INFO")
            if "cluster_state:ok" not in info or "cluster_known_nodes:3" not in info:
                return False
        return True

    def env(self) -> dict[str, str]:
        return {"REDIS_CLUSTER": "1", "REDIS_URL": self.nodes[0].url,
                "QUEUE_REDIS_URL": self.queue.url}  # fmt: skip

    def data_client(self, decode: bool = True) -> redis.Redis:
        target = redis_conn.RedisTarget(self.nodes[0].url, cluster=True)
        return redis_conn.connect_data(target, decode=decode)

    def queue_client(self) -> redis.Redis:
        return redis_conn.connect(self.queue.url, decode=False)

    def flush(self) -> None:
        for server in self.servers:
            server.client().flushall()


class SentinelTopology(Topology):
    """A primary, its replica, and three sentinels that promote the replica when the primary
    has not answered for DOWN_AFTER_MS (a quorum of two)."""

    kind = "sentinel"

    def __init__(self, directory: Path) -> None:
        self.primary = Server(directory)
        self.replica = Server(directory)
        self.sentinels = [Server(directory) for _ in range(3)]
        self.servers = [self.primary, self.replica, *self.sentinels]

    def start(self) -> SentinelTopology:
        self.primary.start()
        self.primary.wait_ready()
        self.replica.start("--replicaof", "127.0.0.1", str(self.primary.port))
        self.replica.wait_ready()
        for sentinel in self.sentinels:
            config = sentinel.dir / "sentinel.conf"
            config.write_text(
                f"sentinel monitor {MASTER} 127.0.0.1 {self.primary.port} 2\n"
                f"sentinel down-after-milliseconds {MASTER} {DOWN_AFTER_MS}\n"
                f"sentinel failover-timeout {MASTER} 10000\n"
                f"sentinel parallel-syncs {MASTER} 1\n"
            )
            sentinel.process = subprocess.Popen(
                [server_binary(), str(config), "--sentinel", "--port", str(sentinel.port),
                 "--bind", "127.0.0.1", "--dir", str(sentinel.dir),
                 "--logfile", str(sentinel.dir / "sentinel.log")],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                preexec_fn=die_with_parent,
            )  # fmt: skip
        for sentinel in self.sentinels:
            sentinel.wait_ready()
        _wait(self._watching, "the sentinels never saw the replica and each other", timeout=30)
        return self

    def _watching(self) -> bool:
        """Every sentinel knows the replica (in sync) and the two other sentinels."""
        if self.replica.client().info("replication").get("master_link_status") != "up":
            return False
        for sentinel in self.sentinels:
            state = sentinel.client().sentinel_master(MASTER)
            if state.get("num-slaves") != 1 or state.get("num-other-sentinels") != 2:
                return False
        return True

    def sentinel_list(self) -> str:
        return ",".join(f"127.0.0.1:{sentinel.port}" for sentinel in self.sentinels)

    def env(self) -> dict[str, str]:
        return {
            "REDIS_SENTINELS": self.sentinel_list(),
            "REDIS_SENTINEL_MASTER": MASTER,
            "REDIS_URL": "redis://127.0.0.1:1/0",
        }  # fmt: skip  (its host is never used)

    def target(self) -> redis_conn.RedisTarget:
        sentinels = tuple(("127.0.0.1", sentinel.port) for sentinel in self.sentinels)
        return redis_conn.RedisTarget("redis://127.0.0.1:1/0", sentinels, MASTER)

    def data_client(self, decode: bool = True) -> redis.Redis:
        return redis_conn.connect_data(self.target(), decode=decode)

    def queue_client(self) -> redis.Redis:
        return redis_conn.connect_queue(self.target(), "")

    def current_primary(self) -> int:
        """The port the sentinels name as the primary now."""
        host_port = self.sentinels[0].client().sentinel_get_master_addr_by_name(MASTER)
        return int(host_port[1])

    def flush(self) -> None:
        client = self.data_client()
        client.flushall()
        client.execute_command("WAIT", 1, 2000)
        client.close()


def _wait(condition, failure: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(redis.RedisError):
            if condition():
                return
        time.sleep(0.1)
    raise RuntimeError(failure)


@contextlib.contextmanager
def running(kind: str) -> Iterator[Topology]:
    """A fresh topology of `kind` ("cluster" or "sentinel") for as long as the block runs."""
    with tempfile.TemporaryDirectory(prefix=f"redis-{kind}-") as directory:
        topology = (ClusterTopology if kind == "cluster" else SentinelTopology)(Path(directory))
        try:
            yield topology.start()
        finally:
            topology.stop()
