"""One authenticated POST to a UPS API, timed and logged, its transport failure typed."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from typing import Any

import requests

log = logging.getLogger(__name__)


def ups_headers(token: str, transaction_src: str, trans_id: str | None = None) -> dict[str, str]:
    """The headers every UPS API call carries (transId: at most 32 characters)."""
    return {
        "transId": trans_id or uuid.uuid4().hex,
        "transactionSrc": transaction_src,
        "Authorization": f"Bearer {token}",
    }


def timed_post(
    session: requests.Session,
    url: str,
    label: str,
    unreachable: Callable[[str], Exception],
    done: Callable[[str, float], None] = lambda outcome, seconds: None,
    **kwargs: Any,
) -> requests.Response:
    """POST and log "<label> -> <status or error> in N ms"; a transport failure raises
    `unreachable(<error name>)` (the answer, whatever its status, is the caller's to read).
    `done(outcome, seconds)` hears every call: the status, "timeout" or "error"."""
    started = time.monotonic()
    try:
        response = session.post(url, **kwargs)
    except requests.RequestException as error:
        outcome = "timeout" if isinstance(error, requests.Timeout) else "error"
        _log(label, type(error).__name__, started, done, outcome)
        raise unreachable(type(error).__name__) from None
    _log(label, str(response.status_code), started, done, str(response.status_code))
    return response


def _log(
    label: str, shown: str, started: float, done: Callable[[str, float], None], outcome: str
) -> None:
    elapsed = time.monotonic() - started
    done(outcome, elapsed)
    log.info("%s -> %s in %d ms", label, shown, int(elapsed * 1000))
