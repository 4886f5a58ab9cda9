"""A real HTTP server on a free loopback port, serving a WSGI app from a thread."""

from __future__ import annotations

import threading

from werkzeug.serving import make_server


class LiveServer:
    """Bind first, learn the URL, then hand it the app (which may need the URL itself)."""

    def __init__(self) -> None:
        self._app = None
        self._server = make_server("127.0.0.1", 0, self, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self.port = self._server.server_port
        self._thread: threading.Thread | None = None

    def __call__(self, environ, start_response):
        return self._app(environ, start_response)

    def serve(self, app) -> LiveServer:
        self._app = app
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
