"""Sharing a watched parcel on fakes: who may share, what a receiver sees, revoking,
and the card and code images kept briefly."""

from __future__ import annotations

import pytest

from backend.domain.errors import CarrierUnavailable, MessengerUnavailable
from backend.domain.model import Shipment
from backend.domain.statuses import Status
from backend.domain.watches import ParcelNotWatchedError
from backend.services.lookup import LookupService
from backend.services.shares import (
    CODE_CACHE_SECONDS,
    ShareNotFoundError,
    ShareService,
    ShareUnavailableError,
)
from tests.fakes import (
    FakeCardRenderer,
    FakeCarrier,
    FakeClock,
    FakeCodeMaker,
    FakeShareStore,
    FakeSnapshotCache,
    FakeWatchStore,
)
from tests.support.numbers import make_1z

NUMBER, OWNER = make_1z("SHARES", 1), "o-owner"


@pytest.fixture
def world():
    clock, carrier, watches = FakeClock(), FakeCarrier(), FakeWatchStore()
    carrier.shipments[NUMBER] = Shipment(NUMBER, Status.OUT_FOR_DELIVERY, received_by="CHEN")
    lookup = LookupService(carrier, FakeSnapshotCache(clock), concurrency=2, clock=clock)
    renderer, codes, store = FakeCardRenderer(), FakeCodeMaker(), FakeShareStore(clock)
    service = ShareService(store, watches, lookup, renderer, codes, clock=clock)
    watches.watch(OWNER, NUMBER, "妈妈的包裹")
    return service, carrier, renderer, codes, clock


def test_only_a_watched_parcel_can_be_shared(world):
    service = world[0]
    with pytest.raises(ParcelNotWatchedError):
        service.create_share("o-stranger", NUMBER, include_nickname=False)


def test_the_receiver_sees_a_masked_number_and_the_nickname_only_when_chosen(world):
    service = world[0]
    plain = service.create_share(OWNER, NUMBER, include_nickname=False)
    named = service.create_share(OWNER, NUMBER, include_nickname=True)
    view = service.shared_view(plain.share.share_id, "zh")
    assert view["number_masked"] != NUMBER and "nickname" not in view
    assert "CHEN" not in str(view) and view["stale"] is False
    assert service.shared_view(named.share.share_id, "zh")["nickname"] == "妈妈的包裹"
    assert named.title.startswith("妈妈的包裹 · ")


def test_a_share_ends_when_revoked_by_its_owner_or_when_it_expires(world):
    service, _carrier, _renderer, _codes, clock = world
    share = service.create_share(OWNER, NUMBER, False, ttl_days=1).share
    with pytest.raises(ShareNotFoundError):
        service.revoke("o-stranger", share.share_id)
    service.revoke(OWNER, share.share_id)
    with pytest.raises(ShareNotFoundError):
        service.shared_view(share.share_id, "zh")
    other = service.create_share(OWNER, NUMBER, False, ttl_days=1).share
    clock.advance(86400 + 1)
    with pytest.raises(ShareNotFoundError):
        service.shared_view(other.share_id, "en")


def test_when_ups_is_down_and_nothing_is_cached_the_view_is_unavailable(world):
    service, carrier, *_ = world
    carrier.failures[NUMBER] = CarrierUnavailable("down")
    share = service.create_share(OWNER, NUMBER, include_nickname=True).share
    with pytest.raises(ShareUnavailableError):
        service.shared_view(share.share_id, "zh")


def test_card_and_code_are_drawn_once_then_served_from_the_store(world):
    service, _carrier, renderer, codes, clock = world
    share_id = service.create_share(OWNER, NUMBER, False).share.share_id
    assert service.card_png(share_id, "zh") == service.card_png(share_id, "zh")
    assert len(renderer.cards) == 1
    assert service.qrcode_png(share_id) == b"code:s=" + share_id.encode()
    clock.advance(CODE_CACHE_SECONDS - 1)
    service.qrcode_png(share_id)
    assert len(codes.calls) == 1


def test_a_messenger_failure_drawing_the_code_says_wechat_unavailable(world):
    service, _carrier, _renderer, codes, _clock = world
    share_id = service.create_share(OWNER, NUMBER, False).share.share_id
    codes.fail_with = MessengerUnavailable("busy")
    with pytest.raises(ShareUnavailableError, match="wechat_unavailable"):
        service.qrcode_png(share_id)
