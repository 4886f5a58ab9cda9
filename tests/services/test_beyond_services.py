"""Issue #22's use cases on in-memory fakes: ETA estimates and lane learning, a multi-piece
shipment told as one parcel, delivery proof from pushed events, photos for watchers only,
and the link checker's payment answer."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from backend.domain.errors import CarrierUnavailable
from backend.domain.model import Charge, Eta, Pieces, Place, Shipment, TrackingEvent
from backend.domain.statuses import Status
from backend.domain.track_alert import WebhookEvent
from backend.domain.transit import TransitOption
from backend.services.delivery_photos import DeliveryPhotoService
from backend.services.eta_estimates import EtaEstimator
from backend.services.lookup import LookupService
from backend.services.notifications import Notifier, QuietHours
from backend.services.payment_check import PaymentCheck
from backend.services.refresh import Refresher
from backend.services.track_alert import TrackAlertService
from tests.fakes import (
    FakeCarrier,
    FakeClock,
    FakeCreditLedger,
    FakeDeliveryProofs,
    FakeLaneHistory,
    FakeMessenger,
    FakeNotificationLog,
    FakePieceLinks,
    FakeRefreshSchedule,
    FakeSnapshotCache,
    FakeTemplate,
    FakeTrackAlertClient,
    FakeTrackAlertStore,
    FakeTrackingStateStore,
    FakeTransitTimes,
    FakeWatchStore,
)
from tests.support.numbers import make_1z

NUMBER = make_1z("BEYOND", 1)
SECOND, THIRD = make_1z("BEYOND", 2), make_1z("BEYOND", 3)
ALICE, BOB = "o-alice", "o-bob"
TEMPLATE = FakeTemplate("tpl-sc", "status_change")
NOW = datetime(2026, 12, 1, 4, 0, tzinfo=UTC).timestamp()  # noon in Shanghai
JPEG = (Path(__file__).resolve().parents[2] / "backend/sandbox/ups/doorstep.jpg").read_bytes()
PICKUP = TrackingEvent("2026-11-30T18:00:00-08:00", "Seattle, WA, US", "Pickup", Status.SHIPMENT_ACCEPTED)  # fmt: skip
ARRIVED = TrackingEvent("2026-12-01T08:00:00+08:00", "Shanghai, CN", "Arrival", Status.AT_FACILITY)  # fmt: skip


def moving(**fields) -> Shipment:
    base = {
        "number": NUMBER, "status": Status.AT_FACILITY, "events": (ARRIVED, PICKUP),
        "service": "UPS Worldwide Saver", "origin_address": Place("SEATTLE", "WA", "US"),
        "destination_address": Place("Shanghai", "", "CN"), "weight": None,
    }  # fmt: skip
    return Shipment(**(base | fields))


def estimator(options=None, lanes=None):
    transit = FakeTransitTimes(options)
    lanes = lanes or FakeLaneHistory()
    return EtaEstimator(transit, lanes, clock=lambda: NOW), transit, lanes


def test_without_a_ups_date_the_quote_gives_a_range():
    est, transit, _ = estimator([TransitOption("saver", "2026-12-04", 4, 1)])
    shipment = est.complete(moving())
    assert shipment.eta_estimate.basis == "ups_time_in_transit"
    assert (shipment.eta_estimate.earliest, shipment.eta_estimate.latest) == (
        "2026-12-04", "2026-12-07",
    )  # fmt: skip
    [query] = transit.queries
    assert query.ship_date == "2026-11-30" and query.service == "saver"
    assert query.destination.city == "Shanghai" and query.weight_kg == 1.0


def test_a_ups_date_or_a_delivery_needs_no_estimate():
    est, transit, _ = estimator([TransitOption("saver", "2026-12-04")])
    assert est.complete(moving(eta=Eta("2026-12-03"))).eta_estimate is None
    assert est.complete(moving(status=Status.DELIVERED)).eta_estimate is None
    assert transit.queries == []


def test_a_failing_quote_leaves_the_shipment_as_it_was():
    est, transit, _ = estimator()
    transit.failure = CarrierUnavailable("down")
    assert est.complete(moving()) == moving()


def test_delivered_parcels_teach_the_lane_and_its_history_then_wins():
    est, transit, lanes = estimator([TransitOption("saver", "2026-12-04")])
    for serial, days in enumerate([5, 5, 6, 6, 6, 6, 7, 7, 8, 6]):
        delivered = moving(
            number=make_1z("LANE01", serial), status=Status.DELIVERED,
            delivered_at=f"2026-11-{10 + days:02d}T15:00:00+08:00",
            events=(replace(PICKUP, time="2026-11-10T18:00:00-08:00"),),
        )  # fmt: skip
        est.learn(delivered)
    assert sorted(lanes.samples("US>CN:SHANGHAI|saver")) == [5, 5, 6, 6, 6, 6, 6, 7, 7, 8]
    estimate = est.complete(moving()).eta_estimate
    assert estimate.basis == "lane_history" and estimate.samples == 10
    assert estimate.earliest == "2026-12-05" and estimate.latest == "2026-12-07"
    assert transit.queries == []  # history enough: no UPS call


def test_the_lookup_stores_the_estimate_with_the_snapshot():
    clock = FakeClock(NOW)
    carrier = FakeCarrier()
    carrier.shipments[NUMBER] = moving()
    est, _, _ = estimator([TransitOption("saver", "2026-12-04")])
    lookup = LookupService(carrier, FakeSnapshotCache(clock), 2, clock, complete=est.complete)
    assert lookup.lookup_one(NUMBER, "zh").snapshot.shipment.eta_estimate is not None


def test_a_crashing_extra_never_costs_the_lookup():
    clock = FakeClock(NOW)
    carrier = FakeCarrier()

    def broken(shipment):
        raise RuntimeError("bug")

    lookup = LookupService(carrier, FakeSnapshotCache(clock), 2, clock, complete=broken)
    assert lookup.lookup_one(NUMBER, "zh").snapshot is not None


class Rig:
    def __init__(self) -> None:
        self.clock, self.carrier = FakeClock(NOW), FakeCarrier()
        self.watches = FakeWatchStore(clock=self.clock)
        self.states, self.ledger = FakeTrackingStateStore(), FakeCreditLedger()
        self.messenger = FakeMessenger()
        log = FakeNotificationLog(self.ledger, clock=self.clock)
        notifier = Notifier(self.messenger, [TEMPLATE], self.ledger, log, QuietHours(0, 0))
        lookup = LookupService(self.carrier, FakeSnapshotCache(self.clock), 2, self.clock)
        self.learned: list[str] = []
        self.refresher = Refresher(
            lookup, self.watches, self.states, FakeRefreshSchedule(), notifier, clock=self.clock,
            on_delivered=lambda shipment: self.learned.append(shipment.number),
        )  # fmt: skip

    def ups_says(self, own: Status, *statuses: str, when: str) -> None:
        event = TrackingEvent(when, "Brooklyn, NY, US", "scan", own, "XX")
        pieces = Pieces(3, (NUMBER, SECOND, THIRD), statuses)
        self.carrier.shipments[NUMBER] = Shipment(NUMBER, own, events=(event,), pieces=pieces)

    def watch(self) -> None:
        self.ups_says(Status.OUT_FOR_DELIVERY, "out_for_delivery", "out_for_delivery",
                      "at_facility", when="2026-12-01T09:00:00-05:00")  # fmt: skip
        self.watches.watch(ALICE, NUMBER, None)
        for _ in range(5):
            self.ledger.record_answer(ALICE, TEMPLATE.id, "accept", side="client")
        self.refresher.start(NUMBER, self.carrier.shipments[NUMBER])

    def refresh(self) -> None:
        self.clock.advance(3600)
        self.refresher.refresh(NUMBER)


def test_a_three_piece_shipment_is_told_delivered_once_the_last_piece_is():
    rig = Rig()
    rig.watch()
    rig.ups_says(Status.DELIVERED, "delivered", "delivered", "at_facility",
                 when="2026-12-01T13:00:00-05:00")  # fmt: skip
    rig.refresh()
    assert rig.messenger.sent == []  # two of three: the first piece's delivery is not news
    assert rig.states.states[NUMBER].status is Status.AT_FACILITY
    rig.ups_says(Status.DELIVERED, "delivered", "delivered", "delivered",
                 when="2026-12-01T13:00:00-05:00")  # fmt: skip
    rig.refresh()
    assert len(rig.messenger.sent) == 1
    assert rig.states.states[NUMBER].status is Status.DELIVERED
    assert rig.learned == [NUMBER]


def test_a_piece_in_trouble_is_told_at_once():
    rig = Rig()
    rig.watch()
    rig.ups_says(Status.OUT_FOR_DELIVERY, "out_for_delivery", "out_for_delivery", "exception",
                 when="2026-12-01T10:00:00-05:00")  # fmt: skip
    rig.refresh()
    assert len(rig.messenger.sent) == 1
    assert rig.states.states[NUMBER].status is Status.EXCEPTION


def webhook_service(proofs, watches, queue):
    return TrackAlertService(
        FakeTrackAlertClient(), FakeTrackAlertStore(), watches, FakeTrackingStateStore(),
        lambda number, event: queue.append((number, event)), lambda payload: payload,
        clock=lambda: NOW, proofs=proofs,
    )  # fmt: skip


def delivered_event(number: str, photo: bytes | None, received_by: str | None = "JOHN"):
    event = TrackingEvent("2026-12-01T10:00:00+08:00", "Shanghai, CN", "Delivered",
                          Status.DELIVERED, "FS", "011")  # fmt: skip
    return WebhookEvent(number, event, None, event.time, received_by, photo)


def test_a_pushed_photo_and_signer_are_kept_for_watched_parcels_only():
    proofs, watches, queue = FakeDeliveryProofs(), FakeWatchStore(), []
    watches.watch(ALICE, NUMBER, None)
    service = webhook_service(proofs, watches, queue)
    assert service.handle_webhook(delivered_event(NUMBER, JPEG))
    assert proofs.photo(NUMBER) == JPEG and proofs.signer(NUMBER) == "JOHN"
    service.handle_webhook(delivered_event(SECOND, JPEG))  # nobody watches it
    assert proofs.photo(SECOND) is None and proofs.signer(SECOND) is None


def test_a_late_photo_repeating_its_event_still_reaches_the_snapshot():
    proofs, watches, queue = FakeDeliveryProofs(), FakeWatchStore(), []
    watches.watch(ALICE, NUMBER, None)
    service = webhook_service(proofs, watches, queue)
    service.handle_webhook(delivered_event(NUMBER, None))
    assert service.handle_webhook(delivered_event(NUMBER, JPEG)) is False  # a repeat...
    assert proofs.photo(NUMBER) == JPEG
    assert queue[-1] == (NUMBER, None)  # ...whose photo gets a refresh of its own


def test_a_pieces_pushed_scan_refreshes_the_watched_number():
    proofs, watches, queue, links = FakeDeliveryProofs(), FakeWatchStore(), [], FakePieceLinks()
    watches.watch(ALICE, NUMBER, None)
    store = FakeTrackAlertStore()
    service = TrackAlertService(
        FakeTrackAlertClient(), store, watches, FakeTrackingStateStore(),
        lambda number, event: queue.append((number, event)), lambda payload: payload,
        clock=lambda: NOW, proofs=proofs, links=links,
    )  # fmt: skip
    service.follow_pieces(NUMBER, (NUMBER, SECOND, THIRD))
    assert links.lead_of(SECOND) == NUMBER and links.lead_of(NUMBER) is None
    assert set(store.due) == {SECOND, THIRD}  # the other pieces get subscribed too
    assert service.renew_due(NOW) == 2  # watched through their shipment
    assert service.handle_webhook(delivered_event(THIRD, None))
    assert queue == [(NUMBER, None)]  # the watched number, refreshed from the Track API


def test_the_photo_is_for_watchers_only():
    proofs, watches = FakeDeliveryProofs(), FakeWatchStore()
    proofs.save_photo(NUMBER, JPEG)
    watches.watch(ALICE, NUMBER, None)
    photos = DeliveryPhotoService(watches, proofs)
    assert photos.photo_for(ALICE, NUMBER) == JPEG
    assert photos.photo_for(BOB, NUMBER) is None
    assert photos.photo_for(ALICE, SECOND) is None


def payment_rig(*owed: Charge):
    clock, carrier, watches = FakeClock(NOW), FakeCarrier(), FakeWatchStore()
    carrier.shipments[NUMBER] = moving(charges=owed)
    carrier.shipments[SECOND] = moving(number=SECOND)
    lookup = LookupService(carrier, FakeSnapshotCache(clock), 2, clock)
    return PaymentCheck(watches, lookup), watches


def test_a_payment_sms_naming_a_parcel_is_checked_against_upss_data():
    check, watches = payment_rig()
    watches.watch(ALICE, NUMBER, None)
    sms = f"您的UPS包裹{NUMBER}欠关税28元，请点击 http://ups-pay.cn 缴纳"
    report = check.check(sms, False, ALICE, "zh")
    [parcel] = report.parcels
    assert report.asks_for_payment and parcel.watched and parcel.known and parcel.pending == ()
    assert "没有待付费用" in parcel.text
    assert "不是 ups.com" in report.text


def test_without_a_number_the_watched_parcels_that_owe_are_named():
    owed = Charge("ICOD/COD", "243.50", "CNY", False)
    check, watches = payment_rig(owed)
    watches.watch(ALICE, NUMBER, None)
    watches.watch(ALICE, SECOND, None)
    report = check.check("请尽快支付关税", None, ALICE, "zh")
    assert [p.number for p in report.parcels] == [NUMBER]
    assert report.parcels[0].pending == (owed,)
    assert check.check("请尽快支付关税", None, None, "zh").parcels == ()  # anonymous
    assert check.check("今天天气不错", None, ALICE, "zh") is None
