"""gunicorn settings, the one place for them: `make run` (devserver), the Dockerfile, docker
compose and the end-to-end Stack all start `gunicorn -c python:backend.gunicorn_conf`.
Only the address differs (--bind on each command line)."""

import os

worker_class = "backend.gunicorn_worker.JsonErrorWorker"
workers = int(os.environ.get("API_WORKERS", "2"))
threads = int(os.environ.get("API_THREADS", "32"))
timeout = 60
graceful_timeout = 5
# 30 tracking numbers typed with full-width characters and separators make a GET line of
# about 5,500 bytes once percent-encoded; gunicorn's default limit is 4,094.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
