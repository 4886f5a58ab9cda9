"""Bearer-token authentication for views: login_required and its OpenAPI markers."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any, TypeVar

from flask import g, request
from flask_smorest import Blueprint

from backend.services.auth import SessionService
from backend.web.errors import ApiError
from backend.web.registry import use

F = TypeVar("F", bound=Callable[..., Any])

# Our tokens are token_urlsafe(32): 43 characters; anything far off is not worth a lookup.
_BEARER = re.compile(r"^Bearer ([A-Za-z0-9_-]{20,128})$", re.IGNORECASE)
_UNSET = object()

BEARER_SECURITY: list[dict[str, list[str]]] = [{"bearer": []}]
_UNAUTHORIZED_DOC = {"401": {"description": "Missing, unknown, expired or logged-out token"}}


def bearer_token() -> str | None:
    """The well-formed token in this request's Authorization header, if any."""
    match = _BEARER.match(request.headers.get("Authorization", "").strip())
    return match.group(1) if match else None


def current_openid() -> str | None:
    """The logged-in user of this request, or None; resolved once per request."""
    cached = g.get("_auth_openid", _UNSET)
    if cached is not _UNSET:
        return cached
    token = bearer_token()
    openid = use(SessionService).resolve(token) if token else None
    g._auth_openid = openid
    return openid


def login_required(view: F) -> F:
    """Reject the request with 401 unauthorized unless it carries a live token; sets g.openid.

    Put it right under the route decorator so authentication comes before body validation.
    """

    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        openid = current_openid()
        if openid is None:
            raise ApiError(401, "unauthorized", headers={"WWW-Authenticate": "Bearer"})
        g.openid = openid
        return view(*args, **kwargs)

    return Blueprint.doc(security=BEARER_SECURITY, responses=_UNAUTHORIZED_DOC)(wrapper)
