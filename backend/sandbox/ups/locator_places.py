"""The sandbox's UPS locations: fictitious names at real WGS-84 points, real hour patterns.

Hours are written the way UPS sends them: Day 1 = Sunday, HHMM without a leading zero,
"0" for midnight, split shifts as pairs of open/close lists.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CLOSED, ALL_DAY = "closed", "24h"
Hours = dict[int, object]  # UPS day (1 = Sunday) -> CLOSED | ALL_DAY | [(open, close), ...]


def _week(weekday, saturday, sunday) -> Hours:
    return {1: sunday, **dict.fromkeys(range(2, 7), weekday), 7: saturday}


OFFICE = _week([("900", "1800")], [("1000", "1400")], CLOSED)  # Sat short, Sun closed
SPLIT = _week([("800", "1000"), ("1630", "1930")], [("900", "1200")], CLOSED)
LATE = _week([("1000", "0")], [("1000", "0")], [("1200", "1800")])  # closes at midnight
RETAIL = _week([("830", "2100")], [("830", "2100")], [("1000", "1900")])
ALL_WEEK: Hours = {day: ALL_DAY for day in range(1, 8)}


@dataclass(frozen=True)
class SandboxLocation:
    location_id: str
    name: str
    type_code: str  # OptionType 01 code: 001 customer center ... 018 Access Point, 019 locker
    lat: float
    lng: float
    lines: tuple[str, ...]
    city: str
    state: str
    postcode: str
    country: str
    phone: str
    hours: Hours
    hours_text: str
    timezone: str | None = None  # UPS often leaves it out
    show_phone: bool = True
    ap_id: str | None = None
    ap_status: str = "01"  # 01 active, 07 active but unavailable
    unavailable_reason: str | None = None  # 02 full
    quirks: frozenset[str] = field(default_factory=frozenset)
    aliases: tuple[str, ...] = ()  # address texts that find it exactly (text searches)


def _ap(code: str = "018", **kwargs) -> SandboxLocation:
    return SandboxLocation(type_code=code, **kwargs)


LOCATIONS: tuple[SandboxLocation, ...] = (
    # Shanghai
    SandboxLocation("SH0001", "UPS CUSTOMER CENTER LUJIAZUI", "001", 31.2397, 121.4998,
        ("8 CENTURY AVE", "FLOOR 1"), "SHANGHAI", "SH", "200120", "CN", "+86 21 6888 0001",
        OFFICE, "Mon-Fri: 9:00am-6:00pm; Sat: 10:00am-2:00pm; Sun: Closed", "Asia/Shanghai",
        quirks=frozenset({"hours_type_13"})),
    SandboxLocation("SH0002", "UPS DROP BOX JING'AN TEMPLE", "003", 31.2233, 121.4455,
        ("1686 NANJING WEST RD",), "SHANGHAI", "SH", "200040", "CN", "", LATE,
        "Mon-Sat: 10:00am-12:00am; Sun: 12:00pm-6:00pm", show_phone=False),
    _ap(location_id="SH0003", name="XINTIANDI CONVENIENCE (UPS ACCESS POINT)", lat=31.2197,
        lng=121.4750, lines=("123 MADANG RD",), city="SHANGHAI", state="SH", postcode="200021",
        country="CN", phone="+86 21 6333 0003", hours=RETAIL,
        hours_text="Mon-Sat: 8:30am-9:00pm; Sun: 10:00am-7:00pm", ap_id="CN0000000301"),
    # Beijing
    SandboxLocation("BJ0001", "UPS CUSTOMER CENTER GUOMAO", "001", 39.9088, 116.4597,
        ("1 JIANGUOMENWAI AVE", "CHINA WORLD TOWER B"), "BEIJING", "BJ", "100004", "CN",
        "+86 10 6505 0001", OFFICE, "Mon-Fri: 9:00am-6:00pm; Sat: 10:00am-2:00pm; Sun: Closed",
        "Asia/Shanghai", quirks=frozenset({"address_cr"})),
    SandboxLocation("BJ0002", "WANGFUJING SHIPPING SERVICES", "004", 39.9139, 116.4103,
        ("138 WANGFUJING ST",), "BEIJING", "BJ", "100006", "CN", "+86 10 6512 0002", RETAIL,
        "Mon-Sat: 8:30am-9:00pm; Sun: 10:00am-7:00pm"),
    # Shenzhen
    SandboxLocation("SZ0001", "UPS CUSTOMER CENTER FUTIAN", "001", 22.5431, 114.0579,
        ("6008 SHENNAN BLVD",), "SHENZHEN", "GD", "518048", "CN", "+86 755 8828 0001", SPLIT,
        "Mon-Fri: 8:00am-10:00am, 4:30pm-7:30pm; Sat: 9:00am-12:00pm; Sun: Closed",
        "Asia/Shanghai"),
    SandboxLocation("SZ0002", "NANSHAN EXPRESS OUTLET", "004", 22.5405, 113.9536,
        ("2 KEJI SOUTH 12TH RD",), "SHENZHEN", "GD", "518057", "CN", "+86 755 2655 0002",
        OFFICE, "Mon-Fri: 9:00am-6:00pm; Sat: 10:00am-2:00pm; Sun: Closed", show_phone=False),
    # Hong Kong: no postcodes
    _ap(location_id="HK0001", name="QUEEN'S ROAD STATIONERY (UPS ACCESS POINT)", lat=22.2819,
        lng=114.1582, lines=("88 QUEEN'S ROAD CENTRAL",), city="CENTRAL", state="",
        postcode="", country="HK", phone="+852 2525 0001", hours=RETAIL,
        hours_text="Mon-Sat: 8:30am-9:00pm; Sun: 10:00am-7:00pm", timezone="Asia/Hong_Kong",
        ap_id="HK0000000101"),
    SandboxLocation("HK0002", "UPS CUSTOMER CENTER KWUN TONG", "001", 22.3119, 114.2252,
        ("UNIT 5, 9/F, 33 HOW MING ST",), "KWUN TONG", "KOWLOON", "", "HK", "+852 2735 0002",
        OFFICE, "Mon-Fri: 9:00am-6:00pm; Sat: 10:00am-2:00pm; Sun: Closed", "Asia/Hong_Kong"),
    # United States
    SandboxLocation("US0001", "UPS CUSTOMER CENTER ATLANTA", "001", 33.7607, -84.5407,
        ("1000 UPS WAY",), "ATLANTA", "GA", "30336", "US", "1-888-742-5877", ALL_WEEK,
        "Open 24 hours", "America/New_York"),
    SandboxLocation("US0002", "THE UPS STORE #0042", "002", 40.7549, -73.9840,
        ("1400 BROADWAY",), "NEW YORK", "NY", "10018", "US", "212-555-0142", RETAIL,
        "Mon-Sat: 8:30am-9:00pm; Sun: 10:00am-7:00pm", quirks=frozenset({"hours_type_13"})),
    _ap(location_id="US0003", name="PICO MARKET (UPS ACCESS POINT)", lat=34.0494,
        lng=-118.2563, lines=("700 S FLOWER ST",), city="LOS ANGELES", state="CA",
        postcode="90017", country="US", phone="213-555-0133", hours=RETAIL,
        hours_text="Mon-Sat: 8:30am-9:00pm; Sun: 10:00am-7:00pm", ap_id="U12345601",
        ap_status="07", unavailable_reason="02"),
    SandboxLocation("US0004", "UPS DROP BOX MONROE ST", "003", 41.8820, -87.6278,
        ("10 S DEARBORN ST",), "CHICAGO", "IL", "60603", "US", "", LATE,
        "Mon-Sat: 10:00am-12:00am; Sun: 12:00pm-6:00pm", show_phone=False,
        quirks=frozenset({"bare_objects"})),
    # Brooklyn: where the sandbox's access_point parcel waits (journeys/domestic.py)
    _ap(location_id="US0005", name="COURT STREET PHARMACY (UPS ACCESS POINT)", lat=40.6902,
        lng=-73.9918, lines=("150 COURT ST",), city="BROOKLYN", state="NY", postcode="11201",
        country="US", phone="718-555-0150", hours=SPLIT,
        hours_text="Mon-Fri: 8:00am-10:00am, 4:30pm-7:30pm; Sat: 9:00am-12:00pm; Sun: Closed",
        ap_id="U12345605", aliases=("150 COURT ST, BROOKLYN, NY 11201",)),
    _ap("019", location_id="US0006", name="UPS ACCESS POINT LOCKER ATLANTIC AVE", lat=40.6887,
        lng=-73.9945, lines=("110 ATLANTIC AVE",), city="BROOKLYN", state="NY",
        postcode="11201", country="US", phone="", hours=ALL_WEEK, hours_text="Open 24 hours",
        show_phone=False, ap_id="U12345606"),
)  # fmt: skip

# Text searches the sandbox can place on the map (its stand-in for UPS's geocoder).
PLACES: dict[str, tuple[float, float, str]] = {
    "shanghai": (31.2304, 121.4737, "CN"),
    "上海": (31.2304, 121.4737, "CN"),
    "beijing": (39.9042, 116.4074, "CN"),
    "北京": (39.9042, 116.4074, "CN"),
    "shenzhen": (22.5431, 114.0579, "CN"),
    "深圳": (22.5431, 114.0579, "CN"),
    "hong kong": (22.2819, 114.1582, "HK"),
    "香港": (22.2819, 114.1582, "HK"),
    "atlanta": (33.7490, -84.3880, "US"),
    "new york": (40.7128, -74.0060, "US"),
    "brooklyn": (40.6782, -73.9442, "US"),
    "los angeles": (34.0522, -118.2437, "US"),
    "chicago": (41.8781, -87.6298, "US"),
}
# Names UPS cannot place without more detail: answered with GeocodeCandidate[].
AMBIGUOUS: dict[str, tuple[tuple[str, str, float, float], ...]] = {
    "springfield": (
        ("SPRINGFIELD", "IL", 39.7817, -89.6501),
        ("SPRINGFIELD", "MA", 42.1015, -72.5898),
        ("SPRINGFIELD", "MO", 37.2090, -93.2923),
    ),
}
