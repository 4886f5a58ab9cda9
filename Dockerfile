# One image for the api and worker services; they differ only by command.
# BASE: any Debian-based image with Python 3.11+, `python` and pip on PATH. Docker users keep
# the default; `make compose-test` builds one from Debian's own packages (no image registry).
ARG BASE=python:3.11-slim
FROM ${BASE}

# A CJK font so shared parcel cards can draw Chinese text.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-wqy-microhei fontconfig \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
COPY backend ./backend
# The WeChat sandbox checks message and code pages against the mini-program's own page list.
COPY miniprogram/app.json ./miniprogram/app.json
RUN pip install --no-cache-dir .

ENV PYTHONUNBUFFERED=1
EXPOSE 8000
RUN useradd --create-home app \
    && mkdir -p /var/lib/upt-metrics && chown app /var/lib/upt-metrics
USER app
# Workers, threads, timeouts and request limits: backend/gunicorn_conf.py (API_WORKERS, API_THREADS).
CMD ["gunicorn", "backend.wsgi:app", "-c", "python:backend.gunicorn_conf", "--bind", "0.0.0.0:8000"]
