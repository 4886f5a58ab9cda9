# UPS 包裹追踪 — `make run` starts everything locally, `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' && { echo $$p; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
NPM_STAMP := miniprogram/node_modules/.installed-stamp

.PHONY: run test test-python test-miniprogram lint alerts-check compose-test bench fuzz preview up down install system-deps clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@if [ -z "$(PYTHON)" ]; then echo "Python 3.11+ is required (python3.11 or newer on PATH)"; exit 1; fi
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

$(NPM_STAMP): miniprogram/package-lock.json
	@command -v npm >/dev/null || { echo "Node 18+ and npm are required for the mini-program tests"; exit 1; }
	cd miniprogram && npm ci --no-audit --no-fund
	@touch $(NPM_STAMP)

# Debian packages the tests need (Chromium for browser tests, a CJK font for cards, promtool).
system-deps:
	@bash scripts/system-deps.sh

run: $(STAMP)
	$(PY) -m backend.devserver

test: $(STAMP) system-deps lint alerts-check test-python test-miniprogram

# PYTEST_ARGS narrows a run, e.g. PYTEST_ARGS='-m "not topology"' (CI's second pass).
test-python: $(STAMP)
	$(PY) -m pytest $(PYTEST_ARGS)

test-miniprogram: $(NPM_STAMP)
	cd miniprogram && npm run lint --silent && npm test --silent

lint: $(STAMP)
	$(VENV)/bin/ruff check backend tests
	$(VENV)/bin/ruff format --check backend tests
	$(VENV)/bin/mypy

# Prometheus's own checks of deploy/prometheus: the configuration (on a copy with a token file,
# as the compose service writes one), the alert rules, and their unit tests.
alerts-check:
	@command -v promtool >/dev/null || { echo "promtool is missing: install Debian's prometheus package (make system-deps)"; exit 1; }
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && cp deploy/prometheus/*.yml "$$tmp"/ && : > "$$tmp/metrics-token" \
		&& promtool check config "$$tmp/prometheus.yml" \
		&& promtool check rules deploy/prometheus/alerts.yml \
		&& cd deploy/prometheus && promtool test rules alerts.test.yml

# The README's docker-compose deployment run for real with Podman (root, Debian; see the script).
compose-test:
	bash scripts/compose-rehearsal.sh

# A long schemathesis campaign over the OpenAPI document (make test runs ~45 s of it).
fuzz: $(STAMP)
	CONTRACT_SECONDS=$${FUZZ_SECONDS:-900} $(PY) -m pytest tests/contract -s -q -p no:logging

bench: $(STAMP)
	@for script in tests/bench/[!_]*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

preview: $(NPM_STAMP) system-deps
	cd miniprogram && npm run preview

up:
	docker compose up --build

down:
	docker compose down

clean:
	rm -rf $(VENV) miniprogram/node_modules miniprogram/previews .pytest_cache
