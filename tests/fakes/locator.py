"""In-memory Locator port for service and cache tests (no sockets, no Redis)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from backend import ports
from backend.domain.geo import distance_m
from backend.domain.locations import Location, LocatorAnswer, LocatorError, LocatorQuery


@dataclass
class FakeLocator:
    """Locator port: filters its places by family and radius like the carrier would, records
    every query, and fails on demand (`failing` = Access Points (True), counters (False))."""

    places: list[Location] = field(default_factory=list)
    geocoder: dict[str, LocatorAnswer] = field(default_factory=dict)  # address -> answer
    failing: dict[bool, LocatorError] = field(default_factory=dict)
    queries: list[LocatorQuery] = field(default_factory=list)

    def search(self, query: LocatorQuery) -> LocatorAnswer:
        self.queries.append(query)
        if query.access_points in self.failing:
            raise self.failing[query.access_points]
        pickup = {"access_point", "locker"}
        family = [p for p in self.places if (p.kind.value in pickup) == query.access_points]
        if query.point is None:
            answer = self.geocoder.get(query.address, LocatorAnswer())
            if answer.origin is None:
                return answer
            origin = answer.origin
        else:
            origin = query.point
        near = [p for p in family if distance_m(origin, p.point) <= query.radius_km * 1000]
        near.sort(key=lambda p: distance_m(origin, p.point))
        return LocatorAnswer(tuple(near[: query.limit]), origin)


# Each fake declared against its port: mypy (make lint) fails when one drifts.
if TYPE_CHECKING:
    _locator: ports.Locator = FakeLocator()
