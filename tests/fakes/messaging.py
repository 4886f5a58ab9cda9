"""Fakes of the messenger side: sends, codes, login exchange, sessions, pushes."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from backend import ports
from backend.domain.consent import SubscribeEvent
from backend.domain.errors import BadSignature, LoginCodeInvalid
from backend.domain.notices import Notice
from backend.domain.share_view import ShareCard


@dataclass(frozen=True)
class FakeTemplate:
    """A MessageTemplate: the service only reads id, event and title."""

    id: str
    event: str
    title: str = ""


class FakeMessenger:
    """Records sends; raises a scripted error once when told to."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str, Notice, str]] = []
        self.fail_with: Exception | None = None
        self._msgids = itertools.count(1)  # unique even when sends run in threads
        self.unfit: set[str] = set()  # template ids that cannot carry any notice

    def fits(self, template: ports.MessageTemplate, notice: Notice) -> bool:
        return template.id not in self.unfit

    def send_notice(self, openid: str, template: ports.MessageTemplate, notice: Notice,
                    page: str, state: str) -> str:  # fmt: skip
        if self.fail_with:
            error, self.fail_with = self.fail_with, None
            raise error
        self.sent.append((openid, template.id, notice, page))
        return f"msg-{next(self._msgids)}"


class FakeCodeMaker:
    """A mini-program code is the scene's bytes; `fail_with` makes the next call raise."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []
        self.fail_with: Exception | None = None

    def get_unlimited_code(self, scene: str, page: str) -> bytes:
        self.calls.append((scene, page))
        if self.fail_with:
            error, self.fail_with = self.fail_with, None
            raise error
        return b"code:" + scene.encode()


class FakeCardRenderer:
    def __init__(self) -> None:
        self.cards: list[ShareCard] = []

    def render(self, card: ShareCard) -> bytes:
        self.cards.append(card)
        return b"card:" + card.cache_key().encode()


class FakeCodeExchange:
    """Codes known to the test map to (openid, session_key); others are invalid."""

    def __init__(self, codes: dict[str, str] | None = None) -> None:
        self.codes = dict(codes or {})

    def code_to_session(self, code: str) -> tuple[str, str, str | None]:
        openid = self.codes.pop(code, None)  # a code is good once
        if openid is None:
            raise LoginCodeInvalid(code)
        return openid, f"key-of-{openid}", None


class FakeSessionStore:
    """Sessions by digest (no expiry: the test removes them) and digests per user."""

    def __init__(self) -> None:
        self.sessions: dict[str, tuple[str, int]] = {}
        self.by_user: dict[str, set[str]] = {}

    def save(self, digest: str, openid: str, ttl_seconds: int) -> None:
        self.sessions[digest] = (openid, ttl_seconds)
        self.by_user.setdefault(openid, set()).add(digest)

    def openid(self, digest: str) -> str | None:
        session = self.sessions.get(digest)
        return session[0] if session else None

    def delete(self, digest: str) -> None:
        openid = self.openid(digest)
        self.sessions.pop(digest, None)
        if openid:
            self.by_user.get(openid, set()).discard(digest)

    def prune(self, openid: str) -> None:
        self.by_user[openid] = {d for d in self.by_user.get(openid, set()) if d in self.sessions}

    def forget_user(self, openid: str) -> None:
        for digest in self.by_user.pop(openid, set()):
            self.sessions.pop(digest, None)


class FakePushInbox:
    """Pushes signed "good" carry the events the test queued; anything else is refused."""

    def __init__(self) -> None:
        self.events: list[SubscribeEvent] = []

    def verify_url(self, signature: str, timestamp: str, nonce: str, echostr: str) -> str:
        if signature != "good":
            raise BadSignature("signature mismatch")
        return echostr

    def open(self, body: bytes, query: Mapping[str, str]) -> list[SubscribeEvent]:
        if query.get("signature") != "good":
            raise BadSignature("signature mismatch")
        return list(self.events)


# Each fake declared against its port: mypy (make lint) fails when one drifts.
if TYPE_CHECKING:
    _message_template: ports.MessageTemplate = FakeTemplate("id", "event")
    _messenger: ports.Messenger = FakeMessenger()
    _code_maker: ports.CodeMaker = FakeCodeMaker()
    _card_renderer: ports.CardRenderer = FakeCardRenderer()
    _code_exchange: ports.CodeExchange = FakeCodeExchange()
    _session_store: ports.SessionStore = FakeSessionStore()
    _push_inbox: ports.PushInbox = FakePushInbox()
