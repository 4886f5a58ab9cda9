"""Registers every HTTP blueprint on the app and the OpenAPI Api."""

from flask import Flask
from flask_smorest import Api


def register_api_blueprints(app: Flask, api: Api) -> None:
    """Attach the /api/v1 blueprints (documented) and the non-API endpoints."""
    # One import and one register call per feature module, in the order of docs/api.md.
    from backend.web import guide, scan, track

    api.register_blueprint(track.bp)
    api.register_blueprint(guide.bp)
    api.register_blueprint(scan.bp)

    from backend.web import auth, push

    api.register_blueprint(auth.bp)

    from backend.web import consent, delivery_photo, parcels

    api.register_blueprint(parcels.bp)
    api.register_blueprint(delivery_photo.bp)
    api.register_blueprint(consent.bp)

    from backend.web import own_shares, share_page, shares

    api.register_blueprint(shares.bp)
    api.register_blueprint(own_shares.bp)

    from backend.web import me

    api.register_blueprint(me.bp)
    app.register_blueprint(share_page.bp)
    app.register_blueprint(push.bp)

    from backend.web import ups_webhook

    app.register_blueprint(ups_webhook.bp)

    from backend.web import metrics

    app.register_blueprint(metrics.bp)
    from backend.web import locations

    api.register_blueprint(locations.bp)
