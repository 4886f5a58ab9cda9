"""UPS sites and delivery towns used by the sandbox journeys, with their time zones."""

from __future__ import annotations

from backend.sandbox.ups.journeys.base import Place

_NY, _CHI, _LA, _AK = (
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "America/Anchorage",
)
_CN = "Asia/Shanghai"

# United States (UPS writes US city names in capitals)
ONTARIO = Place("ONTARIO", "CA", "US", "91761", _LA, "9170", -480)
LOS_ANGELES = Place("LOS ANGELES", "CA", "US", "90021", _LA, "9006", -480)
HODGKINS = Place("HODGKINS", "IL", "US", "60525", _CHI, "6080", -360)
LOUISVILLE = Place("LOUISVILLE", "KY", "US", "40209", _NY, "4026", -300)
SECAUCUS = Place("SECAUCUS", "NJ", "US", "07094", _NY, "0719", -300)
PARAMUS = Place("PARAMUS", "NJ", "US", "07652", _NY, "0761", -300)
NEW_YORK = Place("NEW YORK", "NY", "US", "10001", _NY, "1019", -300)
ANCHORAGE = Place("ANCHORAGE", "AK", "US", "99502", _AK, "9950", -540)
SEATTLE = Place("SEATTLE", "WA", "US", "98108", _LA, "9810", -480)
ATLANTA = Place("ATLANTA", "GA", "US", "30336", _NY, "3034", -300)
BROOKLYN = Place("BROOKLYN", "NY", "US", "11201", _NY, "1123", -300)

# China mainland and Hong Kong
SHENZHEN = Place("Shenzhen", "", "CN", "518000", _CN, "5180", 480)
HONG_KONG = Place("Hong Kong", "", "HK", "", "Asia/Hong_Kong", "0852", 480)
SHANGHAI = Place("Shanghai", "", "CN", "200120", _CN, "2001", 480)
BEIJING = Place("Beijing", "", "CN", "100020", _CN, "1000", 480)
GUANGZHOU = Place("Guangzhou", "", "CN", "510000", _CN, "5100", 480)
