"""Pathological JSON bodies of an exact size, for the guard's timing test and bench.

Each builder returns `size` bytes. The first is the shape that made the old regex guard
quadratic (an unterminated string of escaped quotes); the others probe every scan the
guard makes: strings, brackets, numbers, escapes and the parser behind them.
"""

from __future__ import annotations

from collections.abc import Callable


def _fill(head: str, unit: str, size: int, tail: str = "") -> bytes:
    """head + unit repeated + tail, padded with spaces to exactly `size` bytes of UTF-8."""
    count = (size - len(head.encode()) - len(tail.encode())) // len(unit.encode())
    body = (head + unit * count + tail).encode()
    return body + b" " * (size - len(body))


SHAPES: dict[str, Callable[[int], bytes]] = {
    'one " then \\" repeated': lambda n: _fill('"', '\\"', n),
    'in a field: {"text": "\\"…': lambda n: _fill('{"text": "', '\\"', n),
    '" then \\\\ repeated': lambda n: _fill('"', "\\\\", n),
    '"\\ repeated (odd escapes)': lambda n: _fill("", '"\\', n),
    "quotes only": lambda n: _fill("", '"', n),
    "empty strings in a list": lambda n: _fill("[", '"",', n, '""]'),
    "escapes in a valid string": lambda n: _fill('{"text": "', "\\u0041", n, '"}'),
    "opening brackets": lambda n: _fill("", "[", n),
    "brackets, never deep": lambda n: _fill("[", "[],", n, "[]]"),
    "one long number": lambda n: _fill("", "1", n),
    "short numbers in a list": lambda n: _fill("[", "1,", n, "1]"),
    "number letters (e)": lambda n: _fill("", "e", n),
    "a long valid string": lambda n: _fill('{"text": "', "a", n, '"}'),
    "a long CJK string": lambda n: _fill('{"text": "', "包", n, '"}'),
}
