"""docker-compose.yml, the Dockerfile and config/example.env agree. (`make compose-test` runs
them for real, with Podman; these checks are what every `make test` can afford.)"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def documented_variables() -> set[str]:
    text = (ROOT / "config" / "example.env").read_text()
    return set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", text, flags=re.MULTILINE))


def settings_variables() -> set[str]:
    source = (ROOT / "backend" / "settings.py").read_text()
    return set(re.findall(r'(?:get|_number)\(\s*(?:env,\s*)?"([A-Z][A-Z0-9_]+)"', source))


def test_compose_has_redis_api_and_worker():
    assert set(COMPOSE["services"]) >= {"redis", "api", "worker"}


def test_redis_runs_with_aof_everysec_a_volume_and_a_health_check():
    redis = COMPOSE["services"]["redis"]
    command = " ".join(redis["command"])
    assert "--appendonly yes" in command and "--appendfsync everysec" in command
    assert any(volume.endswith(":/data") for volume in redis["volumes"])
    assert "redis-cli" in redis["healthcheck"]["test"]
    assert redis["image"].startswith("redis:7")


def test_api_runs_gunicorn_on_the_wsgi_entry_and_checks_healthz():
    api = COMPOSE["services"]["api"]
    assert "gunicorn backend.wsgi:app" in api["command"]
    assert "/healthz" in " ".join(api["healthcheck"]["test"])
    assert api["depends_on"]["redis"]["condition"] == "service_healthy"


def test_worker_runs_the_worker_module_with_its_own_health_check():
    worker = COMPOSE["services"]["worker"]
    assert worker["command"][:3] == ["python", "-m", "backend.worker"]
    assert "--check" in worker["healthcheck"]["test"]


def test_api_and_worker_share_redis_url_pointing_at_the_redis_service():
    for name in ("api", "worker"):
        assert COMPOSE["services"][name]["environment"]["REDIS_URL"] == "redis://redis:6379/0"


def test_every_variable_compose_uses_is_documented():
    text = (ROOT / "docker-compose.yml").read_text()
    used = set(re.findall(r"\$\{([A-Z][A-Z0-9_]+)", text))
    used |= set(COMPOSE["services"]["api"]["environment"])
    assert used, "the compose file should read its configuration from the environment"
    assert used - documented_variables() == set()


def test_every_variable_the_settings_read_is_documented():
    read = settings_variables()
    assert {"REDIS_URL", "SECRET_KEY", "SANDBOX", "WECHAT_TEMPLATES"} <= read
    assert read - documented_variables() == set()


def test_compose_env_files_exist_and_hold_no_secrets():
    for name in ("compose.env", "dev.env"):
        text = (ROOT / "config" / name).read_text()
        assert "SECRET" not in text and "PASSWORD" not in text


def test_dockerfile_installs_the_package_and_a_cjk_font():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "fonts-wqy-microhei" in dockerfile
    assert "pip install" in dockerfile and "gunicorn" in dockerfile


def test_dockerfile_keeps_python_slim_as_the_default_base():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^ARG BASE=python:3\.11-slim$", dockerfile, re.MULTILINE)
    assert re.search(r"^FROM \$\{BASE\}$", dockerfile, re.MULTILINE)


def test_health_checks_survive_a_docker_api_that_splits_cmd_arguments_at_spaces():
    for name, service in COMPOSE["services"].items():
        test = service.get("healthcheck", {}).get("test", [])
        if test and test[0] == "CMD":
            assert not any(" " in part for part in test[1:]), name


def test_the_monitoring_profile_runs_prometheus_on_the_project_s_rules_with_the_token():
    prometheus = COMPOSE["services"]["prometheus"]
    assert prometheus["profiles"] == ["monitoring"]
    assert "./deploy/prometheus:/etc/upt-prometheus:ro" in prometheus["volumes"]
    assert "METRICS_TOKEN" in prometheus["environment"]
    assert "metrics-token" in " ".join(prometheus["command"])
    assert all("profiles" not in COMPOSE["services"][s] for s in ("redis", "api", "worker"))
