"""wechatpy's WeChatClient made safe for many processes: stable_token, Redis, bounded retry."""

from __future__ import annotations

import inspect
import logging
from typing import Any

import redis
import requests
from requests.adapters import HTTPAdapter
from wechatpy import WeChatClient as _WeChatClient
from wechatpy.client.api.base import BaseWeChatAPI
from wechatpy.exceptions import WeChatClientException
from wechatpy.session.redisstorage import RedisStorage

from backend.adapters import redis_keys
from backend.adapters.wechat import redact
from backend.adapters.wechat.errors import (
    InvalidPageError,
    InvalidTokenError,
    WeChatError,
    error_for,
    unreachable,
)
from backend.adapters.wechat.token import StableTokenMixin

log = logging.getLogger(__name__)

WECHAT_HOST = "https://api.weixin.qq.com/"
API_TIMEOUT = (3.05, 10.0)  # (connect, read) seconds for every call, the token fetch included
POOL_SIZE = 64  # kept-alive connections per host (at least FANOUT_CONCURRENCY)


class WeChatClient(StableTokenMixin, _WeChatClient):
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
        # Messages to one change's watchers go out from many threads at once: keep that
        # many connections open instead of discarding them (requests pools 10 per host).
        pooled = HTTPAdapter(pool_connections=4, pool_maxsize=POOL_SIZE)
        self._http.mount("https://", pooled)
        self._http.mount("http://", pooled)
        self.base_url = api_base_url.rstrip("/") + "/"
        self._rebase(self.base_url)
        redact.install()

    def _rebase(self, base: str) -> None:
        """Point every hard-coded api.weixin.qq.com base at `base` (docs/wechat.md §9)."""
        self.API_BASE_URL = base + "cgi-bin/"
        # Inspect the class, not the instance: reading `access_token` here would fetch one.
        for name, _ in inspect.getmembers(type(self), lambda v: isinstance(v, BaseWeChatAPI)):
            api = getattr(self, name)
            url = getattr(api, "API_BASE_URL", None)
            if isinstance(url, str) and url.startswith(WECHAT_HOST):
                api.API_BASE_URL = base + url[len(WECHAT_HOST) :]

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
        try:
            result = self.call("post", "message/subscribe/send", data=body)
        except InvalidPageError:
            if "page" not in body:
                raise
            # 41030: the page is not in the version that opens (e.g. not released yet). The
            # message still matters more than the tap target: send it without a page.
            log.warning("WeChat refused page %r (41030); sending without a page", body.pop("page"))
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
        return unreachable(f"WeChat answered HTTP {getattr(error.response, 'status_code', '?')}")
    return error_for(int(error.errcode), str(error.errmsg or ""))
