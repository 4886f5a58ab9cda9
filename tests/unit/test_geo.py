"""WGS-84 -> GCJ-02 against published reference points; regions; great-circle distance.

Reference material (none of it written by us):
- hujiulong/gcoord test/fixtures/china-cities.json (commit fedbaa10): WGS-84 and GCJ-02
  coordinates of Chinese city centres as Chinese map services place them. Our closed form
  lands within about 0.7 m of every one (the published shift there is 100-700 m).
- hujiulong/gcoord test/unit/crs/WGS84.spec.ts: [123, 45] -> [123.00607541, 45.00197815].
- coordtransform_rs tests (a Rust port of wandergis/coordtransform):
  wgs84_to_gcj02(116.404, 39.915) == (116.41024449916938, 39.91640428150164).
- docs/wechat.md §8: the common algorithm shifts Shanghai ~482 m, Beijing ~555 m,
  Shenzhen ~607 m and Hong Kong ~597 m.
"""

from __future__ import annotations

import math

import pytest

from backend.domain import regions
from backend.domain.geo import EARTH_RADIUS_M, Point, distance_m, gcj02_shift, is_shifted, to_gcj02

# (city, WGS-84 lng, lat, GCJ-02 lng, lat) from gcoord's china-cities.json
CHINA_CITIES = [
    ("驻马店", 114.0164322, 33.0133556, 114.022306, 33.0115324),
    ("邵阳", 111.4622119, 27.242124, 111.4677938, 27.2388981),
    ("那曲", 92.0499619, 31.4784436, 92.0512438, 31.4762063),
    ("郑州", 113.6192856, 34.7478004, 113.6253334, 34.7466173),
    ("沈阳", 123.4253306, 41.8032629, 123.4314787, 41.8057023),
    ("锡林郭勒", 116.0414035, 43.9312805, 116.0482308, 43.9334573),
    ("酒泉", 98.4937175, 39.7319946, 98.4943595, 39.7328234),
    ("钦州", 108.6503952, 21.9828281, 108.6541485, 21.9799392),
    ("汕头", 116.6775114, 23.3567569, 116.6819735, 23.3540964),
    ("泉州", 118.6711365, 24.8770487, 118.6756787, 24.8741363),
]


@pytest.mark.parametrize(("city", "lng", "lat", "gcj_lng", "gcj_lat"), CHINA_CITIES)
def test_forward_conversion_matches_published_city_pairs(city, lng, lat, gcj_lng, gcj_lat):
    wgs, published = Point(lat, lng), Point(gcj_lat, gcj_lng)
    converted = to_gcj02(wgs)
    assert distance_m(wgs, published) > 100  # the shift we must reproduce is real
    assert distance_m(converted, published) < 1.0


def test_forward_conversion_matches_library_vectors_exactly():
    gcoord = gcj02_shift(Point(45.0, 123.0))
    assert gcoord.lng == pytest.approx(123.00607541, abs=1e-8)
    assert gcoord.lat == pytest.approx(45.00197815, abs=1e-8)
    rust = to_gcj02(Point(39.915, 116.404))
    assert rust.lng == pytest.approx(116.41024449916938, abs=1e-12)
    assert rust.lat == pytest.approx(39.91640428150164, abs=1e-12)


@pytest.mark.parametrize(
    ("name", "point", "metres"),
    [
        ("Shanghai", Point(31.2304, 121.4737), 482),
        ("Beijing", Point(39.9042, 116.4074), 555),
        ("Shenzhen", Point(22.5431, 114.0579), 607),
        ("Hong Kong", Point(22.2819, 114.1582), 597),
    ],
)
def test_shift_sizes_match_the_design_note(name, point, metres):
    assert distance_m(point, to_gcj02(point)) == pytest.approx(metres, abs=15)


@pytest.mark.parametrize(
    ("name", "lat", "lng", "region"),
    [
        ("Beijing", 39.9042, 116.4074, "CN"),
        ("Shanghai", 31.2304, 121.4737, "CN"),
        ("Shenzhen Futian, 3 km from the HK border", 22.5431, 114.0579, "CN"),
        ("Shenzhen Nanshan", 22.5405, 113.9536, "CN"),
        ("Urumqi", 43.8256, 87.6168, "CN"),
        ("Lhasa", 29.65, 91.10, "CN"),
        ("Kashgar", 39.47, 75.99, "CN"),
        ("Harbin", 45.75, 126.65, "CN"),
        ("Sanya, Hainan", 18.25, 109.50, "CN"),
        ("Zhuhai Hengqin", 22.12, 113.52, "CN"),
        ("Hong Kong Central", 22.2819, 114.1582, "HK"),
        ("Kwun Tong", 22.3119, 114.2252, "HK"),
        ("Macau Senado Square", 22.1937, 113.5399, "MO"),
        ("Taipei", 25.03, 121.56, "TW"),
        ("Seoul", 37.57, 126.98, ""),
        ("Pyongyang", 39.03, 125.75, ""),
        ("Hanoi", 21.03, 105.85, ""),
        ("Ulaanbaatar", 47.92, 106.92, ""),
        ("Kathmandu", 27.70, 85.30, ""),
        ("Vladivostok", 43.12, 131.89, ""),
        ("Almaty", 43.24, 76.89, ""),
        ("Tokyo", 35.68, 139.69, ""),
        ("New York", 40.7549, -73.9840, ""),
    ],
)
def test_regions(name, lat, lng, region):
    assert regions.region_of(lat, lng) == region


def test_only_mainland_hong_kong_and_macau_are_shifted():
    for point in (Point(31.2304, 121.4737), Point(22.2819, 114.1582), Point(22.1937, 113.5399)):
        assert is_shifted(point) and to_gcj02(point) != point
    for point in (Point(25.03, 121.56), Point(37.57, 126.98), Point(40.7549, -73.984)):
        assert not is_shifted(point) and to_gcj02(point) == point


def test_distance_matches_the_aviation_formulary_worked_example():
    # Ed Williams' Aviation Formulary: LAX (33°57'N 118°24'W) to JFK (40°38'N 73°47'W) is
    # 0.623585 radians of arc, "about 2144 nm" (one nautical mile = one minute of arc).
    lax = Point(33 + 57 / 60, -(118 + 24 / 60))
    jfk = Point(40 + 38 / 60, -(73 + 47 / 60))
    arc = distance_m(lax, jfk) / EARTH_RADIUS_M
    assert arc == pytest.approx(0.623585, abs=2e-6)
    assert math.degrees(arc) * 60 == pytest.approx(2144, abs=1)
    assert distance_m(jfk, jfk) == 0.0


@pytest.mark.parametrize(
    ("text", "region"),
    [("香港中环", "HK"), ("Central, Hong Kong", "HK"), ("澳门", "MO"), ("上海市静安区", "CN"),
     ("Brooklyn, NY", ""), ("", "")],
)  # fmt: skip
def test_region_guessed_from_typed_addresses(text, region):
    assert regions.region_of_text(text) == region
