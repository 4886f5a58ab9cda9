"""Which of a number's pending changes still deserve a message, most important first.

A change left pending (a crash, a send that must wait) can be overtaken by a newer one
before anybody heard of it. The newest change is always told; an older one only when it
matters more than the newest (an exception the parcel has since moved on from is still
worth knowing); the rest are superseded: nobody needs "in transit" once it is delivered.
"""

from __future__ import annotations

from backend.domain.statuses import importance
from backend.domain.tracking import StatusChange


def worth_telling(
    pending: tuple[StatusChange, ...],
) -> tuple[tuple[StatusChange, ...], tuple[StatusChange, ...]]:
    """(changes to tell, most important first; changes superseded), from `pending` oldest
    first as the tracking state keeps them."""
    if len(pending) < 2:
        return pending, ()
    newest = pending[-1]
    kept = [c for c in pending[:-1] if importance(c.current) > importance(newest.current)]
    superseded = tuple(c for c in pending[:-1] if c not in kept)
    told = sorted([*kept, newest], key=lambda c: (-importance(c.current), c.event_time))
    return tuple(told), superseded
