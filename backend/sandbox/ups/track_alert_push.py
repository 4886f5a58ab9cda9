"""Sandbox Track Alert pushes: a subscribed parcel's new scan POSTed to the app's webhook."""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import cast

import redis
import requests

from backend.sandbox.ups import render
from backend.sandbox.ups.blueprint import key, settings, store
from backend.sandbox.ups.journeys.base import Scenario, Step

log = logging.getLogger(__name__)

USER_AGENT = "UPSPubSubTrackingService"
PUSH_TIMEOUT = (2.0, 5.0)
_TIME_TEXT = {"EOD": "end of day", "CMT": "commit time"}
_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def subscriptions_key() -> str:
    """Sorted set: number -> subscription expiry (epoch seconds)."""
    return key("ta", "subscriptions")


def announced_key() -> str:
    """Hash: number -> time of the newest scan UPS already told the subscriber about."""
    return key("ta", "announced")


def kinds_key() -> str:
    """Hash: number -> "standard" or "enhanced[:<event preferences>]"."""
    return key("ta", "kinds")


def is_subscribed(client: redis.Redis, number: str, now: float) -> bool:
    expiry = client.zscore(subscriptions_key(), number)
    return expiry is not None and expiry > now


def _gmt_offset(local: datetime) -> str:
    """Track Alert writes offsets with a dot: "-04.00" (Track uses "-04:00")."""
    minutes = int(local.utcoffset().total_seconds() // 60)  # type: ignore[union-attr]
    sign, size = ("+" if minutes >= 0 else "-"), abs(minutes)
    return f"{sign}{size // 60:02d}.{size % 60:02d}"


def _location(step: Step, delivered: bool) -> dict:
    place, where = step.place, step.event.where
    full = where == "full"
    return {
        "city": place.city if full else "",
        "stateProvince": place.state if full else "",
        "postalCode": place.postal if delivered and full else "",  # blank until delivered
        "country": place.country if where != "slic" else "",
    }


def _delivery(scenario: Scenario, count: int, now: float) -> dict:
    """scheduledDeliveryDate (the original one) and the latest time window, as strings."""
    sdd, rdd = render.delivery_plan(scenario, count)
    plan = rdd or sdd
    place = scenario.destination.place if scenario.destination else scenario.steps[-1].place
    today = render.local_time(now, place).date()
    day = (today + timedelta(days=sdd.days)).strftime("%Y%m%d") if sdd else ""
    kind = plan.time_type if plan else ""
    return {
        "scheduledDeliveryDate": day,
        "deliveryStartTime": plan.start if plan else "",
        "deliveryEndTime": plan.end if plan else "",
        "deliveryTimeDescription": _TIME_TEXT.get(
            kind, "estimated delivery window" if kind else ""
        ),
    }


def enhanced_fields(scenario: Scenario, delivered: bool) -> dict:
    """What an enhanced subscription adds: the signer and the photo, blank until delivered."""
    photo = render.doorstep_photo() if delivered and scenario.photo else ""
    return {"receivedBy": scenario.received_by if delivered else "", "deliveryPhoto": photo}


def preference(event_type: str) -> str:
    """The eventPreferences group of a Track status type: Manifest, Delivery, eXception, or
    In-progress for everything else (pickup P, returns RS, ...)."""
    return event_type[:1] if event_type[:1] in ("M", "D", "X") else "I"


def wanted(kind: str, event_type: str) -> bool:
    """An enhanced subscription with preferences gets only those activity types."""
    prefs = kind.partition(":")[2]
    return not prefs or preference(event_type) in prefs


def event_body(scenario: Scenario, times: list[float], now: float) -> dict:
    """The v2 webhook body for the newest scan: every value a string, blanks as ""."""
    step, when = scenario.steps[len(times) - 1], times[-1]
    event, local = step.event, render.local_time(when, step.place)
    gmt, delivered = datetime.fromtimestamp(when, UTC), event.type == "D"
    status = {"type": event.type, "code": event.code or "", "description": event.en}
    return {
        "trackingNumber": scenario.number,
        "localActivityDate": local.strftime("%Y%m%d"),
        "localActivityTime": local.strftime("%H%M%S"),
        "activityLocation": _location(step, delivered),
        "activityStatus": status | {"descriptionCode": event.status_code},
        "actualDeliveryDate": local.strftime("%Y%m%d") if delivered else "",
        "actualDeliveryTime": local.strftime("%H%M%S") if delivered else "",
        "gmtActivityDate": gmt.strftime("%Y%m%d"),
        "gmtActivityTime": gmt.strftime("%H%M%S"),
        "gmtOffset": _gmt_offset(local),
        **(_delivery(scenario, len(times), now) if not delivered else {}),
    }


def announce(scenario: Scenario, times: list[float]) -> bool:
    """After an advance: push the newest scan if the parcel is subscribed and it is new.

    Sent from a background thread, so the advance answers at once, as UPS's scan would.
    """
    client, now = store(), time.time()
    if not times or not is_subscribed(client, scenario.number, now):
        return False
    newest = str(times[-1])
    if client.hget(announced_key(), scenario.number) == newest:
        return False  # the journey is over: advance changed nothing
    client.hset(announced_key(), scenario.number, newest)
    kind = cast(str | None, client.hget(kinds_key(), scenario.number)) or "standard"
    step = scenario.steps[len(times) - 1]
    if not wanted(kind, step.event.type):
        return False
    config = settings()
    url = config.sandbox_webhook_url or f"{config.public_base_url}/ups/webhook"
    body = event_body(scenario, times, now)
    if kind.startswith("enhanced"):
        body |= enhanced_fields(scenario, step.event.type == "D")
    _executor().submit(_post, client, url, config.ups_webhook_credential, body)
    return True


def _executor() -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:  # created lazily: gunicorn forks its workers after importing us
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=8, thread_name_prefix="ups-sandbox-push")
        return _pool


def _post(client: redis.Redis, url: str, credential: str, body: dict) -> None:
    headers = {"User-Agent": USER_AGENT, "credential": credential}
    try:
        response = requests.post(url, json=body, headers=headers, timeout=PUSH_TIMEOUT)
        outcome = "webhook_ok" if response.status_code == 200 else "webhook_refused"
    except requests.RequestException as error:
        log.warning("sandbox Track Alert push to %s failed: %s", url, type(error).__name__)
        outcome = "webhook_failed"
    client.hincrby(key("ta", "stats"), outcome, 1)
