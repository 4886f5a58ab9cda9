"""The caller's watched parcels: watch (then look up, start polling, ask for pushes),
read, list and stop watching."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from backend.domain.watches import ParcelNotWatchedError, Watch
from backend.ports import NotificationLog, WatchStore
from backend.services.lookup import Lookup, LookupService
from backend.services.refresh import Refresher


@dataclass(frozen=True)
class Parcel:
    """A watched parcel as its watcher sees it."""

    watch: Watch
    lookup: Lookup
    unread: int  # changes not sent for lack of credit


class Parcels:
    """One user's watch list; polling follows the watches of all users."""

    def __init__(
        self,
        watches: WatchStore,
        lookup: LookupService,
        refresher: Refresher,
        want_push: Callable[[str], None],
        notifications: NotificationLog,
        revoke_shares: Callable[[str, str], object] = lambda _openid, _number: None,
    ) -> None:
        self._watches = watches
        self._lookup = lookup
        self._refresher = refresher
        self._want_push = want_push
        self._notifications = notifications
        self._revoke_shares = revoke_shares  # (openid, number): the owner's links of it

    def list(self, openid: str, lang: str) -> list[Parcel]:
        """The user's parcels, oldest watch first, each with its latest status."""
        watches = self._watches.list(openid)
        if not watches:
            return []
        # A watch list may be longer than one lookup's 30 numbers (the watch limit is 50).
        lookups = self._lookup.lookup_all([watch.number for watch in watches], lang)
        return [self._parcel(openid, w, r) for w, r in zip(watches, lookups, strict=True)]

    def watch(self, openid: str, number: str, nickname: str | None, lang: str) -> Parcel:
        """Watch (again; the nickname is updated); raises WatchLimitError past the limit."""
        watch, _new = self._watches.watch(openid, number, nickname)
        lookup = self._lookup.lookup_for_reader(number, lang)
        self._refresher.start(number, lookup.snapshot.shipment if lookup.snapshot else None)
        self._want_push(number)  # the worker subscribes it to carrier pushes within a second
        return self._parcel(openid, watch, lookup)

    def get(self, openid: str, number: str, lang: str) -> Parcel:
        """One watched parcel; raises ParcelNotWatchedError."""
        watch = self._watches.get(openid, number)
        if watch is None:
            raise ParcelNotWatchedError(number)
        return self._parcel(openid, watch, self._lookup.lookup_for_reader(number, lang))

    def unwatch(self, openid: str, number: str) -> None:
        """Stop watching: the user's shares of the parcel end first (a retry finishes the
        rest), and polling stops once nobody watches the number."""
        self._revoke_shares(openid, number)
        if self._watches.unwatch(openid, number):
            self._refresher.stop(number)

    def _parcel(self, openid: str, watch: Watch, lookup: Lookup) -> Parcel:
        return Parcel(watch, lookup, len(self._notifications.unread(openid, watch.number)))
