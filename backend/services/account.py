"""The caller's own data: see everything kept about them, or close the account and erase it
(China's PIPL arts. 45 and 47; GB/T 35273 §8: access, copy, deletion, account closure)."""

from __future__ import annotations

from dataclasses import dataclass

from backend.domain.shares import Share
from backend.domain.watches import Watch
from backend.ports import CreditLedger, NotificationLog, PersonalRecords, WatchStore
from backend.services.parcels import Parcels
from backend.services.shares import ShareService


@dataclass(frozen=True)
class Notified:
    """One recorded change of a watched parcel and what became of its message."""

    number: str
    change_id: str
    state: str  # sent | unread (no credit) | held (quiet hours) | failed | sending


@dataclass(frozen=True)
class AccountData:
    """Everything the service keeps about one user."""

    watches: list[Watch]
    credits: dict[str, int]
    language: str
    shares: list[Share]
    notifications: list[Notified]


class Account:
    """Reads and erases one user's data through the stores that hold it."""

    def __init__(
        self,
        watches: WatchStore,
        ledger: CreditLedger,
        notifications: NotificationLog,
        records: PersonalRecords,
        parcels: Parcels,
        shares: ShareService,
    ) -> None:
        self._watches = watches
        self._ledger = ledger
        self._notifications = notifications
        self._records = records
        self._parcels = parcels
        self._shares = shares

    def data(self, openid: str) -> AccountData:
        """The user's watch list with nicknames, credits, language, live shares and the
        changes recorded for them, read from the stores as they are now."""
        notified = []
        for key, record in sorted(self._notifications.history(openid).items()):
            number, change_id = key.rsplit(":", 1)
            notified.append(Notified(number, change_id, state=str(record.state)))
        return AccountData(
            self._watches.list(openid),
            self._ledger.credits(openid),
            self._ledger.language(openid),
            self._shares.owned_by(openid),
            notified,
        )

    def erase(self, openid: str) -> None:
        """Close the account: stop watching every parcel (its shares end, and a number
        nobody else watches stops being polled), revoke the remaining shares, then delete
        the user's keys and sessions. Idempotent, so a retry after a failure finishes."""
        for watch in self._watches.list(openid):
            self._parcels.unwatch(openid, watch.number)
        for share in self._shares.owned_by(openid):
            self._shares.revoke(openid, share.share_id)
        self._records.erase(openid)
