"""One UPS-wide pause: when UPS answers 429 or 503 with Retry-After, every process waits.

Kept in Redis so that all API and worker processes honour it; a longer pause never gets
shortened by a later, shorter Retry-After.
"""

from __future__ import annotations

import email.utils
import time

import redis
import requests

from backend.adapters import redis_keys

PAUSE_STATUSES = frozenset({429, 503})
MAX_PAUSE_SECONDS = 600  # a Retry-After beyond this is taken as this (a typo must not stop us)

# KEYS: pause key. ARGV: milliseconds. Set (or lengthen) the pause, never shorten it.
_LENGTHEN = """
if redis.call('pttl', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('set', KEYS[1], '1', 'PX', ARGV[1])
  return 1
end
return 0
"""


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Retry-After as seconds: delta-seconds or an HTTP date; None when absent or unreadable."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    now = time.time() if now is None else now
    return max(0.0, moment.timestamp() - now)


class UpsPause:
    """How long every caller must still wait before calling UPS again."""

    def __init__(self, client: redis.Redis) -> None:
        self._redis = client
        self._lengthen = client.register_script(_LENGTHEN)

    def left(self) -> float:
        """Seconds of the UPS-wide pause still to go (0 when none)."""
        ttl = self._redis.pttl(redis_keys.ups_pause())
        return ttl / 1000 if ttl and ttl > 0 else 0.0

    def note(self, response: requests.Response) -> float:
        """Start (or lengthen) the pause a 429/503 answer asks for; its length in seconds."""
        if response.status_code not in PAUSE_STATUSES:
            return 0.0
        seconds = retry_after_seconds(response.headers.get("Retry-After"))
        if not seconds:
            return 0.0
        seconds = min(seconds, MAX_PAUSE_SECONDS)
        self._lengthen([redis_keys.ups_pause()], [int(seconds * 1000)])
        return seconds
