"""Sandbox OAuth: POST /security/v1/oauth/token (client credentials) and bearer checks."""

from __future__ import annotations

import base64
import binascii
import hmac
import secrets
import time

from flask import Response, jsonify, request

from backend.sandbox.ups.blueprint import bp, count_token_call, key, settings, store, ups_error

EXPIRES_IN = 14399  # what every UPS sample says (about 4 hours)


def _basic_credentials(header: str) -> tuple[str, str] | None:
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic" or not encoded.strip():
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    client_id, colon, secret = decoded.partition(":")
    return (client_id, secret) if colon else None


def _known(client_id: str, secret: str) -> bool:
    config = settings()
    same_id = hmac.compare_digest(client_id.encode(), config.ups_client_id.encode())
    return same_id and hmac.compare_digest(secret.encode(), config.ups_client_secret.encode())


def issue_token(client_id: str) -> dict:
    """A new bearer token, remembered with its expiry; the body is all strings like UPS's."""
    token = secrets.token_urlsafe(96)  # long and opaque, as UPS's are
    now = time.time()
    tokens = key("tokens")
    store().hset(tokens, token, str(now + EXPIRES_IN))
    store().expire(tokens, EXPIRES_IN)
    return {
        "token_type": "Bearer",
        "issued_at": str(int(now * 1000)),
        "client_id": client_id,
        "access_token": token,
        "scope": "",
        "expires_in": str(EXPIRES_IN),
        "refresh_count": "0",
        "status": "approved",
    }


@bp.post("/security/v1/oauth/token")
def oauth_token() -> Response:
    """Client-credentials grant with HTTP Basic; extra form fields are ignored like UPS does."""
    count_token_call()
    credentials = _basic_credentials(request.headers.get("Authorization", ""))
    if credentials is None:
        return ups_error(400, "10400", "Invalid/Missing Authorization Header")
    if request.form.get("grant_type") != "client_credentials":
        return ups_error(400, "10400", "Invalid/Missing grant_type")
    if not _known(*credentials):
        return ups_error(401, "10401", "ClientId is Invalid")
    return jsonify(issue_token(credentials[0]))


def bearer_problem() -> Response | None:
    """None when the request carries a live sandbox token, else UPS's 401 answer."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return ups_error(401, "UJ0001", "Invalid token or token is not present")
    expiry = store().hget(key("tokens"), token.strip())
    if expiry is None or float(expiry) <= time.time():
        return ups_error(401, "250002", "Invalid Authentication Information.")
    return None


def expire_all() -> int:
    """Make every issued token expired (kept, so they are known but dead); return how many."""
    tokens = store().hgetall(key("tokens"))
    if tokens:
        store().hset(key("tokens"), mapping=dict.fromkeys(tokens, "0"))
    return len(tokens)
