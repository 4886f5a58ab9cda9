"""`python -m backend track`: the table it prints and its exit codes (fake client, no network)."""

from __future__ import annotations

import pytest

from backend import __main__ as cli
from backend.adapters.ups import errors
from backend.domain.model import Eta, Shipment, TrackingEvent, Weight
from backend.domain.statuses import Status

NUMBER = "1Z999AA10123456784"

SHIPMENT = Shipment(
    number=NUMBER,
    status=Status.OUT_FOR_DELIVERY,
    status_description="Out for Delivery Today",
    events=(
        TrackingEvent(
            "2026-11-24T08:15:00-05:00", "SECAUCUS, NJ, US", "今天派送中", Status.OUT_FOR_DELIVERY
        ),
        TrackingEvent(
            "2026-11-24T03:02:00-05:00", "SECAUCUS, NJ, US", "已到达转运站", Status.AT_FACILITY
        ),
    ),
    eta=Eta("2026-11-24", "14:00", "16:00", "window"),
    weight=Weight("17.00", "KGS"),
    service="UPS 陆运",
)


class FakeClient:
    def __init__(self, answers: dict) -> None:
        self.answers, self.asked = answers, []

    def track(self, number: str, lang: str) -> Shipment:
        self.asked.append((number, lang))
        answer = self.answers[number]
        if isinstance(answer, Exception):
            raise answer
        return answer


def test_render_in_chinese_shows_status_eta_facts_and_aligned_history():
    lines = cli.render(SHIPMENT, "zh")
    assert lines[0] == f"{NUMBER}  派送中 (out_for_delivery)"
    assert "  预计送达: 2026-11-24 14:00–16:00" in lines
    assert "  重量: 17.00 KGS" in lines and "  服务: UPS 陆运" in lines
    header, first, second = lines[-4:-1]
    assert header.split() == ["时间", "地点", "状态", "说明"]
    assert first.startswith("  2026-11-24 08:15:00-05:00") and first.endswith("今天派送中")
    # Columns line up on screen: Chinese characters count double.
    assert cli._width(first[: first.index("今天派送中")]) == cli._width(
        second[: second.index("已到达")]
    )


def test_render_in_english_and_eta_kinds():
    assert cli.render(SHIPMENT, "en")[0] == f"{NUMBER}  Out for Delivery (out_for_delivery)"
    assert cli._eta_text(Eta("2026-11-25", None, "10:30", "commit"), "en") == "2026-11-25 by 10:30"
    assert cli._eta_text(Eta("2026-11-25", kind="end_of_day"), "zh") == "2026-11-25 当天内"
    assert cli._eta_text(None, "zh") == "暂无"


def test_track_prints_each_number_once_and_exits_zero(capsys):
    client = FakeClient({NUMBER: SHIPMENT})
    assert cli.track(client, [NUMBER, NUMBER.lower()], "zh") == cli.OK
    assert client.asked == [(NUMBER, "zh")]
    assert "派送中" in capsys.readouterr().out


def test_invalid_numbers_are_reported_without_asking_ups(capsys):
    client = FakeClient({})
    assert cli.track(client, ["1Z999AA10123456785"], "en") == cli.NOT_ALL_FOUND
    assert client.asked == []
    assert "check digit" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (
            errors.TrackingNotFoundError("Tracking Information Not Found", "TW0001"),
            cli.NOT_ALL_FOUND,
        ),
        (errors.UpstreamUnavailableError("UPS did not answer in time"), cli.UNAVAILABLE),
    ],
)
def test_failed_lookups_set_the_exit_code(capsys, error, code):
    client = FakeClient({NUMBER: error, "1ZSBXUS10310000015": SHIPMENT})
    assert cli.track(client, [f"{NUMBER},1ZSBXUS10310000015"], "en") == code
    out = capsys.readouterr().out
    assert error.code in out and str(error) in out
    assert len(client.asked) == 2  # one failure does not stop the others
