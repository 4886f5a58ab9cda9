"""The JSON body of a UPS Locator search (docs/ups.md §10), built from a LocatorQuery."""

from __future__ import annotations

from backend.domain.locations import LocatorQuery

# reqOption path values: 1 = drop-off and will-call locations, 64 = Access Point search.
LOCATIONS, ACCESS_POINTS = "1", "64"
# OptionType 01 (Location) codes: Customer Center, The UPS Store, Drop Box, Authorized
# Shipping Outlet, Mail Boxes Etc., UPS Alliance, Authorized Service Provider.
COUNTER_AND_BOX_CODES = ("001", "002", "003", "004", "005", "007", "014")
# zh_CN is not a documented Locator locale: ask in English, label kinds and days ourselves.
LOCALE = "en_US"
# The spec caps the radius at 150 km and the list at 50 entries; both must be whole numbers.
MAX_RADIUS_KM, MIN_RADIUS_KM, MAX_LIST = 150, 5, 50


def req_option(query: LocatorQuery) -> str:
    return ACCESS_POINTS if query.access_points else LOCATIONS


def _origin(query: LocatorQuery) -> dict:
    """Geocode when we have a point; otherwise the address as one line.

    The schema wants AddressKeyFormat even with a Geocode; CountryCode is enough there.
    SingleLineAddress suits addresses without postcodes (Hong Kong) and free text alike.
    """
    country = query.country.upper()
    if query.point is not None:
        key_format = {"CountryCode": country} if country else {}
        geocode = {"Latitude": f"{query.point.lat:.6f}", "Longitude": f"{query.point.lng:.6f}"}
        return {"Geocode": geocode, "AddressKeyFormat": key_format}
    key_format = {"SingleLineAddress": query.address.strip()}
    if country:
        key_format["CountryCode"] = country
    return {"AddressKeyFormat": key_format, "MaximumListSize": "5"}


def _criteria(query: LocatorQuery) -> dict:
    radius = max(MIN_RADIUS_KM, min(MAX_RADIUS_KM, int(query.radius_km)))
    criteria: dict = {
        "MaximumListSize": str(max(1, min(MAX_LIST, query.limit))),
        "SearchRadius": str(radius),
    }
    if query.access_points and query.access_point_id:
        criteria["AccessPointSearch"] = {"PublicAccessPointID": query.access_point_id}
    elif query.access_points:
        criteria["AccessPointSearch"] = {"AccessPointStatus": "01"}
    else:
        codes = [{"Code": code} for code in COUNTER_AND_BOX_CODES]
        criteria["SearchOption"] = [{"OptionType": {"Code": "01"}, "OptionCode": codes}]
    return criteria


def locator_body(query: LocatorQuery, transaction_reference: str) -> dict:
    """The LocatorRequest for `query`, distances in kilometres, closest first."""
    return {
        "LocatorRequest": {
            "Request": {
                "RequestAction": "Locator",
                "TransactionReference": {"CustomerContext": transaction_reference},
            },
            "OriginAddress": _origin(query),
            "Translate": {"Locale": LOCALE},
            "UnitOfMeasurement": {"Code": "KM"},
            "LocationSearchCriteria": _criteria(query),
            "SortCriteria": {"SortType": "01"},
        }
    }
