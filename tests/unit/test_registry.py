"""What the composition root hands the views: use cases and a few settings, nothing else."""

from __future__ import annotations

import pytest
from flask import Flask

from backend.bootstrap import build_web
from backend.services.lookup import LookupService
from backend.services.parcels import Parcels
from backend.settings import Settings
from backend.web import registry


@pytest.fixture
def web():
    # Nothing connects while building: a closed port is fine.
    built = build_web(Settings(sandbox=True, redis_url="redis://127.0.0.1:1/0").completed())
    yield built
    built.close()


def test_views_get_use_cases_never_stores_or_clients(web):
    for kind, instance in web.use_cases.items():
        assert isinstance(instance, kind)
        assert not type(instance).__module__.startswith("backend.adapters"), kind
    assert web.sandbox_store not in web.use_cases.values()


def test_a_view_asks_by_type_and_gets_this_apps_instance(web):
    app = Flask(__name__)
    registry.install(app, web.use_cases)
    with app.app_context():
        assert registry.use(Parcels) is web.use_cases[Parcels]


def test_installing_an_instance_under_the_wrong_type_is_refused(web):
    with pytest.raises(TypeError):
        registry.install(Flask(__name__), {Parcels: web.use_cases[LookupService]})
