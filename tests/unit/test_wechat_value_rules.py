"""WeChat's 订阅消息参数值内容限制说明, written out here, against our fitters and the sandbox.

The table (sendMessage / subscribeMessage.send; copies: blog.csdn.net/wwwwrrrrwr/article/details/128147589,
www.cnblogs.com/blackcatah/p/17712622.html; docs/wechat.md §4):

| type | limit | note |
|---|---|---|
| thing | 20个以内字符 | 可汉字、数字、字母或符号组合 |
| number | 32位以内数字 | 只能数字，可带小数 |
| letter | 32位以内字母 | 只能字母 |
| symbol | 5位以内符号 | 只能符号 |
| character_string | 32位以内数字、字母或符号 | 可数字、字母或符号组合 |
| time | 24小时制时间格式（支持+年月日），时间段用“~”连接 | 15:01，或 2019年10月1日 15:01 |
| date | 年月日格式（支持+24小时制时间），时间段用“~”连接 | 2019年10月1日，或 2019年10月1日 15:01 |
| amount | 1个币种符号+10位以内纯数字，可带小数，结尾可带“元” | |
| phone_number | 17位以内，数字、符号 | +86-0766-66888866 |
| car_number | 8位以内，第一位与最后一位可为汉字，其余为字母或数字 | 粤A8Z888挂 |
| name | 10个以内纯汉字或20个以内纯字母或符号 | 中文和字母混合按中文名算，10个字内 |
| phrase | 5个以内汉字 | 5个以内纯汉字，例如：配送中 |
| enum | 只能上传枚举值范围内的字段值 | |

Dates: y年m月d日, y年m月, m月d日, or numbers joined by - / . (2018-01-01, 2018-01, 01-01);
times HH:MM or HH:MM:SS. Symbols are common symbols other than Chinese, letters and digits,
never control characters such as newlines.

The checker below reads that table on its own, character by character, so that the sandbox's
regular expressions (backend/adapters/wechat/template_values.py) are checked against it too.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from backend.adapters.wechat import message_fields
from backend.adapters.wechat.template_values import value_ok

WIDE = "，。、；：？！“”‘’（）《》〈〉【】「」『』—…·～￥"


def is_han(char: str) -> bool:
    """汉字 as we read it: unified (with extension A), compatibility, and planes 2-3."""
    point = ord(char)
    return (0x3400 <= point <= 0x4DBF or 0x4E00 <= point <= 0x9FFF or 0xF900 <= point <= 0xFAFF
            or 0x20000 <= point <= 0x3FFFF)  # fmt: skip


def is_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def is_digit(char: str) -> bool:
    return char in "0123456789"


def is_ascii_symbol(char: str) -> bool:
    return char.isascii() and char.isprintable() and not char.isalnum()


def is_symbol(char: str) -> bool:
    return is_ascii_symbol(char) or char in WIDE


def _digits_with_point(text: str) -> bool:
    whole, point, fraction = text.partition(".")
    return (
        bool(whole)
        and all(map(is_digit, whole))
        and (not point or (fraction != "" and all(map(is_digit, fraction))))
    )


def _clock(text: str) -> bool:
    parts = text.split(":")
    if len(parts) not in (2, 3) or not all(p.isdigit() and p.isascii() for p in parts):
        return False
    hour, minute, *second = (int(p) for p in parts)
    return (len(parts[0]) <= 2 and hour <= 23 and len(parts[1]) == 2 and minute <= 59
            and all(len(p) == 2 for p in parts[2:]) and all(s <= 59 for s in second))  # fmt: skip


def _date(text: str) -> bool:
    def ok(y=None, m=None, d=None) -> bool:
        return ((y is None or (len(y) == 4 and y.isdigit())) and (m is None or (m.isdigit() and 1 <= int(m) <= 12 and len(m) <= 2))
                and (d is None or (d.isdigit() and 1 <= int(d) <= 31 and len(d) <= 2)))  # fmt: skip

    if not text.isascii():
        for form in ("{y}年{m}月{d}日", "{y}年{m}月", "{m}月{d}日"):
            head, *rest = text.replace("年", "|").replace("月", "|").replace("日", "|").split("|")
            pieces = [head, *rest]
            if (
                form == "{y}年{m}月{d}日"
                and text.endswith("日")
                and text.count("年") == 1
                and len(pieces) == 4
            ):
                return ok(pieces[0], pieces[1], pieces[2]) and pieces[3] == ""
            if (
                form == "{y}年{m}月"
                and text.endswith("月")
                and "日" not in text
                and text.count("年") == 1
                and len(pieces) == 3
            ):
                return ok(pieces[0], pieces[1]) and pieces[2] == ""
            if (
                form == "{m}月{d}日"
                and "年" not in text
                and text.endswith("日")
                and len(pieces) == 3
            ):
                return ok(None, pieces[0], pieces[1]) and pieces[2] == ""
        return False
    for sep in "-/.":
        parts = text.split(sep)
        if len(parts) == 3 and all(p.isdigit() for p in parts):
            return ok(*parts)
        if len(parts) == 2 and all(p.isdigit() for p in parts):
            return ok(parts[0], parts[1]) if len(parts[0]) == 4 else ok(None, parts[0], parts[1])
    return False


def _moment(text: str, need_clock: bool) -> bool:
    pieces = text.strip().split()
    if len(pieces) == 1:
        return _clock(pieces[0]) if need_clock else _date(pieces[0])
    if len(pieces) == 2:
        return _date(pieces[0]) and _clock(pieces[1])
    return False


def _period(text: str, need_clock: bool) -> bool:
    ends = text.split("~")
    return len(ends) in (1, 2) and all(end.strip() and _moment(end, need_clock) for end in ends)


def table_allows(kind: str, value: str, enum_values: tuple[str, ...] = ()) -> bool:
    """WeChat's table, read literally."""
    if not value or any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in value):
        return False
    if kind == "thing":
        return len(value) <= 20 and all(
            is_han(c) or is_letter(c) or is_digit(c) or is_symbol(c) for c in value
        )
    if kind == "number":
        return sum(map(is_digit, value)) <= 32 and _digits_with_point(value)
    if kind == "letter":
        return len(value) <= 32 and all(map(is_letter, value))
    if kind == "symbol":
        return len(value) <= 5 and all(map(is_symbol, value))
    if kind == "character_string":
        return len(value) <= 32 and all(
            is_letter(c) or is_digit(c) or is_ascii_symbol(c) for c in value
        )
    if kind in ("time", "date"):
        return _period(value, need_clock=kind == "time")
    if kind == "amount":
        body = value[1:-1] if value.endswith("元") else value[1:]
        whole = body.partition(".")[0]
        return value[0] in "¥￥$€£" and len(whole) <= 10 and _digits_with_point(body)
    if kind == "phone_number":
        return len(value) <= 17 and all(is_digit(c) or is_ascii_symbol(c) for c in value)
    if kind == "car_number":
        inner = value[1:-1]
        ends = [value[0]] + ([value[-1]] if len(value) > 1 else [])
        return (len(value) <= 8 and all(is_letter(c) or is_digit(c) for c in inner)
                and all(is_han(c) or is_letter(c) or is_digit(c) for c in ends))  # fmt: skip
    if kind == "name":
        allowed = all(is_han(c) or is_letter(c) or is_symbol(c) for c in value) and value.strip()
        return bool(allowed) and len(value) <= (10 if any(map(is_han, value)) else 20)
    if kind == "phrase":
        return len(value) <= 5 and all(map(is_han, value))
    if kind in ("enum", "enum_string"):
        return value in enum_values
    return False


KINDS = ["thing", "number", "letter", "symbol", "character_string", "time", "date", "amount",
         "phone_number", "car_number", "name", "phrase", "enum"]  # fmt: skip

TABLE_EXAMPLES = [
    ("thing", "派送中：上海浦东分拨中心", True), ("thing", "x" * 21, False), ("thing", "ok😀", False),
    ("number", "339208499", True), ("number", "12.5", True), ("number", "1.2.3", False), ("number", "-3", False),
    ("letter", "abc", True), ("letter", "ab1", False), ("symbol", "#%", True), ("symbol", "######", False),
    ("character_string", "1Z999AA10123456784", True), ("character_string", "1Z：99", False),
    ("time", "15:01", True), ("time", "2019年10月1日 15:01", True), ("time", "15:01:59", True),
    ("time", "2019年10月1日 15:01~2019年10月1日 16:00", True), ("time", "2019年10月1日", False),
    ("date", "2019年10月1日", True), ("date", "2015年01月05日", True), ("date", "2018-01-01", True),
    ("date", "2018/01/01", True), ("date", "2018.01.01", True), ("date", "2018-01", True), ("date", "01-01", True),
    ("date", "2019年10月", True), ("date", "10月1日", True), ("date", "2019年10月1日 15:01", True),
    ("date", "-", False), ("date", "2018-13-01", False),
    ("amount", "¥100.00", True), ("amount", "￥100元", True), ("amount", "100元", False),
    ("phone_number", "+86-0766-66888866", True), ("phone_number", "(0766) 668*888#", True),
    ("phone_number", "1" * 18, False), ("car_number", "粤A8Z888挂", True), ("car_number", "A粤8Z888", False),
    ("car_number", "粤A8Z8888挂", False), ("name", "张三", True), ("name", "John Smith", True),
    ("name", "张三Li", True), ("name", "John3", False), ("name", "张" * 11, False), ("name", "J" * 20, True),
    ("phrase", "配送中", True), ("phrase", "货物配送中了", False), ("phrase", "OK", False),
    ("enum", "已发货", False),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "value", "ok"), TABLE_EXAMPLES)
def test_the_table_and_the_sandbox_agree_on_the_documented_examples(kind, value, ok):
    assert table_allows(kind, value) is ok
    assert value_ok(kind, value) is ok


def test_enumerations_accept_only_the_templates_own_values():
    assert value_ok("enum", "已发货", enum_values=("已发货", "已签收"))
    assert table_allows("enum", "已发货", ("已发货",))
    assert not value_ok("enum", "运输中", enum_values=("已发货",))


# Strings mixing every class of character the table talks about, plus emoji and controls.
_MIXED = st.text(
    alphabet=st.sampled_from(list("0123456789aZ年月日:~-/. +#（）：，…😀\n\t派送中粤挂") + ["·"]),
    max_size=40,
)
_ANY = st.one_of(st.text(max_size=60), _MIXED)


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(KINDS), value=_ANY)
def test_the_sandbox_accepts_exactly_what_the_table_accepts(kind, value):
    assert value_ok(kind, value) is table_allows(kind, value)


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from([k for k in message_fields.FITTERS]), value=_ANY)
@example(kind="character_string", value="1Z999AA10123456784：")
@example(kind="number", value="v1.2.3")
@example(kind="date", value="")
@example(kind="time", value="not a time")
@example(kind="thing", value="😀😀😀")
def test_every_fitter_only_produces_values_the_table_accepts(kind, value):
    fitted = message_fields.FITTERS[kind](value)
    assert fitted is None or table_allows(kind, fitted), fitted


@settings(max_examples=200, deadline=None)
@given(st.datetimes(min_value=datetime(1000, 1, 1)))  # the table's years have four digits
def test_any_real_time_becomes_a_time_value(moment):
    fitted = message_fields.time_value(moment.isoformat())
    assert fitted is not None and table_allows("time", fitted)


def test_missing_or_broken_values_are_not_papered_over():
    assert message_fields.date_value("") is None  # not "-", which WeChat refuses
    assert message_fields.time_value("garbage") is None  # not silently "now"
    assert message_fields.number("v1.2.3") is None  # not "1.2.3"
    assert message_fields.character_string("1Z999AA10123456784：") is None
    assert message_fields.thing("包裹😀到了") == "包裹 到了"
