"""Which of mainland China, Hong Kong, Macau or elsewhere a WGS-84 point lies in.

Coarse outlines (tens of kilometres at land borders, closer where cities meet a border:
Shenzhen/Hong Kong and Zhuhai/Macau), enough to pick a map datum and a time zone. The
libraries' usual rectangle (72-138E, 0.8-56N) also takes in Korea, Vietnam, Mongolia, Taiwan
and Russia's Far East, where no map is shifted; these outlines do not.
"""

from __future__ import annotations

MAINLAND, HONG_KONG, MACAU, TAIWAN, ELSEWHERE = "CN", "HK", "MO", "TW", ""

# (lng, lat) vertices, counter-clockwise from the Pamirs, following land borders and
# keeping offshore: Hainan in, Taiwan, the Korean peninsula and Vietnam's coast out.
_MAINLAND = (
    (73.5, 39.4), (74.9, 37.2), (75.9, 36.6), (77.8, 35.5), (78.9, 34.3), (78.7, 32.5),
    (79.5, 30.9), (81.1, 30.0), (83.5, 29.2), (85.0, 28.6), (86.9, 27.95), (88.1, 27.9),
    (88.9, 27.3), (89.6, 28.2), (91.6, 27.9), (94.5, 29.2), (96.1, 29.4), (97.1, 28.3),
    (98.6, 27.6), (98.7, 25.9), (97.7, 24.8), (98.8, 24.0), (99.5, 22.9), (101.1, 21.7),
    (101.8, 21.1), (102.2, 22.4), (103.0, 22.5), (104.4, 22.7), (105.6, 23.1), (106.7, 22.8),
    (106.7, 22.0), (108.0, 21.5), (108.4, 18.0), (111.3, 18.0), (111.5, 20.5), (114.5, 22.1),
    (117.5, 23.0), (119.6, 25.0), (120.5, 26.5), (122.5, 29.5), (122.2, 31.0), (121.0, 32.5),
    (120.0, 34.5), (122.7, 37.4), (121.2, 38.7), (124.3, 39.8), (125.3, 40.4), (126.9, 41.7),
    (128.0, 41.9), (130.6, 42.4), (130.9, 42.9), (131.3, 44.0), (131.1, 44.9), (133.1, 45.1),
    (134.7, 48.3), (132.5, 47.7), (130.8, 48.9), (127.5, 49.8), (125.6, 52.9), (122.5, 53.5),
    (120.8, 53.3), (120.1, 51.9), (117.8, 49.5), (116.7, 49.8), (115.5, 47.9), (119.9, 46.8),
    (117.4, 46.5), (113.7, 44.7), (111.9, 43.7), (110.4, 42.8), (107.2, 42.3), (105.0, 41.6),
    (100.9, 42.6), (96.4, 42.7), (95.3, 44.2), (90.9, 45.3), (90.7, 46.9), (88.0, 48.5),
    (87.8, 49.2), (85.7, 47.0), (83.0, 47.2), (82.3, 45.4), (80.0, 44.9), (80.3, 42.8),
    (78.5, 41.5), (76.9, 41.0), (75.6, 40.6),
)  # fmt: skip

# Hong Kong's land border runs along the Shenzhen River; Shenzhen's Futian and Nanshan lie
# just north of these edges, Lantau and the islands inside.
_HONG_KONG = (
    (113.82, 22.15), (114.45, 22.15), (114.50, 22.45), (114.35, 22.56), (114.23, 22.56),
    (114.10, 22.53), (114.03, 22.50), (113.89, 22.45), (113.82, 22.40),
)  # fmt: skip

# Macau peninsula, Taipa and Cotai; Zhuhai's Gongbei (north) and Hengqin (west) outside.
_MACAU = ((113.528, 22.105), (113.600, 22.105), (113.600, 22.217), (113.528, 22.217))

_TAIWAN = ((119.2, 21.8), (122.2, 21.8), (122.2, 25.5), (119.2, 25.5))


def _inside(lng: float, lat: float, polygon: tuple[tuple[float, float], ...]) -> bool:
    """Even-odd ray casting: count the edges a ray due east of the point crosses."""
    inside = False
    previous = polygon[-1]
    for vertex in polygon:
        (x1, y1), (x2, y2) = previous, vertex
        if (y1 > lat) != (y2 > lat) and lng < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
        previous = vertex
    return inside


def region_of(lat: float, lng: float) -> str:
    """ "CN", "HK", "MO", "TW" or "" for a WGS-84 point. Small regions are tested first."""
    for code, outline in ((HONG_KONG, _HONG_KONG), (MACAU, _MACAU), (TAIWAN, _TAIWAN)):
        if _inside(lng, lat, outline):
            return code
    return MAINLAND if _inside(lng, lat, _MAINLAND) else ELSEWHERE


_NAMED = ((HONG_KONG, ("香港", "hong kong")), (MACAU, ("澳门", "澳門", "macau", "macao")))


def region_of_text(text: str) -> str:
    """A country code guessed from an address as people type it: Hong Kong and Macau by name,
    other Chinese text as the mainland, anything else unknown ("")."""
    folded = text.lower()
    for code, names in _NAMED:
        if any(name in folded for name in names):
            return code
    return MAINLAND if any("\u4e00" <= char <= "\u9fff" for char in text) else ELSEWHERE
