"""What WeChat accepts in each subscribe-message keyword type (wechat.md §2.3 limits table)."""

from __future__ import annotations

import re
from collections.abc import Callable

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # newlines and other control characters
_DATE = r"(?:\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2})"
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?"
_TIME_ONE = rf"(?:{_DATE}\s*)?{_CLOCK}"
_DATE_ONE = rf"{_DATE}(?:\s*{_CLOCK})?"


def _ranged(one: str) -> re.Pattern[str]:
    # Both time and date accept a range written "start~end".
    return re.compile(rf"^{one}(?:\s*~\s*{one})?$")


_PATTERNS: dict[str, re.Pattern[str]] = {
    "number": re.compile(r"^(?=.{1,32}$)[-+]?\d+(?:\.\d+)?$"),
    "letter": re.compile(r"^[A-Za-z]{1,32}$"),
    "symbol": re.compile(rf"^[^\sA-Za-z0-9{_CJK}]{{1,5}}$"),
    "character_string": re.compile(r"^[\x20-\x7e]{1,32}$"),  # printable ASCII: no Chinese
    "time": _ranged(_TIME_ONE),
    "date": _ranged(_DATE_ONE),
    "amount": re.compile(r"^[¥￥$€£]?\d{1,10}(?:\.\d{1,2})?元?$"),
    "phone_number": re.compile(r"^[\d+\-() ]{1,17}$"),
    "car_number": re.compile(rf"^[A-Za-z0-9{_CJK}]{{1,8}}$"),
    "name": re.compile(rf"^(?:[{_CJK}]{{1,10}}|[A-Za-z][A-Za-z .]{{0,19}})$"),
    "phrase": re.compile(rf"^[{_CJK}]{{1,5}}$"),  # pure Chinese, at most five characters
}


def _thing(value: str) -> bool:
    return 0 < len(value) <= 20


def _enum(value: str) -> bool:
    # Allowed values live in the template's keywordEnumValueList, which we do not hold.
    return 0 < len(value) <= 20


_CHECKS: dict[str, Callable[[str], bool]] = {
    **{name: pattern.match for name, pattern in _PATTERNS.items()},  # type: ignore[misc]
    "thing": _thing,
    "enum": _enum,
    "enum_string": _enum,
}


def value_ok(keyword_type: str, value: object) -> bool:
    """True when WeChat would accept `value` for a keyword of `keyword_type`."""
    check = _CHECKS.get(keyword_type)
    if check is None or not isinstance(value, str) or _CONTROL.search(value):
        return False
    return bool(check(value))
