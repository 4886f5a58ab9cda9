"""The WeChat client over real HTTP against the sandbox: tokens, retries, sends, codes."""

from __future__ import annotations

import io
import threading

import pytest
import requests
from PIL import Image

from backend.adapters import redis_conn
from backend.adapters.wechat.client import WeChatClient
from backend.adapters.wechat.errors import (
    InvalidDataError,
    InvalidOpenidError,
    InvalidTemplateError,
    InvalidTokenError,
    NotSubscribedError,
    WeChatBusyError,
    WeChatError,
)
from backend.sandbox.wechat.blueprint import sandbox_openid
from tests.support.stores import settings_of
from tests.support.wechat import (
    GOOD_DATA,
    STATUS_TEMPLATE,
    expire_tokens,
    login,
    sandbox_url,
    stats,
    subscribe,
)


@pytest.fixture
def make_client(live, redis_client):
    settings = settings_of(live[1])

    def build() -> WeChatClient:
        return WeChatClient(
            settings.wechat_appid,
            settings.wechat_secret,
            settings.wechat_api_base_url,
            redis_client,
        )

    return build


@pytest.fixture
def alice(live) -> str:
    """The openid of a logged-in sandbox user with two sends of the status template."""
    server, app = live
    login(server.url, "alice")
    subscribe(server.url, "alice", [STATUS_TEMPLATE])
    subscribe(server.url, "alice", [STATUS_TEMPLATE])
    return sandbox_openid(settings_of(app).wechat_appid, "alice")


def test_every_hard_coded_wechat_host_points_at_the_configured_base(make_client, live):
    client = make_client()
    base = settings_of(live[1]).wechat_api_base_url
    assert client.API_BASE_URL == base + "/cgi-bin/"
    assert client.wxa.API_BASE_URL == base + "/"
    assert client.datacube.API_BASE_URL == base + "/datacube/"
    assert client.auto_retry is False


def test_two_clients_share_one_token_fetched_once(make_client, live, redis_client):
    first, second = make_client(), make_client()
    assert first.access_token == second.access_token
    assert stats(live[0].url)["stable_token_calls"] == 1
    assert redis_client.ttl(f"upt:wechatpy:{first.appid}_access_token") > 7000


def test_a_send_reaches_the_sandbox_inbox_with_state_and_lang(make_client, alice, live):
    msgid = make_client().send_subscribe_message(
        alice, STATUS_TEMPLATE, GOOD_DATA, page="pages/detail/index?number=1Z", lang="en_US"
    )
    inbox = requests.get(f"{sandbox_url(live[0].url)}/messages", timeout=5).json()
    assert [m["msgid"] for m in inbox] == [int(msgid)]
    assert inbox[0]["touser"] == alice and inbox[0]["miniprogram_state"] == "formal"
    assert inbox[0]["lang"] == "en_US" and inbox[0]["data"]["phrase2"] == {"value": "派送中"}


def test_an_expired_token_is_refreshed_exactly_once_and_the_call_succeeds(make_client, alice, live):
    client = make_client()
    old = client.access_token
    expire_tokens(live[0].url, "expire")
    assert client.send_subscribe_message(alice, STATUS_TEMPLATE, GOOD_DATA)
    counted = stats(live[0].url)
    assert counted["stable_token_calls"] == 2 and counted.get("forced_refreshes", 0) == 0
    assert counted["send_calls"] == 2
    assert client.access_token != old


def test_a_revoked_stable_token_is_force_refreshed_once(make_client, alice, live):
    client = make_client()
    assert client.access_token
    expire_tokens(live[0].url, "revoke")  # stable_token keeps handing the refused token out
    assert client.send_subscribe_message(alice, STATUS_TEMPLATE, GOOD_DATA)
    counted = stats(live[0].url)
    assert counted["forced_refreshes"] == 1 and counted["stable_token_calls"] == 3


def test_a_permanently_refused_token_ends_after_one_retry(make_client, alice, live):
    client = make_client()
    assert client.access_token
    expire_tokens(live[0].url, "break")
    with pytest.raises(InvalidTokenError) as caught:
        client.send_subscribe_message(alice, STATUS_TEMPLATE, GOOD_DATA)
    assert caught.value.errcode == 40001
    counted = stats(live[0].url)
    assert counted["send_calls"] == 2  # the call and exactly one retry
    assert counted["stable_token_calls"] == 3  # first fetch, normal refresh, forced refresh


def test_concurrent_refreshes_of_one_refused_token_fetch_once(make_client, live):
    clients = [make_client() for _ in range(5)]
    old = clients[0].access_token
    expire_tokens(live[0].url, "expire")
    results: list[str] = []
    threads = [
        threading.Thread(target=lambda c=c: results.append(c.refresh_access_token(old)))
        for c in clients
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(results)) == 1 and results[0] != old
    assert stats(live[0].url)["stable_token_calls"] == 2


def test_a_wrong_secret_is_refused_without_any_retry(live, redis_client):
    settings = settings_of(live[1])
    client = WeChatClient(
        settings.wechat_appid, "wrong", settings.wechat_api_base_url, redis_client
    )
    with pytest.raises(InvalidTokenError):
        client.send_subscribe_message("o1", STATUS_TEMPLATE, GOOD_DATA)
    assert stats(live[0].url)["stable_token_calls"] == 1


def test_no_quota_is_43101(make_client, live):
    login(live[0].url, "dave")
    openid = sandbox_openid(settings_of(live[1]).wechat_appid, "dave")
    with pytest.raises(NotSubscribedError):
        make_client().send_subscribe_message(openid, STATUS_TEMPLATE, GOOD_DATA)


def test_quota_is_spent_only_on_success(make_client, alice, live):
    client = make_client()
    with pytest.raises(InvalidDataError):
        client.send_subscribe_message(alice, STATUS_TEMPLATE, {**GOOD_DATA, "thing4": "x" * 21})
    client.send_subscribe_message(alice, STATUS_TEMPLATE, GOOD_DATA)
    client.send_subscribe_message(alice, STATUS_TEMPLATE, GOOD_DATA)
    with pytest.raises(NotSubscribedError):
        client.send_subscribe_message(alice, STATUS_TEMPLATE, GOOD_DATA)


def test_a_bad_keyword_value_is_47003_naming_the_field(make_client, alice):
    with pytest.raises(InvalidDataError) as caught:
        make_client().send_subscribe_message(
            alice, STATUS_TEMPLATE, {**GOOD_DATA, "phrase2": "Out for delivery"}
        )
    assert caught.value.errcode == 47003 and caught.value.field == "phrase2"


@pytest.mark.parametrize(
    "page", ["/pages/detail/index", "pages/nope/index", "https://evil.example"]
)
def test_a_page_wechat_refuses_41030_is_dropped_and_the_message_still_goes(
    make_client, alice, live, page
):
    assert make_client().send_subscribe_message(alice, STATUS_TEMPLATE, GOOD_DATA, page=page)
    inbox = requests.get(f"{sandbox_url(live[0].url)}/messages", timeout=5).json()
    assert [message["page"] for message in inbox] == [None]
    counted = stats(live[0].url)
    assert (counted["send_41030"], counted["send_ok"]) == (1, 1)


def test_a_page_of_app_json_is_kept(make_client, alice, live):
    page = "pages/detail/index?number=1Z999AA10123456784"
    make_client().send_subscribe_message(alice, STATUS_TEMPLATE, GOOD_DATA, page=page)
    inbox = requests.get(f"{sandbox_url(live[0].url)}/messages", timeout=5).json()
    assert inbox[0]["page"] == page


def test_force_refresh_stays_inside_wechats_budget(make_client, redis_client):
    client = make_client()
    start = 1_800_000_000.0
    assert client._may_force_refresh(start)
    assert not client._may_force_refresh(start + 29)  # at least 30 s apart
    allowed = [client._may_force_refresh(start + 30 * step) for step in range(1, 40)]
    assert allowed.count(True) == 19  # 20 a day in all
    assert client._may_force_refresh(start + 86_400)  # a new day in China, a new budget


def test_unknown_template_and_openid_are_typed(make_client, alice):
    client = make_client()
    with pytest.raises(InvalidTemplateError):
        client.send_subscribe_message(alice, "no-such-template", GOOD_DATA)
    with pytest.raises(InvalidOpenidError):
        client.send_subscribe_message("o" + "x" * 27, STATUS_TEMPLATE, GOOD_DATA)


def test_an_unreachable_wechat_is_busy(redis_client):
    base = f"http://127.0.0.1:{redis_conn.free_port()}"
    client = WeChatClient("wx1", "s", base, redis_client, timeout=(0.5, 0.5))
    with pytest.raises(WeChatBusyError):
        client.send_subscribe_message("o1", STATUS_TEMPLATE, GOOD_DATA)


def test_an_unlimited_code_is_an_image_carrying_its_scene(make_client):
    # WeChat sends a JPEG unless is_hyaline asks for a transparent PNG.
    data = make_client().get_unlimited_code("n=1Z999AA10123456784", "pages/detail/index", width=280)
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG" and image.size == (280, 280)
    assert image.info["comment"] == b"scene=n=1Z999AA10123456784\npage=pages/detail/index"


@pytest.mark.parametrize(
    ("scene", "page", "errcode"),
    [
        ("x" * 33, "pages/detail/index", 40169),
        ("中文", "pages/detail/index", 40169),
        ("n=1Z", "/pages/detail/index", 41030),
        ("n=1Z", "pages/detail/index?n=1", 41030),
    ],
)
def test_unlimited_code_errors_come_back_as_json_errors(make_client, scene, page, errcode):
    with pytest.raises(WeChatError) as caught:
        make_client().get_unlimited_code(scene, page)
    assert caught.value.errcode == errcode
