"""A shared parcel never shows personal data: checked on the sandbox parcel that has the most."""

from __future__ import annotations

import re

import pytest
import requests

from backend.domain.numbers import mask_number
from backend.services.auth import SessionService
from tests.support.shares import Sharer, personal_strings, scenario_number, strings_in
from tests.support.stores import use_case

# Everything a receiver may get; anything else in the JSON is a leak.
ALLOWED_KEYS = {
    "number_masked", "status", "progress", "eta", "eta_text", "delivered_at", "events",
    "as_of", "stale", "expires_at", "nickname",
}  # fmt: skip
FORBIDDEN_KEYS = {
    "received_by", "receivedBy", "signature", "name", "attentionName", "address",
    "addressLine1", "postalCode", "origin_address", "destination_address", "packageAddress",
    "referenceNumber", "reference", "delivery_location", "photo", "openid", "number",
}  # fmt: skip
# Kinds of personal value the raw UPS JSON of the signature parcel must hold.
REQUIRED_KINDS = {
    "ORIGIN name", "ORIGIN addressLine1", "ORIGIN postalCode", "DESTINATION name",
    "DESTINATION attention", "DESTINATION addressLine1", "DESTINATION addressLine2",
    "DESTINATION postalCode", "receivedBy", "signature", "reference", "scan postalCode", "left at",
}  # fmt: skip


@pytest.fixture
def signed(live):
    """(base URL, app, alice watching the signature parcel under a nickname, its number)."""
    server, app = live
    number = scenario_number(server.url, "signature_delivered")
    alice = Sharer(server.url, "alice")
    alice.watch(number, "给陈老师的茶叶")
    return server.url, app, alice, number


def _documents(base: str, share_id: str) -> list[tuple[str, str | dict]]:
    """The JSON view and the HTML page, in both languages."""
    documents: list[tuple[str, str | dict]] = []
    for lang in ("zh", "en"):
        view = requests.get(f"{base}/api/v1/shares/{share_id}?lang={lang}", timeout=10)
        page = requests.get(f"{base}/s/{share_id}?lang={lang}", timeout=10)
        assert view.status_code == page.status_code == 200
        documents += [(f"json {lang}", view.json()), (f"html {lang}", page.text)]
    return documents


def test_personal_data_never_reaches_a_receiver(signed):
    base, app, alice, number = signed
    personal = personal_strings(app, number)
    # The check means something only if the raw UPS data really carries all of these.
    assert REQUIRED_KINDS <= set(personal), f"sandbox parcel lacks some: {sorted(personal)}"
    openid = use_case(app, SessionService).resolve(alice.token)
    share_id = alice.share(number).json()["share_id"]
    for where, document in _documents(base, share_id):
        texts = list(strings_in(document)) if isinstance(document, dict) else [document]
        haystack = "\n".join(texts).lower()
        for kind, values in personal.items():
            for value in values:
                assert value.lower() not in haystack, f"{kind} {value!r} leaked into {where}"
        assert openid not in haystack, f"the sharer's openid leaked into {where}"
        assert number.lower() not in haystack, f"the full number leaked into {where}"
        assert "给陈老师的茶叶" not in haystack, f"nickname shown without consent in {where}"
        if isinstance(document, dict):
            assert set(document) <= ALLOWED_KEYS - {"nickname"}, where
            assert not FORBIDDEN_KEYS & set(strings_in(document)), where


def test_events_carry_city_level_places_only(signed):
    base, _app, alice, number = signed
    share_id = alice.share(number).json()["share_id"]
    view = requests.get(f"{base}/api/v1/shares/{share_id}", timeout=10).json()
    assert view["status"]["code"] == "delivered"
    assert view["number_masked"] == mask_number(number)
    assert view["events"], "the delivered parcel has a scan history"
    for event in view["events"]:
        assert set(event) == {"time", "location", "description", "status"}
        # "City, ST, CC" at most: no digits (postcodes, house numbers), at most 3 parts.
        assert not re.search(r"\d", event["location"]), event["location"]
        assert len(event["location"].split(",")) <= 3


def test_nickname_only_when_the_sharer_includes_it(signed):
    base, _app, alice, number = signed
    hidden = alice.share(number, include_nickname=False).json()
    shown = alice.share(number, include_nickname=True).json()
    assert "给陈老师的茶叶" not in hidden["title"]
    assert shown["title"].startswith("给陈老师的茶叶 · ")
    hidden_view = requests.get(f"{base}/api/v1/shares/{hidden['share_id']}", timeout=10).json()
    shown_view = requests.get(f"{base}/api/v1/shares/{shown['share_id']}", timeout=10).json()
    assert "nickname" not in hidden_view
    assert shown_view["nickname"] == "给陈老师的茶叶"
    page = requests.get(f"{base}/s/{shown['share_id']}", timeout=10).text
    assert "给陈老师的茶叶" in page
