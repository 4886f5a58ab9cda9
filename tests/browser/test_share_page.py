"""The /s/<id> page in headless Chromium: Chinese status shown, no personal data, a screenshot."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from tests.support.shares import Sharer, personal_strings, scenario_number

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

pytestmark = pytest.mark.browser


def _chromium(*args: str) -> subprocess.CompletedProcess:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: run `make system-deps` (Debian package chromium)")
    return subprocess.run(
        [CHROMIUM, *FLAGS, *args], capture_output=True, text=True, timeout=90, check=False
    )


@pytest.fixture
def shared_page(live):
    """(page URL, app, number) for the delivered parcel that carries names and a signature."""
    server, app = live
    number = scenario_number(server.url, "signature_delivered")
    alice = Sharer(server.url, "alice")
    alice.watch(number, "茶叶")
    share = alice.share(number).json()
    return share["web_url"], app, number


def test_page_shows_the_status_in_chinese_and_nothing_personal(shared_page):
    url, app, number = shared_page
    dumped = _chromium("--dump-dom", url)
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    dom = dumped.stdout
    assert "已签收" in dom and "物流动态" in dom
    assert "中国 北京" in dom  # city-level places are shown, in the reader's language
    lowered = dom.lower()
    for kind, values in personal_strings(app, number).items():
        for value in values:
            assert value.lower() not in lowered, f"{kind} {value!r} is in the page"
    assert number not in dom and "茶叶" not in dom
    # Self-contained: inline CSS only, no scripts, images or style sheets from elsewhere.
    assert "<script" not in lowered and "<link" not in lowered and " src=" not in lowered


def test_page_screenshot_on_a_phone(shared_page):
    url = shared_page[0]
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / "share-page.png"
    target.unlink(missing_ok=True)
    shot = _chromium(f"--screenshot={target}", "--window-size=390,844", url)
    assert shot.returncode == 0, shot.stderr[-2000:]
    with Image.open(target) as image:
        assert image.size == (390, 844)
        assert len(image.convert("RGB").getcolors(maxcolors=1 << 16) or range(1 << 16)) > 20
