"""Issue #28's measure, end to end on the sandboxes: simulated WeChat users watch the
journeys the issue lists from their first scan to the end. The engaged user (taps when
they start watching and whenever a message brings them in) hears of every critical moment
exactly once; the one-tap user hears of at least min(3, moments reached), so no credit they
were asked for goes to a routine scan."""

from __future__ import annotations

import pytest

from tests.support.moments import JOURNEYS, Player
from tests.support.stores import shared


@pytest.fixture
def player(live):
    server, app = live
    parts = shared(app)  # the lookup and refresher wired as for the app, run inline
    return Player(server.url, parts, parts.refresher.refresh)


@pytest.mark.parametrize(("journey", "number"), JOURNEYS, ids=[n for _j, n in JOURNEYS])
def test_every_critical_moment_reaches_the_engaged_user_and_three_reach_a_one_tap_user(
    player, journey, number
):
    figures = player.play(journey, number, run_id=number[-6:])
    row = figures.row()
    print(row)
    assert row["reached"] >= 1
    assert row["engaged_told"] == row["reached"] and row["engaged_duplicates"] == 0, row
    assert row["one_tap_told"] >= row["one_tap_goal"], row
    assert row["one_tap_routine_sends"] == 0 and row["one_tap_duplicates"] == 0, row
