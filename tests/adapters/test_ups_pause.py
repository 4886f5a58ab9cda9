"""One UPS-wide pause honouring 429/503 Retry-After, shared through Redis by every client."""

from __future__ import annotations

import pytest

from backend.adapters.ups import errors
from backend.adapters.ups.pause import retry_after_seconds
from backend.sandbox.ups.journeys import BY_KEY

NUMBER = BY_KEY["out_for_delivery"].number


@pytest.mark.parametrize("mode", ["503", "429"])
def test_a_lasting_retry_after_pauses_every_client_without_calling_ups(ups_sandbox, ups_clients,
                                                                      mode):  # fmt: skip
    first, second = ups_clients(), ups_clients()  # two processes, one Redis
    first.tokens.get()
    ups_sandbox.faults(error_rate=1, mode=mode, retry_after=1)
    with pytest.raises(errors.UpstreamUnavailableError):
        first.track(NUMBER, "en")  # urllib3 waits out two Retry-Afters, then gives up
    calls = ups_sandbox.stats()["track_calls"]
    ups_sandbox.faults(error_rate=0)
    with pytest.raises(errors.UpstreamRateLimitedError, match="wait"):
        second.track(NUMBER, "en")
    assert ups_sandbox.stats()["track_calls"] == calls  # nobody called UPS meanwhile
    assert 0 < second.pause.left() <= 1


def test_answers_without_retry_after_start_no_pause(ups_sandbox, ups):
    ups_sandbox.faults(error_rate=1, mode="503")
    with pytest.raises(errors.UpstreamUnavailableError):
        ups.track(NUMBER, "en")
    assert ups.pause.left() == 0
    ups_sandbox.faults(error_rate=0)
    assert ups.track(NUMBER, "en").status.value == "out_for_delivery"


def test_retry_after_reads_seconds_and_http_dates():
    assert retry_after_seconds("120") == 120
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:30 GMT", now=1445412500.0) == 10
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None
