"""How good is our ETA estimate? Simulated journeys with known delivery days, estimated the
way the app does (backend/services/eta_estimates.py on in-memory ports), then scored.

Each lane has a true transit-time distribution: UPS's nominal business days plus customs
holds into China (often none, sometimes days), weekends, and a little noise. A Time in
Transit stand-in answers with the nominal days, as the sandbox and UPS do. Parcels are
delivered in time order; each delivery teaches its lane, as the worker's refresher does.
Every parcel is estimated twice: the day after pickup, and three days later (mid-journey,
typically in customs). Reported: median error in days (0 inside the range, else the distance
to its nearer end), the share of deliveries inside the range, and the range's width; for Time
in Transit alone and for the app as it runs (calibrated by lane history).
"""

from __future__ import annotations

import random
import statistics
import sys
import time as clock
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from backend.domain.model import Place, Shipment, TrackingEvent  # noqa: E402
from backend.domain.statuses import Status  # noqa: E402
from backend.domain.transit import TransitOption, TransitQuery  # noqa: E402
from backend.sandbox.ups.transit import business_days_after  # noqa: E402 - as the sandbox quotes
from backend.services.eta_estimates import EtaEstimator  # noqa: E402
from tests.fakes import FakeLaneHistory  # noqa: E402

SEED, PARCELS_PER_LANE, DAYS = 22, 150, 150
# (origin, destination city, country, service, nominal business days, customs delay weights)
LANES = (
    ("US", "Shanghai", "CN", "UPS Worldwide Saver", 4, (0.55, 0.2, 0.12, 0.08, 0.05)),
    ("US", "Beijing", "CN", "UPS Worldwide Express", 3, (0.6, 0.2, 0.1, 0.06, 0.04)),
    ("DE", "Shanghai", "CN", "UPS Worldwide Expedited", 6, (0.45, 0.25, 0.15, 0.1, 0.05)),
    ("JP", "Guangzhou", "CN", "UPS Worldwide Saver", 2, (0.7, 0.15, 0.1, 0.05, 0.0)),
    ("US", "Chengdu", "CN", "UPS Worldwide Saver", 5, (0.4, 0.25, 0.15, 0.1, 0.1)),
    ("US", "Paramus", "US", "UPS Ground", 4, (1.0,)),
)


class NominalTransit:
    """Time in Transit's answer: the nominal business days (+1 into China), as UPS states."""

    def __init__(self, nominal: int) -> None:
        self.nominal = nominal

    def options(self, query: TransitQuery) -> list[TransitOption]:
        into_china = query.destination.country == "CN" and query.origin.country != "CN"
        shipped = date.fromisoformat(query.ship_date)
        due = business_days_after(shipped, self.nominal + (1 if into_china else 0))
        return [TransitOption(query.service, due.isoformat(), self.nominal, int(into_china))]


def actual_delivery(rng: random.Random, shipped: date, nominal: int, delays) -> date:
    customs = rng.choices(range(len(delays)), weights=delays)[0]
    noise = rng.choices((-1, 0, 1, 2), weights=(0.1, 0.6, 0.2, 0.1))[0]
    return business_days_after(shipped, max(1, nominal + customs + noise))


def parcel(index: int, lane, shipped: date, delivered: date | None) -> Shipment:
    origin, city, country, service = lane[:4]
    pickup = TrackingEvent(f"{shipped.isoformat()}T17:00:00+00:00", origin, "Pickup", Status.SHIPMENT_ACCEPTED)  # fmt: skip
    return Shipment(
        number=f"1ZBENCH{index:011d}", status=Status.DELIVERED if delivered else Status.IN_TRANSIT,
        events=(pickup,), service=service, origin_address=Place("", "", origin),
        destination_address=Place(city, "", country),
        delivered_at=f"{delivered.isoformat()}T15:00:00+08:00" if delivered else None,
    )  # fmt: skip


def noon(day: date) -> float:
    return datetime.combine(day, time(4, 0), UTC).timestamp()  # noon in China


def score(estimate, actual: date) -> tuple[int, bool, int, float]:
    """(days outside the range, inside?, width in days, days from the range's middle)."""
    earliest, latest = date.fromisoformat(estimate.earliest), date.fromisoformat(estimate.latest)
    inside = earliest <= actual <= latest
    error = 0 if inside else min(abs((actual - earliest).days), abs((actual - latest).days))
    middle = abs((actual - earliest).days - (latest - earliest).days / 2)
    return error, inside, (latest - earliest).days + 1, middle


def simulate(calibrated: bool, offset_days: int) -> dict[str, list]:
    rng = random.Random(SEED)
    start = date(2026, 6, 1)
    journeys = []
    for lane_index, lane in enumerate(LANES):
        for n in range(PARCELS_PER_LANE):
            shipped = start + timedelta(days=rng.randrange(DAYS))
            if shipped.weekday() >= 5:
                shipped += timedelta(days=7 - shipped.weekday())
            journeys.append((lane_index, n, shipped, actual_delivery(rng, shipped, *lane[4:])))
    lanes = FakeLaneHistory()
    learned: set[int] = set()
    results: dict[str, list] = {"ups_time_in_transit": [], "lane_history": [], "none": []}
    order = sorted(range(len(journeys)), key=lambda i: journeys[i][2])
    by_delivery = sorted(range(len(journeys)), key=lambda i: journeys[i][3])
    for i in order:
        lane_index, n, shipped, actual = journeys[i]
        lane = LANES[lane_index]
        today = shipped + timedelta(days=offset_days)
        if actual < today:
            continue  # already delivered by then: nothing to estimate
        if calibrated:  # every parcel delivered before today has taught its lane
            for j in by_delivery:
                if journeys[j][3] >= today:
                    break
                if j not in learned:
                    learned.add(j)
                    li, m, s, d = journeys[j]
                    EtaEstimator(NominalTransit(0), lanes).learn(
                        parcel(li * 1000 + m, LANES[li], s, d)
                    )
        estimator = EtaEstimator(NominalTransit(lane[4]), lanes, clock=lambda t=today: noon(t))
        shipment = estimator.complete(parcel(lane_index * 1000 + n, lane, shipped, None))
        found = shipment.eta_estimate
        results[found.basis if found else "none"].append(score(found, actual) if found else None)
    return results


def report(name: str, results: dict[str, list]) -> None:
    scored = results["ups_time_in_transit"] + results["lane_history"]
    errors = [item[0] for item in scored]
    inside = sum(1 for item in scored if item[1])
    widths = [item[2] for item in scored]
    middles = [item[3] for item in scored]
    print(f"  {name:<48} n={len(scored):4d}  median error {statistics.median(errors):.1f} d "
          f"(mean {statistics.fmean(errors):.2f})  from the middle {statistics.median(middles):.1f} d  "
          f"inside {inside / len(scored):5.1%}  range {statistics.fmean(widths):.1f} d  "
          f"(quote {len(results['ups_time_in_transit'])}, history {len(results['lane_history'])}, "
          f"none {len(results['none'])})")  # fmt: skip


def lookup_ms(url: str, number: str, forget: list[str], client) -> float:
    """One uncached lookup of `number` through the API (the keys in `forget` deleted first)."""
    import requests

    client.delete(*forget)
    started = clock.perf_counter()
    response = requests.get(f"{url}/api/v1/track", params={"numbers": number}, timeout=30)
    elapsed = (clock.perf_counter() - started) * 1000
    assert response.status_code == 200 and response.json()["results"][0]["ok"], response.text
    return elapsed


def what_an_estimate_costs() -> None:
    """A lookup that needs an estimate asks Time in Transit once per lane, service and ship
    date: its cost on a cold lookup, on one whose quote is cached, and a parcel with a UPS date."""
    import requests
    from _harness import start_stack

    from backend.adapters import redis_conn, redis_keys
    from backend.sandbox.ups.journeys import BY_KEY

    stack, redis_url = start_stack()
    client = redis_conn.connect(redis_url)
    estimated, dated = BY_KEY["eta_estimate"].number, BY_KEY["domestic_delivered"].number
    try:
        for latency in (300, 0):
            requests.post(f"{stack.url}/_sandbox/ups/faults", json={"latency_ms": latency},
                          timeout=5).raise_for_status()  # fmt: skip
            lookup_ms(stack.url, estimated, [redis_keys.snapshots(estimated)], client)  # warm up
            rounds: dict[str, list[float]] = {"cold": [], "cached": [], "dated": []}
            for _ in range(5):
                quotes = list(client.scan_iter(f"{redis_keys.PREFIX}:transit:*")) or ["-"]
                rounds["cold"].append(
                    lookup_ms(
                        stack.url, estimated, [redis_keys.snapshots(estimated), *quotes], client
                    )
                )
                rounds["cached"].append(
                    lookup_ms(stack.url, estimated, [redis_keys.snapshots(estimated)], client)
                )
                rounds["dated"].append(
                    lookup_ms(stack.url, dated, [redis_keys.snapshots(dated)], client)
                )
            med = {k: statistics.median(v) for k, v in rounds.items()}
            print(f"  one uncached lookup, UPS latency {latency} ms (median of 5): needing an "
                  f"estimate, quote not cached {med['cold']:.0f} ms / quote cached "
                  f"{med['cached']:.0f} ms; with UPS's own date {med['dated']:.0f} ms")  # fmt: skip
    finally:
        requests.delete(f"{stack.url}/_sandbox/ups/faults", timeout=5)
        client.close()
        stack.stop()


def main() -> None:
    print(f"  {len(LANES)} lanes x {PARCELS_PER_LANE} parcels shipped over {DAYS} days, seed {SEED}; "
          "customs holds 0-4 days into China; estimates scored against the known delivery day")  # fmt: skip
    for offset, when in ((1, "day after pickup"), (3, "three days after pickup")):
        report(f"Time in Transit alone, {when}", simulate(False, offset))
        report(f"with lane history (as the app runs), {when}", simulate(True, offset))
    what_an_estimate_costs()


if __name__ == "__main__":
    main()
