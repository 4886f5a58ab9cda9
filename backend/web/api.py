"""The flask-smorest Api: request validation, response schemas and /api/v1/openapi.json."""

from flask import Flask
from flask_smorest import Api

from backend.web.openapi_doc import EnvelopeErrorsPlugin, ErrorSchema, openapi_metadata


class ProjectApi(Api):
    """Errors are documented with our envelope, status by status (no catch-all default)."""

    ERROR_SCHEMA = ErrorSchema
    DEFAULT_ERROR_RESPONSE_NAME = None


def create_api(app: Flask) -> Api:
    """Bind the OpenAPI generator to `app`; blueprints are registered on the returned Api."""
    app.config.update(
        API_TITLE="包裹查询助手 API",
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
    api = ProjectApi(app, spec_kwargs={"extra_plugins": [EnvelopeErrorsPlugin()]})
    api.ma_plugin.converter.add_attribute_function(openapi_metadata)
    return api
