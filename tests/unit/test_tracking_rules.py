"""Pure rules of watched parcels: changes, change ids, polling cadence, message fitting."""

from __future__ import annotations

import pytest

from backend.adapters.wechat import message_fields
from backend.adapters.wechat.template_values import value_ok
from backend.domain.model import Shipment, TrackingEvent
from backend.domain.statuses import Status
from backend.domain.tracking import (
    FINAL_GRACE_SECONDS,
    HOUR,
    SILENT_STOP_SECONDS,
    change_id,
    detect_change,
    next_poll_delay,
)


def shipment(status: Status, time: str = "2026-11-24T08:15:00+08:00", code: str = "AR") -> Shipment:
    event = TrackingEvent(
        time=time, location="Shanghai, CN", description="scan", status=status, ups_code=code
    )
    return Shipment(number="1Z999AA10123456784", status=status, events=(event,))


def test_first_snapshot_is_not_a_change():
    assert detect_change(None, shipment(Status.IN_TRANSIT)) is None


def test_same_status_is_not_a_change_even_with_a_new_scan():
    later = shipment(Status.IN_TRANSIT, time="2026-11-25T01:00:00+08:00")
    assert detect_change(Status.IN_TRANSIT, later) is None


def test_a_new_status_is_a_change_with_a_stable_id():
    change = detect_change(Status.IN_TRANSIT, shipment(Status.OUT_FOR_DELIVERY))
    again = detect_change(Status.IN_TRANSIT, shipment(Status.OUT_FOR_DELIVERY))
    assert change is not None and change.current is Status.OUT_FOR_DELIVERY
    assert change.change_id == again.change_id
    assert change.notable


def test_change_ids_differ_for_different_scans():
    first = change_id(shipment(Status.DELIVERY_ATTEMPTED, time="2026-11-24T10:00:00+08:00"))
    second = change_id(shipment(Status.DELIVERY_ATTEMPTED, time="2026-11-25T10:00:00+08:00"))
    assert first != second


def test_a_hub_scan_is_not_notable_but_customs_is():
    assert not detect_change(Status.IN_TRANSIT, shipment(Status.AT_FACILITY)).notable
    assert detect_change(Status.IN_TRANSIT, shipment(Status.CLEARANCE_IN_PROGRESS)).notable


def test_polling_is_frequent_out_for_delivery_and_sparse_in_quiet_transit():
    near = next_poll_delay(Status.OUT_FOR_DELIVERY, seconds_since_event=600)
    quiet = next_poll_delay(Status.IN_TRANSIT, seconds_since_event=3 * 24 * HOUR)
    assert near is not None and quiet is not None and near * 8 <= quiet


def test_polling_stops_after_the_grace_following_delivery():
    assert next_poll_delay(Status.DELIVERED, seconds_since_event=0, seconds_since_final=0)
    assert (
        next_poll_delay(
            Status.DELIVERED, seconds_since_event=0, seconds_since_final=FINAL_GRACE_SECONDS
        )
        is None
    )


def test_polling_stops_after_thirty_silent_days():
    assert next_poll_delay(Status.IN_TRANSIT, seconds_since_event=SILENT_STOP_SECONDS) is None


def test_failures_back_off_and_track_alert_subscription_slows_polling():
    base = next_poll_delay(Status.OUT_FOR_DELIVERY, seconds_since_event=60)
    assert next_poll_delay(Status.OUT_FOR_DELIVERY, seconds_since_event=60, failures=2) == 4 * base
    assert next_poll_delay(Status.OUT_FOR_DELIVERY, seconds_since_event=60, subscribed=True) > base
    assert next_poll_delay(Status.IN_TRANSIT, seconds_since_event=60, failures=9) == 6 * HOUR


def test_scale_shrinks_every_interval_but_never_below_a_second():
    assert next_poll_delay(Status.OUT_FOR_DELIVERY, seconds_since_event=0, scale=0.01) == 9.0
    assert next_poll_delay(Status.OUT_FOR_DELIVERY, seconds_since_event=0, scale=1e-6) == 1.0


@pytest.mark.parametrize("status", list(Status))
def test_every_status_phrase_is_a_valid_wechat_phrase(status):
    assert value_ok("phrase", message_fields.fit("phrase2", message_fields.STATUS_PHRASES[status]))


@pytest.mark.parametrize(
    ("keyword", "value"),
    [
        ("thing4", "您的包裹已到达上海浦东国际机场分拨中心，正在等待海关查验放行，请耐心等待"),
        ("thing4", "line one\nline two"),
        ("character_string1", "1Z999AA10123456784 备注"),
        ("character_string1", "X" * 60),
        ("phrase2", "Out for delivery"),
        ("phrase2", "派送中派送中派送中"),
        ("time3", "2026-11-24T08:15:00-05:00"),
        ("time3", "garbage"),
        ("date5", "2026-11-24"),
        ("name6", "张三丰李四王五赵六钱七孙八"),
        ("number7", "17.00 KGS"),
    ],
)
def test_fitted_values_pass_wechats_keyword_limits(keyword, value):
    # None: the keyword cannot carry this value and the caller picks something else to send.
    fitted = message_fields.fit(keyword, value)
    assert fitted is None or value_ok(message_fields.keyword_type(keyword), fitted), fitted
