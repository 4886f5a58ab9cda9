"""Watched parcels and subscription credits over the HTTP API (sandbox UPS and WeChat)."""

from __future__ import annotations

import requests

from backend.adapters import redis_keys
from backend.sandbox.wechat.blueprint import sandbox_openid
from tests.support.stores import settings_of, stores
from tests.support.wechat import login

TRANSIT = "1ZSBXUS10310000042"
CUSTOMS = "1ZSBXCN16620000022"
STATUS_TPL = "sandbox-tpl-status-change"


def call(live, method, path, token=None, **kwargs):
    server, _app = live
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.request(method, server.url + path, headers=headers, timeout=30, **kwargs)


def test_watch_is_idempotent_and_lists_the_latest_status_with_nickname(live):
    token = login(live[0].url, "watcher")
    first = call(live, "PUT", f"/api/v1/parcels/{TRANSIT}", token, json={"nickname": "妈妈的药"})
    again = call(
        live, "PUT", f"/api/v1/parcels/{TRANSIT.lower()}", token, json={"nickname": "新备注"}
    )
    assert first.status_code == again.status_code == 200
    assert again.json()["watched_since"] == first.json()["watched_since"]
    parcels = call(live, "GET", "/api/v1/parcels", token).json()["parcels"]
    assert [(p["number"], p["nickname"], p["status"]["code"]) for p in parcels] == [
        (TRANSIT, "新备注", "in_transit")
    ]
    assert parcels[0]["as_of"] and parcels[0]["stale"] is False


def test_bad_input_is_refused_with_reasons(live):
    token = login(live[0].url, "picky")
    bad_number = call(live, "PUT", "/api/v1/parcels/1Z999AA10123456785", token, json={})
    long_name = call(live, "PUT", f"/api/v1/parcels/{TRANSIT}", token, json={"nickname": "长" * 21})
    assert bad_number.status_code == 400 and bad_number.json()["error"]["code"] == "invalid_number"
    assert long_name.status_code == 400 and long_name.json()["error"]["code"] == "invalid_request"


def test_watch_limit_gives_a_clear_error(live):
    _server, app = live
    token = login(live[0].url, "collector")
    openid = sandbox_openid(settings_of(app).wechat_appid, "collector")
    watches = stores(app).watches
    for n in range(watches.limit - 1):  # the app's limit, less the one watched below
        watches.watch(openid, f"1ZFILLER{n:010d}", None)
    assert call(live, "PUT", f"/api/v1/parcels/{TRANSIT}", token, json={}).status_code == 200
    refused = call(live, "PUT", f"/api/v1/parcels/{CUSTOMS}?lang=en", token, json={})
    assert refused.status_code == 409
    assert str(watches.limit) in refused.json()["error"]["message"]


def test_users_never_see_each_others_parcels_and_unwatching_stops_polling(live):
    _server, app = live
    alice, bob = login(live[0].url, "alice"), login(live[0].url, "bob")
    call(live, "PUT", f"/api/v1/parcels/{TRANSIT}", alice, json={})
    assert call(live, "GET", f"/api/v1/parcels/{TRANSIT}", bob).status_code == 404
    assert call(live, "GET", "/api/v1/parcels", bob).json() == {"parcels": []}
    store = stores(app).redis
    assert store.zscore(redis_keys.schedule(TRANSIT), TRANSIT) is not None
    assert call(live, "DELETE", f"/api/v1/parcels/{TRANSIT}", alice).status_code == 204
    assert store.zscore(redis_keys.schedule(TRANSIT), TRANSIT) is None
    assert call(live, "GET", f"/api/v1/parcels/{TRANSIT}", alice).status_code == 404


def test_every_parcel_endpoint_requires_a_token(live):
    for method, path in [("GET", "/api/v1/parcels"), ("PUT", f"/api/v1/parcels/{TRANSIT}"),
                         ("DELETE", f"/api/v1/parcels/{TRANSIT}"), ("GET", "/api/v1/subscriptions")]:  # fmt: skip
        response = call(live, method, path, "forged-token-aaaaaaaaaaaaaaaaaaaa", json={})
        assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"


def test_templates_and_recorded_answers_give_credits(live):
    token = login(live[0].url, "subscriber")
    templates = call(live, "GET", "/api/v1/subscriptions/templates").json()["templates"]
    assert STATUS_TPL in {t["id"] for t in templates} and all(t["title"] for t in templates)
    body = {"results": {STATUS_TPL: "accept", "sandbox-tpl-delivered": "ban"}}
    answered = call(live, "POST", "/api/v1/subscriptions", token, json=body).json()
    assert answered["credits"] == {STATUS_TPL: 1}
    assert answered["answers"]["sandbox-tpl-delivered"] == "ban"
    unknown = call(
        live, "POST", "/api/v1/subscriptions", token, json={"results": {"nope": "accept"}}
    )
    wrong = call(
        live, "POST", "/api/v1/subscriptions", token, json={"results": {STATUS_TPL: "yes"}}
    )
    assert unknown.status_code == 400 and wrong.status_code == 400
    assert call(live, "GET", "/api/v1/subscriptions", token).json()["credits"] == {STATUS_TPL: 1}


def test_the_popup_push_event_and_the_client_report_count_once(live):
    token = login(live[0].url, "twice")
    server, _app = live
    pushed = requests.post(f"{server.url}/_sandbox/wechat/subscribe",
                           json={"user": "twice", "template_ids": [STATUS_TPL], "action": "accept"}, timeout=10)  # fmt: skip
    assert pushed.json()["pushed"] is True
    reported = call(
        live, "POST", "/api/v1/subscriptions", token, json={"results": {STATUS_TPL: "accept"}}
    )
    assert reported.json()["credits"] == {STATUS_TPL: 1}


def test_the_mini_programs_language_is_remembered_for_messages(live):
    token = login(live[0].url, "english-reader")
    body = {"results": {STATUS_TPL: "accept"}}
    assert call(live, "POST", "/api/v1/subscriptions?lang=en", token, json=body).status_code == 200
    services = stores(live[1])
    openid = next(iter(services.redis.scan_iter("*lang*"))).split("{")[1].split("}")[0]
    assert services.ledger.language(openid) == "en"
    assert call(live, "POST", "/api/v1/subscriptions?lang=zh", token, json=body).status_code == 200
    assert services.ledger.language(openid) == "zh"


def test_a_template_wechat_called_invalid_is_no_longer_offered(live):
    services = stores(live[1])
    services.disabled_templates.add(STATUS_TPL)
    templates = call(live, "GET", "/api/v1/subscriptions/templates").json()["templates"]
    assert STATUS_TPL not in {t["id"] for t in templates} and templates


ACCEPTS = ["accept", "acceptWithAlert", "acceptWithForcePush", "acceptWithAudio"]


def test_every_accept_answer_is_an_acceptance_and_other_answers_are_not(live):
    token = login(live[0].url, "strong-reminders")
    for count, answer in enumerate(ACCEPTS, start=1):
        body = {"results": {STATUS_TPL: answer, "sandbox-tpl-delivered": "filter"}}
        answered = call(live, "POST", "/api/v1/subscriptions", token, json=body)
        assert answered.status_code == 200, answer
        assert answered.json()["credits"] == {STATUS_TPL: count}
        assert answered.json()["answers"][STATUS_TPL] == answer
    for answer in ("reject", "ban", "filter"):
        body = {"results": {STATUS_TPL: answer}}
        assert call(live, "POST", "/api/v1/subscriptions", token, json=body).status_code == 200
    assert call(live, "GET", "/api/v1/subscriptions", token).json()["credits"] == {STATUS_TPL: 4}


def test_a_strong_reminder_accept_reported_and_pushed_counts_once(live):
    token = login(live[0].url, "alert-once")
    server, _app = live
    pushed = requests.post(f"{server.url}/_sandbox/wechat/subscribe",
                           json={"user": "alert-once", "template_ids": [STATUS_TPL],
                                 "action": "acceptWithForcePush"}, timeout=10)  # fmt: skip
    assert pushed.json()["pushed"] is True
    body = {"results": {STATUS_TPL: "acceptWithForcePush"}}
    reported = call(live, "POST", "/api/v1/subscriptions", token, json=body)
    assert reported.json()["credits"] == {STATUS_TPL: 1}


def test_templates_ask_for_the_moments_a_parcel_can_still_go_through(live):
    token = login(live[0].url, "asker")
    assert (
        call(live, "PUT", "/api/v1/parcels/1ZSBXUS26630000019", token, json={}).status_code == 200
    )
    customs = call(live, "GET", "/api/v1/subscriptions/templates?number=1ZSBXUS26630000019").json()
    assert customs["ask"] == [
        "sandbox-tpl-attention", "sandbox-tpl-delivered", "sandbox-tpl-out-for-delivery",
    ]  # fmt: skip
    unknown = call(live, "GET", "/api/v1/subscriptions/templates").json()
    assert len(unknown["ask"]) == 3 and STATUS_TPL not in unknown["ask"]
    bad = call(live, "GET", "/api/v1/subscriptions/templates?number=" + "x" * 41)
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_request"


def test_each_watched_parcel_says_what_it_will_still_be_told(live):
    token = login(live[0].url, "budgeted")
    watched = call(live, "PUT", f"/api/v1/parcels/{CUSTOMS}", token, json={}).json()
    assert watched["notify"] == {"events": [], "text": "不会再提醒", "empty": True}
    body = {"results": {"sandbox-tpl-attention": "acceptWithAlert",
                        "sandbox-tpl-out-for-delivery": "accept",
                        "sandbox-tpl-delivered": "reject"}, "number": CUSTOMS}  # fmt: skip
    call(live, "POST", "/api/v1/subscriptions", token, json=body)
    parcel = call(live, "GET", f"/api/v1/parcels/{CUSTOMS}", token).json()
    assert parcel["notify"] == {"events": ["attention", "out_for_delivery"],
                                "text": "还会提醒：清关/异常、派送", "empty": False}  # fmt: skip
    listed = call(live, "GET", "/api/v1/parcels?lang=en", token).json()["parcels"][0]
    assert listed["notify"]["text"] == "Will notify: customs & problems, out for delivery"
