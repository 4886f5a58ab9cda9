"""wechatpy's WeChatClient made safe for many processes: stable_token, Redis, bounded retry."""

from __future__ import annotations

import inspect
import logging
from typing import Any

import redis
import requests
from redis.exceptions import LockError
from wechatpy import WeChatClient as _WeChatClient
from wechatpy.client.api.base import BaseWeChatAPI
from wechatpy.exceptions import WeChatClientException
from wechatpy.session.redisstorage import RedisStorage

from backend.adapters import redis_keys
from backend.adapters.wechat import redact
from backend.adapters.wechat.errors import InvalidTokenError, WeChatError, error_for, unreachable

log = logging.getLogger(__name__)

WECHAT_HOST = "https://api.weixin.qq.com/"
API_TIMEOUT = (3.05, 10.0)  # (connect, read) seconds for every call, the token fetch included
# Stored tokens vanish this long before WeChat's expiry, so no process uses a dying one.
TOKEN_SAFETY_SECONDS = 60
# The refresher's lock outlives a worst-case token fetch; others wait a little less.
LOCK_SECONDS = 30
LOCK_WAIT_SECONDS = 15


class WeChatClient(_WeChatClient):
    """One client per process; the access token lives in Redis and is shared by all of them."""

    def __init__(
        self,
        appid: str,
        secret: str,
        api_base_url: str,
        redis_client: redis.Redis,
        timeout: tuple[float, float] = API_TIMEOUT,
    ) -> None:
        storage = RedisStorage(redis_client, prefix=redis_keys.wechat_storage_prefix())
        # auto_retry=False: wechatpy 1.8.18 retries token errors with unbounded recursion.
        super().__init__(appid, secret, session=storage, timeout=timeout, auto_retry=False)
        self._redis = redis_client
        self.base_url = api_base_url.rstrip("/") + "/"
        self._rebase(self.base_url)
        redact.install()

    def _rebase(self, base: str) -> None:
        """Point every hard-coded api.weixin.qq.com base at `base` (wechat.md §1.4)."""
        self.API_BASE_URL = base + "cgi-bin/"
        # Inspect the class, not the instance: reading `access_token` here would fetch one.
        for name, _ in inspect.getmembers(type(self), lambda v: isinstance(v, BaseWeChatAPI)):
            api = getattr(self, name)
            url = getattr(api, "API_BASE_URL", None)
            if isinstance(url, str) and url.startswith(WECHAT_HOST):
                api.API_BASE_URL = base + url[len(WECHAT_HOST) :]

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
        url = self.API_BASE_URL + "stable_token"
        try:
            response = self._http.post(url, json=body, timeout=self.timeout)
            result = response.json()
        except requests.RequestException as error:
            raise unreachable(f"stable_token failed: {type(error).__name__}") from None
        except ValueError:
            raise unreachable(f"stable_token answered HTTP {response.status_code}, not JSON")
        if not isinstance(result, dict) or not result.get("access_token"):
            errcode = int(result.get("errcode") or -1) if isinstance(result, dict) else -1
            raise error_for(errcode, str(result.get("errmsg", "")) if errcode != -1 else "")
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
        lock = self._redis.lock(
            redis_keys.wechat_token_lock(self.appid),
            timeout=LOCK_SECONDS,
            blocking_timeout=LOCK_WAIT_SECONDS,
        )
        if not lock.acquire():
            return self._stored_token_other_than(rejected)
        try:
            stored = self.session.get(self.access_token_key)
            if stored and stored != rejected:
                return stored  # another process refreshed while we waited for the lock
            fresh = self.fetch_access_token()["access_token"]
            if rejected is not None and fresh == rejected:
                fresh = self.fetch_access_token(force_refresh=True)["access_token"]
            return fresh
        finally:
            try:
                lock.release()
            except LockError:
                log.warning("WeChat token lock expired before the refresh finished")

    def _stored_token_other_than(self, rejected: str | None) -> str:
        stored = self.session.get(self.access_token_key)
        if stored and stored != rejected:
            return stored
        raise unreachable("another process is still refreshing the WeChat access token")

    def call(self, method: str, path: str, **kwargs: Any) -> Any:
        """Call a WeChat API; on a refused token refresh once and retry once, then give up.

        `path` is relative to /cgi-bin/ unless `api_base_url` is passed. Raises a
        WeChatError subclass; InvalidTokenError when the retry is refused too.
        """
        token = self.access_token
        try:
            return self._call_once(method, path, token, dict(kwargs))
        except InvalidTokenError as error:
            log.info("WeChat refused the access token (%s); refreshing once", error.errcode)
        token = self.refresh_access_token(rejected=token)
        return self._call_once(method, path, token, dict(kwargs))

    def _call_once(self, method: str, path: str, token: str, kwargs: dict[str, Any]) -> Any:
        kwargs["params"] = {**(kwargs.get("params") or {}), "access_token": token}
        try:
            return self._request(method, path, **kwargs)
        except WeChatClientException as error:
            raise _translate(error) from None
        except requests.RequestException as error:
            raise unreachable(f"WeChat unreachable: {type(error).__name__}") from None

    def send_subscribe_message(
        self,
        openid: str,
        template_id: str,
        data: dict[str, Any],
        page: str | None = None,
        state: str = "formal",
        lang: str = "zh_CN",
    ) -> str:
        """Send one subscribe message; return WeChat's msgid (as text).

        `data` maps keywords to a value or to {"value": ...}. `state` is formal, trial or
        developer. https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
        """
        body: dict[str, Any] = {
            "touser": openid,
            "template_id": template_id,
            "data": {k: v if isinstance(v, dict) else {"value": v} for k, v in data.items()},
            "miniprogram_state": state,
            "lang": lang,
        }
        if page:
            body["page"] = page
        result = self.call("post", "message/subscribe/send", data=body)
        if not isinstance(result, dict) or "msgid" not in result:
            raise unreachable("subscribe/send answered without a msgid")
        return str(result["msgid"])

    def get_unlimited_code(
        self,
        scene: str,
        page: str,
        width: int = 430,
        env_version: str = "release",
        check_path: bool = False,
    ) -> bytes:
        """A mini-program code (PNG bytes) opening `page` with `scene`; JSON errors raise.

        https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getUnlimitedQRCode.html
        """
        body = {
            "scene": scene,
            "page": page,
            "width": width,
            "env_version": env_version,
            "check_path": check_path,
        }
        result = self.call("post", "wxa/getwxacodeunlimit", api_base_url=self.base_url, data=body)
        if not isinstance(result, requests.Response) or not result.content:
            raise unreachable("getwxacodeunlimit answered JSON without an image")
        return result.content


def _translate(error: WeChatClientException) -> WeChatError:
    if error.errcode is None:  # an HTTP error status: WeChat (or a proxy) is not well
        status = getattr(error.response, "status_code", "?")
        return unreachable(f"WeChat answered HTTP {status}")
    return error_for(int(error.errcode), str(error.errmsg or ""))
