"""The UPS OAuth token: client credentials, cached in Redis for every process, one refresher."""

from __future__ import annotations

import logging
import secrets
import time
from typing import Any

import redis
import requests

from backend.adapters import redis_keys
from backend.adapters.ups.errors import UpstreamUnavailableError, error_from_payload

log = logging.getLogger(__name__)

TOKEN_PATH = "/security/v1/oauth/token"
# The cached token disappears this long before UPS's expiry, so no call uses a dying one.
SAFETY_SECONDS = 300
# The refresher's lock outlives a slow token call; the others wait for its result meanwhile.
LOCK_SECONDS = 15.0
WAIT_SECONDS = 10.0
POLL_SECONDS = 0.05
# UPS always says "14399"; a missing or garbled expires_in is treated as one hour.
FALLBACK_EXPIRES_IN = 3600


def _text(value: Any) -> str | None:
    """Redis answers str or bytes depending on how the client was built."""
    if isinstance(value, bytes):
        return value.decode("utf-8")
    return value


def cache_seconds(expires_in: Any) -> int:
    """How long to keep a token UPS says lives `expires_in` (a string) seconds."""
    try:
        lifetime = int(str(expires_in).strip())
    except ValueError:
        lifetime = FALLBACK_EXPIRES_IN
    # Short-lived tokens (sandbox tests) keep at least half their life.
    return max(1, lifetime - min(SAFETY_SECONDS, lifetime // 2))


class UpsTokenProvider:
    """Hands out the shared bearer token; fetches a new one at most once at a time."""

    def __init__(
        self,
        session: requests.Session,
        store: redis.Redis,
        base_url: str,
        client_id: str,
        client_secret: str,
    ) -> None:
        self._session = session
        self._redis = store
        self._url = base_url.rstrip("/") + TOKEN_PATH
        self._client_id = client_id
        self._secret = client_secret
        self._key = redis_keys.ups_token(client_id)
        self._lock_key = redis_keys.ups_token_lock(client_id)

    def get(self) -> str:
        """The cached token, or a fresh one when Redis has none (expired or invalidated)."""
        return _text(self._redis.get(self._key)) or self.refresh()

    def invalidate(self, token: str) -> None:
        """Forget `token` (UPS answered 401 to it), unless another process already replaced it."""
        _delete_if_equal(self._redis, self._key, token)

    def refresh(self, rejected: str | None = None) -> str:
        """A token other than `rejected`: fetched here if we win the lock, else awaited."""
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            owner = secrets.token_hex(8)
            if self._redis.set(self._lock_key, owner, nx=True, px=int(LOCK_SECONDS * 1000)):
                try:
                    return self._fetch_unless_replaced(rejected)
                finally:
                    _delete_if_equal(self._redis, self._lock_key, owner)
            stored = _text(self._redis.get(self._key))
            if stored and stored != rejected:
                return stored  # the lock holder's fresh token
            if time.monotonic() >= deadline:
                raise UpstreamUnavailableError("another process is still fetching the UPS token")
            time.sleep(POLL_SECONDS)

    def _fetch_unless_replaced(self, rejected: str | None) -> str:
        stored = _text(self._redis.get(self._key))
        if stored and stored != rejected:
            return stored  # refreshed by someone else between our read and our lock
        token, ttl = self._fetch()
        self._redis.set(self._key, token, ex=ttl)
        return token

    def _fetch(self) -> tuple[str, int]:
        """POST the client-credentials grant; (access_token, seconds to cache it)."""
        started = time.monotonic()
        try:
            response = self._session.post(
                self._url,
                auth=(self._client_id, self._secret),
                data={"grant_type": "client_credentials"},
            )
        except requests.RequestException as error:
            raise UpstreamUnavailableError(
                f"UPS token call failed: {type(error).__name__}"
            ) from None
        elapsed = int((time.monotonic() - started) * 1000)
        log.info("UPS oauth token -> HTTP %s in %d ms", response.status_code, elapsed)
        body = _json(response)
        token = body.get("access_token") if response.status_code == 200 else None
        if not isinstance(token, str) or not token:
            raise error_from_payload(response.status_code, body)
        ttl = cache_seconds(body.get("expires_in"))
        log.info("cached a new UPS token for %s s", ttl)
        return token, ttl


def _json(response: requests.Response) -> dict:
    try:
        body = response.json()
    except ValueError:
        raise UpstreamUnavailableError(
            f"UPS token endpoint answered HTTP {response.status_code}, not JSON",
            http_status=response.status_code,
        ) from None
    return body if isinstance(body, dict) else {}


def _delete_if_equal(store: redis.Redis, key: str, expected: str) -> None:
    """Delete `key` only while it still holds `expected` (WATCH keeps it atomic, no Lua)."""
    with store.pipeline(transaction=True) as pipe:  # a transaction on a cluster too
        try:
            pipe.watch(key)
            if _text(pipe.get(key)) != expected:
                pipe.unwatch()
                return
            pipe.multi()
            pipe.delete(key)
            pipe.execute()
        except redis.WatchError:
            pass  # the key changed meanwhile: it no longer holds what we meant to delete
