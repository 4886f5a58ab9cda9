"""Hostile JSON bodies answer 400 before any parser sees them.

Python's json module recurses once per nesting level (about a thousand levels end in
RecursionError), converts integers of any length (thousands of digits cost time, then
exceed int()'s digit limit), and decodes "\\ud800" into a lone surrogate that no UTF-8
encoder (Redis, requests, logging) accepts. So the depth and the length of every number
are bounded on the raw text, and every decoded string is checked for lone surrogates and
control characters. A few fields (a nickname) are cleaned by their schema instead.

Every scan of the raw text is linear: it runs on up to 64 KB from anyone, and a regex
that backtracks (or restarts at every quote) holds the GIL, so one body would stop every
thread of a worker. Strings are skipped in one left-to-right pass whose matches cannot
fail, brackets are summed in C, and a number is measured once from its first character.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

from flask.json.provider import DefaultJSONProvider

from backend.domain.bidi import strip_bidi

MAX_DEPTH = 20
MAX_NUMBER_CHARS = 32
# Keys whose string values the views clean rather than refuse (schemas.CleanText).
CLEANED_KEYS = frozenset({"nickname"})
# Paths whose views authenticate the sender before reading the body.
SELF_AUTHENTICATED = frozenset({"/wechat/push", "/ups/webhook"})

# A string from its opening quote to its closing one, or to the end of the text when it is
# unterminated (json.loads then refuses the body). Possessive, so nothing is ever given back,
# and a match from any quote succeeds, so no scan restarts inside a string.
_STRING = re.compile(r'"(?:[^"\\]++|\\.?)*+"?', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]++")
_DEPTH_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}
# Only from the first character of a run of number characters: each run is measured once.
_LONG_NUMBER = re.compile(r"(?<![-+.0-9eE])[-+.0-9eE]{" + str(MAX_NUMBER_CHARS + 1) + "}")
# C0 controls except tab, new line and carriage return; DEL; C1 controls; lone surrogates.
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


class HostileJsonError(ValueError):
    """A body refused before or while parsing; `code` names why for the error envelope."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code


def loads(data: str | bytes) -> Any:
    """json.loads with the bounds above; raises HostileJsonError or ValueError."""
    if isinstance(data, bytes | bytearray):
        try:
            text = bytes(data).decode("utf-8")
        except UnicodeDecodeError:
            raise HostileJsonError("invalid_json", "the body is not UTF-8") from None
    else:
        text = data
    skeleton = _STRING.sub('""', text)
    _check_depth(skeleton)
    if _LONG_NUMBER.search(skeleton):
        raise HostileJsonError("number_too_long", f"a number longer than {MAX_NUMBER_CHARS}")
    value = json.loads(text, parse_constant=_no_constants)
    check_strings(value)
    return value


def check_strings(value: Any, cleaned: bool = False) -> None:
    """Refuse lone surrogates anywhere and control characters outside cleaned fields."""
    if isinstance(value, str):
        if not cleaned and _FORBIDDEN.search(value):
            raise HostileJsonError("invalid_characters", "control or surrogate characters")
    elif isinstance(value, dict):
        for key, item in value.items():
            check_strings(key)
            check_strings(item, cleaned=key in CLEANED_KEYS)
    elif isinstance(value, list):
        for item in value:
            check_strings(item)


def clean_text(text: str) -> str:
    """Drop control characters, bidi controls and lone surrogates; line breaks and tabs
    become spaces."""
    return strip_bidi(_FORBIDDEN.sub("", re.sub(r"[\t\n\r]+", " ", text)))


def _check_depth(skeleton: str) -> None:
    """The deepest nesting of the text outside strings, summed in C (no loop per bracket)."""
    brackets = _NOT_BRACKET.sub("", skeleton)
    if max(accumulate(map(_DEPTH_STEP.__getitem__, brackets)), default=0) > MAX_DEPTH:
        raise HostileJsonError("json_too_deep", f"nested deeper than {MAX_DEPTH}")


def _no_constants(name: str) -> Any:
    raise HostileJsonError("invalid_json", f"{name} is not JSON")


def guard_request_body() -> None:
    """before_request: parse (and so check) a JSON body once, before auth and validation.

    The pushes from WeChat and UPS are left to their views: a sender proves who it is
    (signature, credential) before a byte of its body is read.
    """
    from flask import request

    if request.path in SELF_AUTHENTICATED or not request.is_json or not request.content_length:
        return
    request.get_json(cache=True)


class GuardedJSONProvider(DefaultJSONProvider):
    """The app's JSON provider (what request.get_json uses): bounded loads; readable Chinese."""

    ensure_ascii = False

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        return loads(s)
