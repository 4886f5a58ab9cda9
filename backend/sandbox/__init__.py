"""Built-in UPS and WeChat sandboxes speaking the real wire formats (never in production)."""

from flask import Flask


def register_sandboxes(app: Flask) -> None:
    """Mount the sandboxes under /_sandbox/ups and /_sandbox/wechat."""
    # One import and one register_blueprint call per sandbox.
    from backend.sandbox import ups, wechat

    app.register_blueprint(ups.bp)
    app.register_blueprint(wechat.bp)
