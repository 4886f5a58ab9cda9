"""Results rendered once per snapshot: a cached lookup answers without presenting and
encoding the same parcel again.

A Result depends on its snapshot and language, plus advice that counts days from now
("no scan for 5 days", "past the ETA"). An entry is therefore reused only for the very same
snapshot object (the identity contract of SnapshotCache.get: an unchanged snapshot may come
back as the same object, a changed one never does), the same Access Point and staleness,
and for at most a minute, so those counts are never more than a minute behind and a new
scan shows at once.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask, Response, current_app

from backend.services.lookup import Lookup
from backend.web.pickup import result_view

MAX_AGE_SECONDS = 60.0
# (number, language) pairs per process, ~2 KB of text each. More would not help: an entry only
# serves while its snapshot object is alive in the snapshot cache's decoder (512 snapshots).
MAX_ENTRIES = 1024
_EXTENSION = "rendered_results"


@dataclass(frozen=True)
class _Entry:
    snapshot: object  # held so its identity cannot be reused by another object
    stale: bool
    access_point: object
    rendered_at: float
    text: str


class RenderedResults:
    """The latest rendered Result per (number, language), least recently used dropped first."""

    def __init__(
        self,
        max_age: float = MAX_AGE_SECONDS,
        max_entries: int = MAX_ENTRIES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._max_age = max_age
        self._max_entries = max_entries
        self._clock = clock
        self._entries: OrderedDict[tuple[str, str], _Entry] = OrderedDict()
        self._lock = threading.Lock()

    def text(self, lookup: Lookup, lang: str, render: Callable[[], str]) -> str:
        """`render()`'s text for this lookup, reused while its snapshot is the same."""
        if lookup.snapshot is None:  # an error Result: cheap, and not worth remembering
            return render()
        key, now = (lookup.number, lang), self._clock()
        with self._lock:
            entry = self._entries.get(key)
            if (
                entry is not None
                and entry.snapshot is lookup.snapshot
                and entry.stale == lookup.stale
                and entry.access_point == lookup.access_point
                and now - entry.rendered_at < self._max_age
            ):
                self._entries.move_to_end(key)
                return entry.text
        text = render()
        with self._lock:
            entry = _Entry(lookup.snapshot, lookup.stale, lookup.access_point, now, text)
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self._max_entries:
                self._entries.popitem(last=False)
        return text


def init_rendered_results(app: Flask, results: RenderedResults | None = None) -> None:
    app.extensions[_EXTENSION] = results or RenderedResults()


def result_json(lookup: Lookup, lang: str) -> str:
    """One Result (docs/api.md, "Result") as JSON text, in the app's JSON style."""

    def render() -> str:
        return current_app.json.dumps(result_view(lookup, lang), separators=(",", ":"))

    return current_app.extensions[_EXTENSION].text(lookup, lang, render)


def results_response(lookups: list[Lookup], lang: str) -> Response:
    """`{"results": [...]}` assembled from rendered Results, not encoded again as a whole."""
    body = '{"results":[' + ",".join(result_json(lookup, lang) for lookup in lookups) + "]}"
    return current_app.response_class(body, mimetype="application/json")
