"""WeChat sandbox at /_sandbox/wechat: login, tokens, subscribe messages, codes, controls."""

from backend.sandbox.wechat import control, faults, login, send, tokens, wxacode
from backend.sandbox.wechat.blueprint import bp

__all__ = ["bp", "control", "faults", "login", "send", "tokens", "wxacode"]
