"""An enhanced Track Alert delivery event with a real-size photo: read once authenticated,
kept for the watchers; nobody else's body is read past the usual cap."""

from __future__ import annotations

import base64
import io
import json
import random
import time
from pathlib import Path

import pytest
from PIL import Image

from backend.settings import SANDBOX_WEBHOOK_CREDENTIAL
from tests.support.stores import stores
from tests.support.track_alert import restamp

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ups"
ENHANCED = json.loads(
    (FIXTURES / "track_alert_v1_enhanced_webhook_event_7_delivered_FS_receivedBy.json").read_text()
)
UPS = {"User-Agent": "UPSPubSubTrackingService", "credential": SANDBOX_WEBHOOK_CREDENTIAL}


def doorstep_photo(size: tuple[int, int] = (640, 480)) -> bytes:
    """A real JPEG of a doorstep photo's size (noise compresses badly: hundreds of KB)."""
    rng = random.Random(7)
    image = Image.frombytes(
        "RGB", size, bytes(rng.getrandbits(8) for _ in range(size[0] * size[1] * 3))
    )
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


@pytest.fixture
def event():
    body = restamp(ENHANCED, time.time() - 600)
    # The spec's example pairs a 2024 delivery with a 2019 scheduled date; only the times matter.
    body["actualDeliveryDate"], body["actualDeliveryTime"] = (
        body["localActivityDate"],
        body["localActivityTime"],
    )
    return body


def test_a_real_size_photo_is_kept_for_the_watchers(app, client, event):
    services = stores(app)
    number = event["trackingNumber"]
    services.watches.watch("o-watcher", number, None)
    photo = doorstep_photo()
    assert 200_000 < len(photo) < 1024 * 1024  # well past the API's 64 KB cap
    event["deliveryPhoto"] = base64.b64encode(photo).decode()
    response = client.post("/ups/webhook", json=event, headers=UPS)
    assert response.status_code == 200, response.get_json()
    assert services.proofs.photo(number) == photo
    assert services.proofs.signer(number) == "John"


def test_a_large_body_without_the_credential_is_refused_unread(client, event):
    event["deliveryPhoto"] = base64.b64encode(doorstep_photo()).decode()
    response = client.post("/ups/webhook", json=event, headers={"User-Agent": "curl"})
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "invalid_webhook_credential"


def test_an_oversized_event_is_413_and_a_non_jpeg_photo_dropped(app, client, event):
    services = stores(app)
    number = event["trackingNumber"]
    services.watches.watch("o-watcher", number, None)
    event["deliveryPhoto"] = "A" * (3 * 1024 * 1024)
    too_big = client.post("/ups/webhook", json=event, headers=UPS)
    assert too_big.status_code == 413
    assert too_big.get_json()["error"]["code"] == "payload_too_large"
    event["deliveryPhoto"] = base64.b64encode(b"GIF89a" + b"\0" * 5000).decode()
    response = client.post("/ups/webhook", json=event, headers=UPS)
    assert response.status_code == 200  # the event counts; the "photo" is not kept
    assert services.proofs.photo(number) is None
