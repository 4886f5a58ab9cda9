"""Outbound HTTP: a requests.Session with default timeouts, a User-Agent and safe retries."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

USER_AGENT = f"ups-parcel-tracker/0.1 python-requests/{requests.__version__}"
# (connect, read) seconds. Connect is short: a host that does not accept a TCP connection
# within 3 s is down. Read covers UPS's slow days without letting a request hang forever.
DEFAULT_TIMEOUT = (3.05, 8.0)
# Statuses that mean "try again shortly": gateway trouble and throttling. A 500 is not
# among them: UPS answers 500 for requests that will fail the same way again.
RETRY_STATUSES = frozenset({429, 502, 503, 504})
DEFAULT_RETRIES = 2
DEFAULT_BACKOFF = 0.3  # seconds; urllib3 waits 0, then 2 x this, 4 x this, ...
# A Retry-After longer than this is cut short: callers hold per-number locks meanwhile.
RETRY_AFTER_MAX_SECONDS = 5
DEFAULT_POOL_SIZE = 20


class TimeoutSession(requests.Session):
    """A Session whose requests all get `timeout` unless the caller passes one."""

    def __init__(self, timeout: tuple[float, float]) -> None:
        super().__init__()
        self.timeout = timeout
        self._environment: dict[tuple[str, str], dict[str, Any]] = {}

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any):
        kwargs.setdefault("timeout", self.timeout)
        return super().request(method, url, *args, **kwargs)

    def merge_environment_settings(
        self, url: Any, proxies: Any, stream: Any, verify: Any, cert: Any
    ) -> Any:
        """requests reads the proxy variables and CA bundle from the environment again on
        every call, about a millisecond of CPU each time (a third of preparing a UPS call).
        The environment does not change while we run: keep the answer per scheme and host."""
        if proxies or stream is not None or verify is not None or cert is not None or not url:
            return super().merge_environment_settings(url, proxies, stream, verify, cert)
        key = urlsplit(url)[:2]
        settings: Any = self._environment.get(key)
        if settings is None:
            settings = super().merge_environment_settings(url, {}, None, None, None)
            self._environment[key] = settings
        return {**settings, "proxies": dict(settings["proxies"])}


def retry_policy(retries: int = DEFAULT_RETRIES, backoff: float = DEFAULT_BACKOFF) -> Retry:
    """Retry GETs on RETRY_STATUSES only, honouring Retry-After; never anything else.

    Connection and read errors are never retried: a timed-out GET has spent the caller's
    time budget and a POST (the OAuth token) is never sent twice. read=False (not 0) lets a
    read timeout surface as requests' ReadTimeout rather than a generic ConnectionError.
    """
    return Retry(
        total=retries,
        connect=0,
        read=False,
        other=0,
        redirect=0,
        status=retries,
        status_forcelist=RETRY_STATUSES,
        allowed_methods=frozenset({"GET"}),
        backoff_factor=backoff,
        respect_retry_after_header=True,
        retry_after_max=RETRY_AFTER_MAX_SECONDS,
        raise_on_status=False,  # hand the last answer back so its error body can be read
        raise_on_redirect=False,
    )


def make_session(
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    retries: int = DEFAULT_RETRIES,
    backoff: float = DEFAULT_BACKOFF,
    user_agent: str = USER_AGENT,
    pool_size: int = DEFAULT_POOL_SIZE,
) -> TimeoutSession:
    """A new Session for one upstream; no connection is made until the first request.

    `pool_size` is the number of connections kept open: at least the number of threads that
    call at once, or every call beyond it opens (over TLS: handshakes) and drops its own.
    """
    session = TimeoutSession(timeout)
    adapter = HTTPAdapter(max_retries=retry_policy(retries, backoff), pool_maxsize=pool_size)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    session.headers["User-Agent"] = user_agent
    session.headers["Accept"] = "application/json"
    return session
