"""Message push (消息推送): signatures, security-mode decryption, subscribe-event parsing."""

from __future__ import annotations

import binascii
import hmac
import json
import struct
from collections.abc import Mapping
from typing import Any
from xml.parsers.expat import ExpatError

import xmltodict
from wechatpy.crypto import PrpCrypto
from wechatpy.exceptions import InvalidAppIdException
from wechatpy.utils import WeChatSigner

from backend.domain.consent import SubscribeEvent, answer_kind
from backend.domain.errors import BadSignature, MalformedPush

# Event name -> our kind, and the XML element wrapping its <List> items (docs/wechat.md §6).
KINDS = {
    "subscribe_msg_popup_event": "popup",
    "subscribe_msg_change_event": "change",
    "subscribe_msg_sent_event": "sent",
}
_XML_WRAPPERS = {
    "popup": "SubscribeMsgPopupEvent",
    "change": "SubscribeMsgChangeEvent",
    "sent": "SubscribeMsgSentEvent",
}
# What a corrupt ciphertext can raise inside wechatpy's decoder.
_DECRYPT_ERRORS = (ValueError, TypeError, IndexError, struct.error, InvalidAppIdException)


class PushSignatureError(BadSignature):
    """The push was not signed with our token: reject it and process nothing."""


class PushFormatError(MalformedPush):
    """A correctly signed push we cannot read; acknowledge it and log."""


class WeChatPushInbox:
    """The PushInbox port for one mini-program's push settings (token, AES key, appid)."""

    def __init__(self, token: str, aes_key: str, appid: str) -> None:
        self._token, self._aes_key, self._appid = token, aes_key, appid

    def verify_url(self, signature: str, timestamp: str, nonce: str, echostr: str) -> str:
        return verify_url(self._token, signature, timestamp, nonce, echostr)

    def open(self, body: bytes, query: Mapping[str, str]) -> list[SubscribeEvent]:
        """The subscribe events of a signed push ([] for other pushes)."""
        return parse_events(open_message(body, query, self._token, self._aes_key, self._appid))


def sign(token: str, timestamp: str, nonce: str, *extra: str) -> str:
    """WeChat's signature: sha1 of the sorted, concatenated parts."""
    signer = WeChatSigner()
    signer.add_data(token, timestamp, nonce, *extra)
    return signer.signature


def check_signature(token: str, signature: str | None, timestamp: str, nonce: str) -> bool:
    """True when `signature` is sha1(sort(token, timestamp, nonce)), compared in constant time."""
    if not (token and signature and timestamp and nonce):
        return False
    expected = sign(token, timestamp, nonce)
    return hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace"))


def verify_url(token: str, signature: str, timestamp: str, nonce: str, echostr: str) -> str:
    """The echostr to answer WeChat's URL check with; PushSignatureError when unsigned."""
    if not check_signature(token, signature, timestamp, nonce):
        raise PushSignatureError("signature mismatch")
    return echostr


def seal(
    plaintext: str, token: str, aes_key: str, appid: str, timestamp: str, nonce: str
) -> tuple[str, str]:
    """Encrypt like WeChat's security mode: return (Encrypt, msg_signature)."""
    key = _aes_key(aes_key)
    encrypt = PrpCrypto(key).encrypt(plaintext, appid).decode()
    return encrypt, sign(token, timestamp, nonce, encrypt)


def open_message(
    body: bytes, query: Mapping[str, str], token: str, aes_key: str, appid: str
) -> str:
    """Check the push's signatures and return its plaintext (JSON or XML text).

    With an EncodingAESKey configured only security mode is accepted: the plaintext
    `signature` covers token, timestamp and nonce but not the body, so a captured push URL
    would otherwise let anyone post any event. `msg_signature` covers the ciphertext.
    """
    timestamp, nonce = query.get("timestamp", ""), query.get("nonce", "")
    if not check_signature(token, query.get("signature"), timestamp, nonce):
        raise PushSignatureError("signature mismatch")
    secure = query.get("encrypt_type", "raw") == "aes"
    if aes_key and not secure:
        raise PushSignatureError("a plaintext push while security mode is configured")
    text = _text(body)
    if not secure:
        return text
    if not aes_key:
        raise PushFormatError("an encrypted push arrived but no EncodingAESKey is configured")
    envelope = _load(text)
    encrypt = envelope.get("Encrypt")
    if not isinstance(encrypt, str) or not encrypt:
        raise PushSignatureError("security-mode push without an Encrypt field")
    expected = sign(token, timestamp, nonce, encrypt)
    given = query.get("msg_signature", "")
    if not hmac.compare_digest(expected.encode(), given.encode("utf-8", "replace")):
        raise PushSignatureError("msg_signature mismatch")
    key = _aes_key(aes_key)
    try:
        return PrpCrypto(key).decrypt(encrypt, appid)
    except _DECRYPT_ERRORS as error:
        raise PushFormatError(f"cannot decrypt the push: {type(error).__name__}") from None


def parse_events(plaintext: str) -> list[SubscribeEvent]:
    """The subscribe events in a push; [] for any other kind of push."""
    message = _load(plaintext)
    kind = KINDS.get(str(message.get("Event") or ""))
    if kind is None:
        return []
    openid = str(message.get("FromUserName") or "")
    create_time = _int(message.get("CreateTime")) or 0
    events = [_event(kind, openid, create_time, item) for item in _items(message, kind)]
    return [event for event in events if event.template_id]


def _items(message: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    # XML wraps the items in the kind's element; WeChat's own change-event example uses the
    # popup wrapper instead, so any known wrapper will do. JSON puts List at the top.
    names = [
        _XML_WRAPPERS[kind],
        *(name for name in _XML_WRAPPERS.values() if name != _XML_WRAPPERS[kind]),
    ]
    wrapper = next((message[name] for name in names if isinstance(message.get(name), dict)), None)
    source = wrapper.get("List") if wrapper is not None else message.get("List")
    # One item arrives as an object, several as an array (JSON and XML alike).
    items = source if isinstance(source, list) else [source]
    found = [item for item in items if isinstance(item, dict)]
    if not found:
        raise PushFormatError(f"{kind} event without List items")
    return found


def _event(kind: str, openid: str, create_time: int, item: dict[str, Any]) -> SubscribeEvent:
    status = item.get("SubscribeStatusString")
    scene = item.get("PopupScene")
    msg_id = item.get("MsgID")
    return SubscribeEvent(
        kind=kind,
        openid=openid,
        template_id=str(item.get("TemplateId") or ""),
        # WeChat's docs do not say whether a 强提醒 acceptance is pushed as "accept" or as
        # the popup's own "acceptWithAlert": either form is an acceptance.
        status=answer_kind(status),
        error_code=_int(item.get("ErrorCode")) if kind == "sent" else None,
        msg_id=str(msg_id) if msg_id not in (None, "") else None,
        create_time=create_time,
        popup_scene=str(scene) if scene not in (None, "") else None,
        raw_status=status if isinstance(status, str) else None,
    )


def _load(text: str) -> dict[str, Any]:
    """A JSON object or the children of an XML document's root, as a dict."""
    stripped = text.strip()
    try:
        if stripped.startswith("<"):
            parsed = xmltodict.parse(stripped)  # entities are disabled by default
            parsed = next(iter(parsed.values())) if len(parsed) == 1 else None
        else:
            parsed = json.loads(stripped)
    except (ValueError, ExpatError, RecursionError):
        raise PushFormatError("the push body is neither JSON nor XML") from None
    if not isinstance(parsed, dict):
        raise PushFormatError("the push body is not an object")
    return parsed


def _text(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise PushFormatError("the push body is not UTF-8") from None


def _int(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _aes_key(aes_key: str) -> bytes:
    """EncodingAESKey (43 base64 characters) -> the 32-byte AES key."""
    try:
        key = binascii.a2b_base64(aes_key + "=")
    except binascii.Error:
        raise PushFormatError("WECHAT_PUSH_AES_KEY is not base64") from None
    if len(key) != 32:
        raise PushFormatError("WECHAT_PUSH_AES_KEY must decode to 32 bytes (43 characters)")
    return key
