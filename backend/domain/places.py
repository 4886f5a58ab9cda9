"""Place names in the reader's language.

Countries and regions come from CLDR (data/territories.json, written from babel); the cities UPS scans most often and every
Chinese city have Chinese names from our tables (data/README.md); anything else is shown in
tidy title case instead of UPS's capitals. Chinese reads from the largest unit to the
smallest ("美国 加利福尼亚州 弗里蒙特"), English from the smallest ("Fremont, CA, United States").
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from backend.domain.us_regions import REGIONS_ZH

# Chinese-speaking places whose cities are keyed by pinyin in cities_cn.json.
_CHINESE_COUNTRIES = frozenset({"CN", "HK", "MO", "TW"})
# CLDR's long forms are right but heavy in a scan list; these are the forms people write.
_SHORT_NAMES = {
    "zh": {"HK": "中国香港", "MO": "中国澳门", "TW": "中国台湾"},
    "en": {"HK": "Hong Kong", "MO": "Macao", "TW": "Taiwan"},
}
_SMALL_WORDS = frozenset({"de", "du", "la", "le", "of", "am", "an", "der", "di", "da", "del"})


@cache
def _table(name: str) -> dict[str, Any]:
    text = resources.files("backend.domain").joinpath("data", name).read_text("utf-8")
    table: dict[str, Any] = json.loads(text)
    return table


def _territories(lang: str) -> dict[str, str]:
    # CLDR's names, written from babel by scripts/cldr_territories.py (the domain stays pure).
    names: dict[str, str] = _table("territories.json")["en" if lang == "en" else "zh"]
    return names


def _key(name: str) -> str:
    """'XI'AN' -> 'xian', 'Köln' -> 'koln': how the tables are keyed."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    return re.sub(r"[^a-z]", "", plain.lower())


def country_name(code: str, lang: str) -> str:
    """The CLDR name of an ISO 3166 code in `lang`; the input itself when it is not a code."""
    code = code.strip()
    upper = code.upper()
    lang = "en" if lang == "en" else "zh"
    if upper in _SHORT_NAMES[lang]:
        return _SHORT_NAMES[lang][upper]
    return _territories(lang).get(upper, code) if len(upper) == 2 else code


def tidy(name: str) -> str:
    """UPS's capitals in title case ("WINSTON-SALEM" -> "Winston-Salem"); mixed case is kept."""
    name = " ".join(name.split())
    if not name or (name != name.upper() and name != name.lower()):
        return name
    words = [_tidy_word(word, first=index == 0) for index, word in enumerate(name.split(" "))]
    return " ".join(words)


def _tidy_word(word: str, first: bool) -> str:
    lower = word.lower()
    if not first and lower in _SMALL_WORDS:
        return lower
    if len(word) <= 3 and word.isalpha() and not any(vowel in lower for vowel in "aeiouy"):
        return word.upper()  # abbreviations such as "NW", "STL"
    # Capitalise after hyphens and periods, and after a one-letter prefix's apostrophe:
    # "o'fallon" -> "O'Fallon" but "xi'an" -> "Xi'an".
    word = re.sub(r"(^|[-.])([a-z])", lambda m: m.group(1) + m.group(2).upper(), lower)
    return re.sub(r"\b([A-Za-z])'([a-z])", lambda m: f"{m.group(1)}'{m.group(2).upper()}", word)


def city_name(city: str, country: str, lang: str) -> str:
    """The city in `lang`: Chinese from the tables when known, else tidy title case."""
    city = city.strip()
    if not city:
        return ""
    if lang != "en":
        table = "cities_cn.json" if country.upper() in _CHINESE_COUNTRIES else "cities_world.json"
        found: str | None = _table(table).get(_key(city))
        if found:
            return found
    return tidy(city)


def region_name(state: str, country: str, lang: str) -> str:
    """A state or province: Chinese for the US and Canada when known, else as UPS wrote it."""
    state = state.strip()
    if lang != "en":
        return REGIONS_ZH.get((country.upper(), state.upper()), state)
    return state if len(state) <= 3 else tidy(state)


def place_text(city: str, state: str, country: str, lang: str) -> str:
    """One place in the reader's language and word order; '' when nothing is known."""
    country_text = country_name(country, lang) if country else ""
    region = region_name(state, country, lang) if state else ""
    town = city_name(city, country, lang)
    if lang == "en":
        if town == country_text:
            country_text = ""  # "Hong Kong", not "Hong Kong, Hong Kong"
        return ", ".join(part for part in (town, region, country_text) if part)
    if town and country_text.endswith(town):
        town = ""  # 香港 in 中国香港
    return " ".join(part for part in (country_text, region, town) if part)


@lru_cache(maxsize=4096)  # pure, and every event of every cached lookup passes through here
def localize_location(text: str, lang: str) -> str:
    """A stored "City, ST, CC" (any part may be missing) in the reader's language."""
    parts = [part.strip() for part in (text or "").split(",") if part.strip()]
    if not parts:
        return ""
    country = parts.pop() if _is_country_code(parts[-1]) else ""
    city = parts[0] if parts else ""
    state = ", ".join(parts[1:])
    return place_text(city, state, country, lang)


def _is_country_code(part: str) -> bool:
    """A two-letter ISO code CLDR knows ("NJ" alone is a state, not a country)."""
    return len(part) == 2 and part.isupper() and part in _territories("en")
