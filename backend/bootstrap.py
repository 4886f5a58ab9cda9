"""Composition root: the one place that builds concrete adapters and wires services."""

from __future__ import annotations

from dataclasses import dataclass

import redis

from backend.adapters import redis_conn
from backend.adapters.http import make_session
from backend.adapters.ups.client import UpsClient
from backend.adapters.wechat.auth import WeChatAuth
from backend.adapters.wechat.client import WeChatClient
from backend.services.auth import SessionService
from backend.settings import Settings


@dataclass
class Services:
    """Everything the web layer and the worker use, built once per process."""

    settings: Settings
    redis: redis.Redis
    wechat: WeChatClient
    sessions: SessionService
    ups: UpsClient


def build_services(settings: Settings) -> Services:
    """Create clients without connecting: nothing talks to the network until used."""
    store = redis_conn.connect(settings.redis_url)
    return Services(
        settings=settings,
        redis=store,
        ups=build_ups_client(settings, store),
        **_wechat(settings, store),
    )


def build_ups_client(settings: Settings, store: redis.Redis) -> UpsClient:
    """The UPS (or UPS sandbox) client; its token lives in `store`, shared by all processes."""
    return UpsClient(
        make_session(),
        store,
        settings.ups_base_url,
        settings.ups_client_id,
        settings.ups_client_secret,
    )


def _wechat(settings: Settings, store: redis.Redis) -> dict:
    """The WeChat API client and login sessions (no network until first used)."""
    appid, secret = settings.wechat_appid, settings.wechat_secret
    base = settings.wechat_api_base_url
    return {
        "wechat": WeChatClient(appid, secret, base, store),
        "sessions": SessionService(store, WeChatAuth(base, appid, secret)),
    }
