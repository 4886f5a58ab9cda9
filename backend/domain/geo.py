"""Points on the earth: distance, which map datum applies where, and WGS-84 -> GCJ-02.

UPS and GPS speak WGS-84; WeChat's <map> and wx.openLocation expect GCJ-02 (the shifted
datum Chinese maps must use). The forward shift is a published closed form on the
Krasovsky ellipsoid; it applies inside mainland China and, because WeChat's maps draw
Hong Kong and Macau from the same Chinese map data, there too. Taiwan and every other place
keep WGS-84 unchanged.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from backend.domain import regions

EARTH_RADIUS_M = 6_371_008.8  # mean radius (IUGG), for great-circle distances
# GCJ-02's ellipsoid: Krasovsky 1940 semi-major axis and first eccentricity squared.
_KRASOVSKY_A = 6_378_245.0
_KRASOVSKY_EE = 0.00669342162296594323
# Regions where WeChat's maps are drawn in GCJ-02.
SHIFTED_REGIONS = frozenset({regions.MAINLAND, regions.HONG_KONG, regions.MACAU})


@dataclass(frozen=True)
class Point:
    """A latitude/longitude pair in degrees; which datum is up to whoever holds it."""

    lat: float
    lng: float

    def is_valid(self) -> bool:
        return -90.0 <= self.lat <= 90.0 and -180.0 <= self.lng <= 180.0


def distance_m(a: Point, b: Point) -> float:
    """Great-circle (straight-line) distance in metres, by the haversine formula."""
    lat1, lat2 = math.radians(a.lat), math.radians(b.lat)
    dlat, dlng = lat2 - lat1, math.radians(b.lng - a.lng)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlng / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def _lat_shift(x: float, y: float) -> float:
    """The latitude polynomial and sine terms, in metres, of offsets from 105E 35N."""
    value = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    value += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2 / 3
    value += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2 / 3
    value += (160.0 * math.sin(y / 12.0 * math.pi) + 320.0 * math.sin(y * math.pi / 30.0)) * 2 / 3
    return value


def _lng_shift(x: float, y: float) -> float:
    """The longitude counterpart of _lat_shift."""
    value = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    value += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2 / 3
    value += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2 / 3
    value += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2 / 3
    return value


def gcj02_shift(point: Point) -> Point:
    """The exact forward WGS-84 -> GCJ-02 conversion, wherever the point is.

    Callers normally want `to_gcj02`, which leaves points outside the shifted regions alone.
    """
    x, y = point.lng - 105.0, point.lat - 35.0
    rad_lat = math.radians(point.lat)
    magic = 1 - _KRASOVSKY_EE * math.sin(rad_lat) ** 2
    sqrt_magic = math.sqrt(magic)
    # Metres on the ellipsoid to degrees: meridian radius for latitude, parallel for longitude.
    dlat = _lat_shift(x, y) * 180.0 / ((_KRASOVSKY_A * (1 - _KRASOVSKY_EE)) / (magic * sqrt_magic))
    dlng = _lng_shift(x, y) * 180.0 / (_KRASOVSKY_A / sqrt_magic * math.cos(rad_lat))
    return Point(point.lat + dlat / math.pi, point.lng + dlng / math.pi)


def is_shifted(point: Point) -> bool:
    """True where WeChat's maps use GCJ-02: mainland China, Hong Kong and Macau."""
    return regions.region_of(point.lat, point.lng) in SHIFTED_REGIONS


def to_gcj02(point: Point) -> Point:
    """The point as WeChat's <map> and wx.openLocation expect it (unchanged where unshifted)."""
    return gcj02_shift(point) if is_shifted(point) else point
