"""What WeChat accepts in each subscribe-message keyword type.

WeChat's table "订阅消息参数值内容限制说明" (sendMessage / subscribeMessage.send) with its
note on dates: a date is y年m月d日, y年m月 or m月d日, or numbers joined by '-', '/' or '.'
(2018-01-01, 2018/01/01, 2018.01.01, 2018-01, 01-01); a time is 24-hour HH:MM or HH:MM:SS;
"symbols" are common symbols other than Chinese, letters and digits, never control characters.

Where the table leaves room we read it the strict way (a sandbox must not be kinder than WeChat):
emoji are no "common symbol"; a character_string's symbols are ASCII ones (full-width '：' is
refused there); every value must be non-empty.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

# 汉字: CJK unified ideographs (with extension A), compatibility ideographs, and the two
# supplementary ideographic planes (extensions B onwards live there and nothing else does).
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
ASCII_SYMBOLS = r" !\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~"
# Common full-width punctuation Chinese text uses; allowed where the table says "符号".
WIDE_SYMBOLS = "，。、；：？！“”‘’（）《》〈〉【】「」『』—…·～￥"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")

_SYMBOL = f"[{ASCII_SYMBOLS}{WIDE_SYMBOLS}]"
_CLOCK = r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?"
_Y, _M, _D = r"\d{4}", r"(?:0?[1-9]|1[0-2])", r"(?:0?[1-9]|[12]\d|3[01])"


def _date(tag: str) -> str:
    """One date in any documented form; `tag` names the separator group (same one twice)."""
    return (
        rf"(?:{_Y}年{_M}月{_D}日|{_Y}年{_M}月|{_M}月{_D}日"
        rf"|{_Y}(?P<{tag}>[-/.]){_M}(?P={tag}){_D}|{_Y}[-/.]{_M}|{_M}[-/.]{_D})"
    )


def _time(tag: str) -> str:
    return rf"(?:{_date(tag)}\s*)?{_CLOCK}"


def _day(tag: str) -> str:
    return rf"{_date(tag)}(?:\s*{_CLOCK})?"


_PATTERNS: dict[str, re.Pattern[str]] = {
    # 32位以内数字，只能数字，可带小数
    "number": re.compile(r"^(?=(?:\D*\d){1,32}\D*$)\d+(?:\.\d+)?$"),
    # 32位以内字母
    "letter": re.compile(r"^[A-Za-z]{1,32}$"),
    # 5位以内符号
    "symbol": re.compile(rf"^{_SYMBOL}{{1,5}}$"),
    # 32位以内数字、字母或符号
    "character_string": re.compile(rf"^[A-Za-z0-9{ASCII_SYMBOLS}]{{1,32}}$"),
    # 24小时制时间（可加年月日），时间段用 ~ 连接
    "time": re.compile(rf"^{_time('a')}(?:\s*~\s*{_time('b')})?$"),
    # 年月日（可加24小时制时间），时间段用 ~ 连接
    "date": re.compile(rf"^{_day('a')}(?:\s*~\s*{_day('b')})?$"),
    # 1个币种符号+10位以内纯数字，可带小数，结尾可带“元”
    "amount": re.compile(r"^[¥￥$€£]\d{1,10}(?:\.\d+)?元?$"),
    # 17位以内，数字、符号
    "phone_number": re.compile(rf"^[0-9{ASCII_SYMBOLS}]{{1,17}}$"),
    # 8位以内，第一位与最后一位可为汉字，其余为字母或数字
    "car_number": re.compile(rf"^(?=.{{1,8}}$)[{CJK}A-Za-z0-9](?:[A-Za-z0-9]*[{CJK}A-Za-z0-9])?$"),
    # 5个以内纯汉字
    "phrase": re.compile(rf"^[{CJK}]{{1,5}}$"),
}
_THING_CHARS = re.compile(rf"^[{CJK}A-Za-z0-9{ASCII_SYMBOLS}{WIDE_SYMBOLS}]+$")
_NAME_CHARS = re.compile(rf"^[{CJK}A-Za-z{ASCII_SYMBOLS}{WIDE_SYMBOLS}]+$")
_HAS_CJK = re.compile(f"[{CJK}]")


def _thing(value: str) -> bool:
    """20个以内字符：汉字、数字、字母或符号."""
    return 0 < len(value) <= 20 and bool(_THING_CHARS.match(value))


def _name(value: str) -> bool:
    """10个以内纯汉字或20个以内纯字母或符号；中文和字母混合按中文名算，10个字内."""
    if not _NAME_CHARS.match(value) or not value.strip():
        return False
    return len(value) <= (10 if _HAS_CJK.search(value) else 20)


def _matches(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    return lambda value: bool(pattern.match(value))


_CHECKS: dict[str, Callable[[str], bool]] = {
    **{kind: _matches(pattern) for kind, pattern in _PATTERNS.items()},
    "thing": _thing,
    "name": _name,
}
ENUM_TYPES = ("enum", "enum_string")


def value_ok(keyword_type: str, value: object, enum_values: Collection[str] = ()) -> bool:
    """True when WeChat would accept `value` for a keyword of `keyword_type`.

    Enumerations accept only the template's own values (keywordEnumValueList).
    """
    if not isinstance(value, str) or not value or _CONTROL.search(value):
        return False
    if keyword_type in ENUM_TYPES:
        return value in enum_values
    check = _CHECKS.get(keyword_type)
    return check is not None and check(value)
