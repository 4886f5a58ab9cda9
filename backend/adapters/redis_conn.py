"""Redis connections: clients from a URL, reachability checks, free ports."""

from __future__ import annotations

import socket
from urllib.parse import urlparse

import redis

# Every Redis call is bounded so a dead Redis turns into an error, not a hung request.
SOCKET_TIMEOUT_SECONDS = 5.0


def connect(url: str, *, decode: bool = True) -> redis.Redis:
    """A client for `url`; RQ needs `decode=False` because it stores pickled bytes."""
    return redis.Redis.from_url(
        url,
        decode_responses=decode,
        socket_timeout=SOCKET_TIMEOUT_SECONDS,
        socket_connect_timeout=SOCKET_TIMEOUT_SECONDS,
        health_check_interval=30,
    )


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
