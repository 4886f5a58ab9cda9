"""The HTTP checks of the compose rehearsal (scripts/compose-rehearsal.sh), against a running
stack in sandbox mode: what the mini-program does, and what the outside world (UPS, WeChat)
does through the sandboxes. Standard library only: it runs with any python3 on the host.

    python3 scripts/compose_checks.py ready   BASE SECONDS     # /healthz answers 200
    python3 scripts/compose_checks.py journey BASE STATE       # lookup … the first message
    python3 scripts/compose_checks.py kept    BASE STATE       # watches, credits, inbox kept
    python3 scripts/compose_checks.py changes BASE STATE       # the rest, one message each
    python3 scripts/compose_checks.py metrics BASE TOKEN       # /metrics with the token
    python3 scripts/compose_checks.py redis-down BASE TOKEN    # /metrics: upt_redis_up 0
    python3 scripts/compose_checks.py prometheus PROM SECONDS  # scraping, rules loaded

STATE is a JSON file the steps share (tokens, the parcel, credits, messages seen).
Each step prints what it saw and exits 1 with the reason when a check fails.
"""

from __future__ import annotations

import json
import sys
import time
import urllib.error
import urllib.request
from collections import Counter

SCENARIO = "address_exception_then_delivered"  # eight scans, exception to delivered
USERS = ("rehearsal-a", "rehearsal-b")
POPUPS = 10  # subscribe answers per user: credits to spare for every change of the journey
SETTLE = 1.5  # seconds in which a duplicate message would show up
TIMEOUT = 60  # seconds any one wait may take (a cold container, three workers starting)
# One HTTP call: generous, because under Podman a call made while new containers join the
# network (--scale) or just after Redis came back on a new address has stalled 30-40 s; the
# stall is printed, so a slow call is seen, not hidden.
CALL_TIMEOUT, SLOW_CALL = 120, 10


class CheckFailed(Exception):
    pass


def call(method: str, url: str, token: str | None = None, body: dict | None = None,
         expect: tuple[int, ...] = (200, 204)) -> dict | list:  # fmt: skip
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=CALL_TIMEOUT) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    took = time.monotonic() - started
    if took > SLOW_CALL:
        print(f"  slow call: {method} {url} took {took:.1f} s", flush=True)
    if status not in expect:
        raise CheckFailed(f"{method} {url} -> {status}: {raw[:300]!r}")
    return json.loads(raw) if raw else {}


def wait(what: str, condition, timeout: float = TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            found = condition()
        except (CheckFailed, OSError):
            found = None
        if found:
            return found
        time.sleep(0.25)
    raise CheckFailed(f"{what}: not within {timeout:.0f} s")


def messages(base: str, number: str) -> list[dict]:
    return [m for m in call("GET", f"{base}/_sandbox/wechat/messages") if number in str(m)]


def status_of(base: str, token: str, number: str) -> str:
    return call("GET", f"{base}/api/v1/parcels/{number}", token)["status"]["code"]


def advance(base: str, state: dict) -> str:
    """UPS scans the parcel; the worker refreshes it and tells each watcher at most once, and
    exactly once when the status changed (every watcher has credits to spare)."""
    number = state["number"]
    before_status = status_of(base, state["tokens"][0], number)
    before = Counter(m["touser"] for m in messages(base, number))
    status = call("POST", f"{base}/_sandbox/ups/parcels/{number}/advance")["status"]
    for token in state["tokens"]:
        wait(f"the parcel reaching {status}", lambda t=token: status_of(base, t, number) == status)
    if status != before_status:
        wait(f"a message to each watcher after {status}", lambda: all(
            n == 1 for n in _new(base, number, before).values()) and len(
            _new(base, number, before)) == len(USERS))  # fmt: skip
    time.sleep(SETTLE)  # a duplicate (another worker, a retry) would arrive now
    new = _new(base, number, before)
    if any(n > 1 for n in new.values()):
        raise CheckFailed(f"after {status}, more than one message to a watcher: {new}")
    state["statuses"].append(status)
    state["messages"] = len(messages(base, number))
    return status


def _new(base: str, number: str, before: Counter) -> Counter:
    now = Counter(m["touser"] for m in messages(base, number))
    return Counter({user: n - before[user] for user, n in now.items() if n > before[user]})


def check_messages(base: str, state: dict, settle: float = SETTLE) -> list[dict]:
    """The inbox holds exactly the messages counted so far: none lost, none sent again.
    (Two scans in the same minute may read the same, so a message's text is no identity;
    `advance` counts per scan instead.)"""
    time.sleep(settle)
    sent = messages(base, state["number"])
    if state.get("messages") is not None and len(sent) != state["messages"]:
        raise CheckFailed(f"{len(sent)} messages, expected {state['messages']}: {sent}")
    state["messages"] = len(sent)
    return sent


def journey(base: str, state_path: str) -> None:
    scenarios = call("GET", f"{base}/_sandbox/ups/scenarios")
    number = next(s["number"] for s in scenarios if s["scenario"] == SCENARIO)
    call("POST", f"{base}/_sandbox/ups/parcels/{number}/reset", body={"step": 1})
    result = call("GET", f"{base}/api/v1/track?numbers={number}")["results"][0]
    if not result.get("ok"):
        raise CheckFailed(f"lookup failed: {result}")
    print(f"  lookup {number}: {result['status']['code']}")
    tokens = [login(base, user) for user in USERS]
    for token in tokens:
        call("PUT", f"{base}/api/v1/parcels/{number}", token, body={})
    templates = [
        t["id"] for t in call("GET", f"{base}/api/v1/subscriptions/templates")["templates"]
    ]
    for _ in range(POPUPS):
        for user in USERS:
            body = {"user": user, "template_ids": templates, "action": "accept"}
            call("POST", f"{base}/_sandbox/wechat/subscribe", body=body)
        time.sleep(1.1)  # WeChat's CreateTime has one-second resolution
    for token in tokens:
        credits = call("GET", f"{base}/api/v1/subscriptions", token)["credits"]
        if any(credits.get(t) != POPUPS for t in templates):
            raise CheckFailed(f"credits after {POPUPS} popups: {credits}")
    print(
        f"  {len(USERS)} users logged in, watching, {POPUPS} credits for {len(templates)} templates"
    )
    wait("the Track Alert subscription", lambda: number in str(
        call("GET", f"{base}/_sandbox/ups/track-alert/subscriptions")))  # fmt: skip
    state = {"number": number, "tokens": tokens, "templates": templates, "statuses": []}
    status = advance(base, state)
    sent = check_messages(base, state)
    print(f"  advance -> {status}; {len(sent)} messages in the sandbox inbox, none twice")
    state["credits"] = [call("GET", f"{base}/api/v1/subscriptions", t)["credits"] for t in tokens]
    save(state_path, state)


def login(base: str, user: str) -> str:
    code = f"sandbox:{user}#{time.monotonic_ns()}"
    return call("POST", f"{base}/api/v1/auth/login", body={"code": code})["token"]


def kept(base: str, state_path: str) -> None:
    """Sessions, watches, credits and the messages already sent are all still there."""
    state = load(state_path)
    number = state["number"]
    started = time.monotonic()
    wait("the API answering a signed-in user",
         lambda: call("GET", f"{base}/api/v1/subscriptions", state["tokens"][0]))  # fmt: skip
    print(f"  first signed-in answer after {time.monotonic() - started:.1f} s")
    for token, credits in zip(state["tokens"], state["credits"], strict=True):
        parcels = call("GET", f"{base}/api/v1/parcels", token)["parcels"]
        if number not in str(parcels):
            raise CheckFailed(f"the watch of {number} is gone: {parcels}")
        now = call("GET", f"{base}/api/v1/subscriptions", token)["credits"]
        if now != credits:
            raise CheckFailed(f"credits changed: {credits} -> {now}")
    sent = check_messages(base, state, settle=3.0)  # and nothing sent again on restart
    print(f"  sessions, watches and credits of {len(USERS)} users kept; {len(sent)} messages, "
          "none sent again")  # fmt: skip


def changes(base: str, state_path: str) -> None:
    """The rest of the journey, each scan told once to each watcher."""
    state = load(state_path)
    while state["statuses"][-1] != "delivered":
        advance(base, state)
    sent = check_messages(base, state)  # and none came late
    print(f"  {' -> '.join(state['statuses'])}: {len(sent)} messages, one per change and "
          "watcher for each new status, never two for one scan")  # fmt: skip
    state["credits"] = [call("GET", f"{base}/api/v1/subscriptions", t)["credits"]
                        for t in state["tokens"]]  # fmt: skip
    save(state_path, state)


def metrics(base: str, token: str) -> None:
    call("GET", f"{base}/metrics", expect=(401,))
    text = scrape(base, token)
    for name in ("upt_redis_up 1.0", "upt_wechat_sends_total", "upt_notification_delay_seconds"):
        if name not in text:
            raise CheckFailed(f"/metrics lacks {name}")
    print("  /metrics: 401 without the token; with it, Redis up and the messages counted")


def scrape(base: str, token: str) -> str:
    request = urllib.request.Request(f"{base}/metrics")
    request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read().decode()


def redis_down(base: str, token: str) -> None:
    """With Redis gone the scrape still answers, and says so (the UptRedisDown alert)."""
    wait("upt_redis_up 0.0 on /metrics", lambda: "upt_redis_up 0.0" in scrape(base, token), 30)
    print("  /metrics with Redis down: upt_redis_up 0")


def prometheus(base: str, seconds: str) -> None:
    """The monitoring profile's Prometheus has the alert rules and scrapes the API."""
    groups = call("GET", f"{base}/api/v1/rules")["data"]["groups"]
    rules = [r["name"] for g in groups for r in g["rules"]]
    if len(rules) < 10:
        raise CheckFailed(f"Prometheus loaded {rules}")

    def scraped():
        targets = call("GET", f"{base}/api/v1/targets")["data"]["activeTargets"]
        return [t for t in targets if t["health"] == "up"]

    up = wait("Prometheus scraping /metrics", scraped, float(seconds))
    query = call("GET", f"{base}/api/v1/query?query=upt_redis_up")["data"]["result"]
    print(f"  Prometheus: {len(rules)} alert rules, target {up[0]['scrapeUrl']} up, "
          f"upt_redis_up = {query[0]['value'][1] if query else 'not yet'}")  # fmt: skip


def ready(base: str, seconds: str) -> None:
    wait("/healthz 200", lambda: call("GET", f"{base}/healthz")["status"] == "ok", float(seconds))


def load(path: str) -> dict:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def save(path: str, state: dict) -> None:
    with open(path, "w", encoding="utf-8") as f:
        json.dump(state, f)


STEPS = {"ready": ready, "journey": journey, "kept": kept, "changes": changes, "metrics": metrics,
         "redis-down": redis_down, "prometheus": prometheus}  # fmt: skip

if __name__ == "__main__":
    try:
        STEPS[sys.argv[1]](*sys.argv[2:])
    except CheckFailed as failure:
        print(f"  FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
