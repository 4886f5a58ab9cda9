"""The production UPS client over real HTTP against the sandbox: journeys, tokens, faults."""

from __future__ import annotations

import re
import threading
import time

import pytest

from backend.adapters import redis_keys
from backend.adapters.http import make_session
from backend.adapters.ups import errors
from backend.adapters.ups.client import UpsClient
from backend.domain.statuses import Status
from backend.sandbox.ups.journeys import BY_KEY, SCENARIOS
from tests.support.stores import settings_of, stores
from tests.support.ups_sandbox import expected_eta

JOURNEYS = [s for s in SCENARIOS if s.steps]


def _check(ups: UpsClient, scenario, lang: str, count: int) -> None:
    shipment = ups.track(scenario.number, lang)
    newest = scenario.steps[count - 1].event
    assert shipment.status is newest.status
    assert len(shipment.events) == count
    assert shipment.eta == expected_eta(scenario, count, time.time())
    assert shipment.events[0].description == (newest.zh if lang == "zh" else newest.en).strip()


@pytest.mark.parametrize(
    ("scenario", "lang"),
    [pytest.param(s, lang, id=f"{s.key}-{lang}") for s in JOURNEYS for lang in ("zh", "en")],
)
def test_every_journey_round_trips_through_the_client(ups_sandbox, ups, scenario, lang):
    """Its last step, then its starting point: status, ETA, event count, wording."""
    ups_sandbox.reset(scenario.number, len(scenario.steps))
    _check(ups, scenario, lang, len(scenario.steps))
    ups_sandbox.reset(scenario.number, scenario.start)
    _check(ups, scenario, lang, scenario.start)


def test_advancing_a_journey_moves_the_client_on_step_by_step(ups_sandbox, ups):
    scenario = BY_KEY["intl_cn_to_us"]
    seen = [ups.track(scenario.number, "en").status]
    while not (answer := ups_sandbox.advance(scenario.number))["done"]:
        seen.append(ups.track(scenario.number, "en").status)
    seen.append(ups.track(scenario.number, "en").status)
    assert seen[0] is Status.CLEARANCE_IN_PROGRESS
    assert Status.CLEARED in seen and Status.OUT_FOR_DELIVERY in seen
    assert seen[-1] is Status.DELIVERED and answer["status"] == "delivered"
    shipment = ups.track(scenario.number, "en")
    assert shipment.delivered_at and shipment.received_by == "ROSS"


def test_request_carries_trans_id_source_bearer_and_locale(live):
    settings, store = settings_of(live[1]), stores(live[1]).redis
    session, seen = make_session(), []
    session.hooks["response"].append(lambda r, *a, **k: seen.append(r.request))
    client = UpsClient(session, store, settings.ups_base_url, "sandbox-client", "sandbox-secret")
    client.track(BY_KEY["in_transit"].number, "zh")
    session.close()
    track = next(r for r in seen if "/details/" in r.url)
    assert re.fullmatch(r"[0-9a-f]{32}", track.headers["transId"])
    assert track.headers["transactionSrc"] == "ups-tracker"
    assert re.fullmatch(r"Bearer \S{40,}", track.headers["Authorization"])
    assert "locale=zh_CN" in track.url and "returnSignature=false" in track.url
    assert track.headers["User-Agent"].startswith("ups-parcel-tracker/")


def test_many_calls_need_one_token(ups_sandbox, ups):
    for _ in range(5):
        ups.track(BY_KEY["at_facility"].number, "en")
    stats = ups_sandbox.stats()
    assert stats["token_calls"] == 1 and stats["track_calls"] == 5


def test_two_clients_share_the_token_through_redis(ups_clients, ups_sandbox):
    first, second = ups_clients(), ups_clients()
    first.track(BY_KEY["in_transit"].number, "en")
    second.track(BY_KEY["in_transit"].number, "zh")
    assert ups_sandbox.stats()["token_calls"] == 1


def test_concurrent_clients_fetch_the_token_once(ups_clients, ups_sandbox):
    several = [ups_clients() for _ in range(8)]
    failures: list[BaseException] = []

    def run(client: UpsClient) -> None:
        try:
            client.track(BY_KEY["label_created"].number, "en")
        except BaseException as error:  # collected and asserted on below
            failures.append(error)

    threads = [threading.Thread(target=run, args=(client,)) for client in several]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert failures == []
    assert ups_sandbox.stats()["token_calls"] == 1


def test_token_is_cached_with_a_safety_margin(live, ups):
    ups.track(BY_KEY["in_transit"].number, "en")
    ttl = stores(live[1]).redis.ttl(redis_keys.ups_token("sandbox-client"))
    assert 14399 - 300 - 5 <= ttl <= 14399 - 300


def test_an_expired_token_is_refreshed_once_and_the_call_succeeds(ups_sandbox, ups):
    number = BY_KEY["in_transit"].number
    ups.track(number, "en")
    assert ups_sandbox.expire_tokens() == 1
    assert ups.track(number, "en").status is Status.IN_TRANSIT
    stats = ups_sandbox.stats()
    assert stats["token_calls"] == 2 and stats["track_calls"] == 3


def test_a_token_rejected_for_good_ends_in_a_clear_error_after_one_retry(ups_sandbox, ups):
    ups_sandbox.faults(error_rate=1, mode="401")
    with pytest.raises(errors.UpsAuthError, match="freshly issued token") as caught:
        ups.track(BY_KEY["in_transit"].number, "en")
    assert caught.value.ups_code == "250002"
    stats = ups_sandbox.stats()
    assert stats["token_calls"] == 2 and stats["track_calls"] == 2


def test_wrong_credentials_are_an_auth_error(ups_clients, ups_sandbox):
    client = ups_clients(client_secret="not-the-secret")
    with pytest.raises(errors.UpsAuthError) as caught:
        client.track(BY_KEY["in_transit"].number, "en")
    assert caught.value.ups_code == "10401"
    assert ups_sandbox.stats()["track_calls"] == 0
