"""The flask-smorest Api: request validation, response schemas and /api/v1/openapi.json."""

from flask import Flask
from flask_smorest import Api


def create_api(app: Flask) -> Api:
    """Bind the OpenAPI generator to `app`; blueprints are registered on the returned Api."""
    app.config.update(
        API_TITLE="UPS 包裹追踪 API",
        API_VERSION="v1",
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/api/v1",
        OPENAPI_JSON_PATH="openapi.json",
        API_SPEC_OPTIONS={
            "info": {
                "description": "Track UPS parcels in Chinese or English, watch them and get "
                'WeChat notifications. Errors: {"error": {"code", "message"}}. '
                "Language: ?lang=zh|en or Accept-Language.",
            },
            "components": {
                "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            },
        },
    )
    return Api(app)
