"""Headers every response gets: no MIME sniffing, and private JSON kept out of caches."""

from __future__ import annotations

from flask import Flask, Response, request

# The shared-parcel page: inline styles only, nothing loaded, never framed (clickjacking).
SHARE_PAGE_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)


def init_security_headers(app: Flask) -> None:
    """Every response: nosniff. /api/v1 JSON without its own Cache-Control: private, no-store
    (parcels, shares and account data must not sit in a proxy's or CDN's cache)."""

    @app.after_request
    def add_headers(response: Response) -> Response:
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if request.path.startswith("/api/v1/") and response.mimetype == "application/json":
            response.headers.setdefault("Cache-Control", "private, no-store")
        return response
