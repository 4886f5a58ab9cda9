"""A local HTTP server that answers like UPS with recorded bodies (the real-response corpus).

The production UpsClient talks to it over real HTTP: OAuth token first, then
GET /api/track/v1/details/{n}, answered with the body and HTTP status recorded for `n`.
"""

from __future__ import annotations

import json
from pathlib import Path

from werkzeug.wrappers import Request, Response

from tests.support.live_server import LiveServer

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ups"
REAL = FIXTURES / "real"
DETAILS = "/api/track/v1/details/"


class UpsReplay:
    """WSGI app: one recorded (status, body) per inquiry number; counts calls."""

    def __init__(self) -> None:
        self.answers: dict[str, tuple[int, bytes]] = {}
        self.track_calls: list[str] = []
        self.token_calls = 0
        # UPS's own sample token answer (java-api-examples), served as is.
        self._token = FIXTURES / "oauth_client_credentials_token_200_official_java_sample.json"

    def record(self, number: str, fixture: str, status: int = 200) -> None:
        self.answers[number] = (status, (REAL / fixture).read_bytes())

    def __call__(self, environ, start_response):
        request = Request(environ)
        if request.method == "POST" and request.path == "/security/v1/oauth/token":
            self.token_calls += 1
            return self._json(200, self._token.read_bytes())(environ, start_response)
        if request.method == "GET" and request.path.startswith(DETAILS):
            number = request.path[len(DETAILS) :]
            self.track_calls.append(number)
            missing = json.dumps({"response": {"errors": [{"code": "X", "message": "unrecorded"}]}})
            status, body = self.answers.get(number, (500, missing.encode()))
            return self._json(status, body)(environ, start_response)
        return Response("not found", status=404)(environ, start_response)

    @staticmethod
    def _json(status: int, body: bytes) -> Response:
        return Response(body, status=status, content_type="application/json")


def start_replay() -> tuple[LiveServer, UpsReplay]:
    replay = UpsReplay()
    return LiveServer().serve(replay), replay
