"""What the composition root hands the views: use cases and a few settings, nothing else."""

from __future__ import annotations

import pytest
from flask import Flask

from backend.app import web_use_cases
from backend.bootstrap import build_services
from backend.services.parcels import Parcels
from backend.settings import Settings
from backend.web import registry


@pytest.fixture
def services():
    # Nothing connects while building: a closed port is fine.
    built = build_services(Settings(sandbox=True, redis_url="redis://127.0.0.1:1/0").completed())
    yield built
    built.close()


def test_views_get_use_cases_never_stores_or_clients(services):
    use_cases = web_use_cases(services)
    for kind, instance in use_cases.items():
        assert isinstance(instance, kind)
        assert not type(instance).__module__.startswith("backend.adapters"), kind
    assert services.redis not in use_cases.values()


def test_a_view_asks_by_type_and_gets_this_apps_instance(services):
    app = Flask(__name__)
    registry.install(app, web_use_cases(services))
    with app.app_context():
        assert registry.use(Parcels) is services.parcels


def test_installing_an_instance_under_the_wrong_type_is_refused(services):
    with pytest.raises(TypeError):
        registry.install(Flask(__name__), {Parcels: services.lookup})
