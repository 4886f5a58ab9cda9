"""The WeChat access token: stable_token, stored in Redis, refreshed by one process at a time."""

from __future__ import annotations

import logging
import time
from typing import Any

import requests

from backend.adapters import redis_keys, redis_lock
from backend.adapters.wechat.errors import error_for, json_object, unreachable

log = logging.getLogger(__name__)

# Stored tokens vanish this long before WeChat's expiry, so no process uses a dying one.
TOKEN_SAFETY_SECONDS = 60
# The refresher's lock outlives a worst-case token fetch; others wait a little less.
LOCK_SECONDS = 30
LOCK_WAIT_SECONDS = 15
# WeChat allows force_refresh 20 times a day, at least 30 s apart; we stay inside that.
FORCE_PER_DAY = 20
FORCE_SPACING_SECONDS = 30


class StableTokenMixin:
    """Token handling for a wechatpy client with `_redis`, `session` (RedisStorage), `_http`."""

    # What the wechatpy client this mixes into provides (wechatpy ships no types).
    appid: str
    secret: str
    timeout: float | None
    API_BASE_URL: str
    access_token_key: str
    session: Any
    _http: Any
    _redis: Any

    @property
    def access_token(self) -> str:
        """The shared token; Redis's TTL decides when it is due, for every process alike."""
        token = self.session.get(self.access_token_key)
        return token or self.refresh_access_token(rejected=None)

    def fetch_access_token(self, force_refresh: bool = False) -> dict[str, Any]:
        """POST /cgi-bin/stable_token and store the token in Redis; return WeChat's answer.

        https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-access-token/getStableAccessToken.html
        """
        body = {
            "grant_type": "client_credential",
            "appid": self.appid,
            "secret": self.secret,
            "force_refresh": force_refresh,
        }
        try:
            response = self._http.post(
                self.API_BASE_URL + "stable_token", json=body, timeout=self.timeout
            )
        except requests.RequestException as error:
            raise unreachable(f"stable_token failed: {type(error).__name__}") from None
        result = _token_answer(response)
        expires_in = int(result.get("expires_in") or 7200)
        ttl = max(1, expires_in - TOKEN_SAFETY_SECONDS)
        self.session.set(self.access_token_key, result["access_token"], ttl)
        log.info("fetched a WeChat access token (force_refresh=%s, ttl %ss)", force_refresh, ttl)
        return result

    def refresh_access_token(self, rejected: str | None) -> str:
        """A usable token, fetched by at most one process at a time (Redis lock).

        `rejected` is a token WeChat just refused: it is replaced, with force_refresh only
        when stable_token hands the very same token back.
        """
        key = redis_keys.wechat_token_lock(self.appid)
        with redis_lock.held(self._redis, key, LOCK_SECONDS, LOCK_WAIT_SECONDS) as acquired:
            if not acquired:
                return self._stored_token_other_than(rejected)
            stored = self.session.get(self.access_token_key)
            if stored and stored != rejected:
                return stored  # another process refreshed while we waited for the lock
            fresh = self.fetch_access_token()["access_token"]
            if rejected is not None and fresh == rejected:
                if not self._may_force_refresh():
                    raise unreachable(
                        "WeChat keeps refusing its stable token; force_refresh is rate limited"
                    )
                fresh = self.fetch_access_token(force_refresh=True)["access_token"]
            return fresh

    def _may_force_refresh(self, now: float | None = None) -> bool:
        """Spend one of today's forced refreshes (China's day), if one is left and 30 s passed.

        Called with the token lock held, so processes do not race for the budget.
        """
        now = time.time() if now is None else now
        day = time.strftime("%Y%m%d", time.gmtime(now + 8 * 3600))
        key = redis_keys.wechat_forced_refreshes(self.appid)
        seen = self._redis.hgetall(key)
        used = int(seen.get("count", 0)) if seen.get("day") == day else 0
        if used >= FORCE_PER_DAY or now - float(seen.get("last", 0)) < FORCE_SPACING_SECONDS:
            log.warning("WeChat force_refresh skipped: %s used today, last %ss ago", used,
                        int(now - float(seen.get("last", 0))))  # fmt: skip
            return False
        self._redis.hset(key, mapping={"day": day, "count": used + 1, "last": now})
        self._redis.expire(key, 2 * 24 * 3600)
        return True

    def _stored_token_other_than(self, rejected: str | None) -> str:
        stored = self.session.get(self.access_token_key)
        if not stored or stored == rejected:
            raise unreachable("another process is still refreshing the WeChat access token")
        return stored


def _token_answer(response: requests.Response) -> dict[str, Any]:
    result = json_object(response, "stable_token")
    if not result.get("access_token"):
        raise error_for(int(result.get("errcode") or -1), str(result.get("errmsg", "")))
    return result
