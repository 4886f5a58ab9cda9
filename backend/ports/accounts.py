"""Ports of accounts and sharing: logins, sessions, shares and their cards, request budgets."""

from __future__ import annotations

from typing import Protocol

from backend.domain.share_view import ShareCard
from backend.domain.shares import Share


class CodeMaker(Protocol):
    """Draws a mini-program code opening `page` with `scene`."""

    def get_unlimited_code(self, scene: str, page: str) -> bytes: ...


class CodeExchange(Protocol):
    """A login code -> (openid, session_key, unionid or None); raises MessengerError."""

    def code_to_session(self, code: str) -> tuple[str, str, str | None]: ...


class SessionStore(Protocol):
    """Login sessions by token digest, and each user's set of digests."""

    def save(self, digest: str, openid: str, ttl_seconds: int) -> None: ...
    def openid(self, digest: str) -> str | None: ...
    def delete(self, digest: str) -> None: ...
    def prune(self, openid: str) -> None: ...


class ShareStore(Protocol):
    """Share links with their lifetime, and short-lived renderings of them."""

    def put(self, share: Share) -> None: ...
    def get(self, share_id: str) -> Share | None: ...
    def delete(self, share: Share) -> bool: ...
    def owned_by(self, openid: str) -> list[Share]: ...
    def image(self, share_id: str, variant: str) -> bytes | None: ...
    def keep_image(self, share_id: str, variant: str, png: bytes, ttl_seconds: float) -> None: ...


class PersonalRecords(Protocol):
    """Whatever is kept under a user's own keys, erased in one go (the account closes)."""

    def erase(self, openid: str) -> None:
        """Delete every key of the user and every login session they hold."""
        ...


class CardRenderer(Protocol):
    def render(self, card: ShareCard) -> bytes: ...


class RequestBudgets(Protocol):
    """Request counts per client in fixed windows, shared by every API process."""

    def allow(self, budgets: list[tuple[str, str, int, int]], now: float) -> list[bool]:
        """For each (budget, client, limit, window seconds): may this request go ahead?"""
        ...

    def spent(self, budget: str, client: str, limit: int, window: int, now: float) -> bool:
        """Whether the window's `limit` is used up for `client`, counting nothing."""
        ...
