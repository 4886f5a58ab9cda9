"""WeChat's push signing and security-mode encryption, done the sandbox's own way (hashlib
and wechatpy's cipher) so that the app's verifying adapter is checked against code it does
not share."""

from __future__ import annotations

import base64
import hashlib

from wechatpy.crypto import PrpCrypto


def signature(*parts: str) -> str:
    """SHA-1 of the parts sorted as strings and joined (docs/wechat.md §5)."""
    return hashlib.sha1("".join(sorted(parts)).encode("utf-8")).hexdigest()


def encrypt(plaintext: str, aes_key: str, appid: str) -> str:
    """The Encrypt field: AES-256-CBC over random(16) + length + message + appid, base64."""
    key = base64.b64decode(aes_key + "=")
    return PrpCrypto(key).encrypt(plaintext, appid).decode("ascii")
