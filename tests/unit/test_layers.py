"""The walls between layers, read from every backend module's imports (docs/architecture.md,
"Layers"): domain imports nothing outward, services only domain and ports, web and the
worker no adapters, and only the composition root (backend/bootstrap/) knows everything.

Imports are read from the source: relative ones are resolved against their package, and
code reached by name instead of by import (importlib, __import__, a "backend.…" string) is
flagged unless it is on the short list of names that are text on purpose. The last tests
feed probe modules to the same checks and see each kind of breach caught.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

BACKEND = Path(__file__).resolve().parents[2] / "backend"
STDLIB = sys.stdlib_module_names

# Module prefix -> what of ours its modules may import; the most specific prefix applies.
RULES: dict[str, tuple[str, ...]] = {
    "backend": (),  # the package itself exports nothing
    "backend.domain": ("backend.domain",),
    "backend.ports": ("backend.domain", "backend.ports"),
    "backend.services": ("backend.domain", "backend.ports", "backend.services"),
    "backend.adapters": ("backend.adapters", "backend.domain", "backend.ports"),
    "backend.web": (
        "backend.domain", "backend.services", "backend.web", "backend.settings", "backend.logs",
    ),
    "backend.worker": (
        "backend.bootstrap", "backend.domain", "backend.services", "backend.ports",
        "backend.worker", "backend.settings", "backend.logs",
    ),
    # They play UPS and WeChat: wire formats, keys and the error envelope, no use case;
    # WeChat's keyword rules, because what the real service accepts the sandbox enforces.
    "backend.sandbox": (
        "backend.sandbox", "backend.domain", "backend.settings", "backend.web.errors",
        "backend.adapters.redis_keys", "backend.adapters.redis_lock",
        "backend.adapters.wechat.templates", "backend.adapters.wechat.template_values",
    ),
    # The composition root: everything but the entry points it serves, whose registry of
    # use cases by type it fills for the web.
    "backend.bootstrap": (
        "backend.adapters", "backend.bootstrap", "backend.domain", "backend.ports",
        "backend.services", "backend.settings", "backend.web.registry",
    ),
    # The web entry point: the root, and the web layer it sets up (the sandboxes in sandbox
    # mode); the use cases and their wiring map come from the root.
    "backend.app": (
        "backend.bootstrap", "backend.settings", "backend.logs", "backend.web", "backend.sandbox",
    ),
    "backend.wsgi": ("backend.app", "backend.settings"),
    "backend.gunicorn_worker": ("backend.web.messages",),  # refusals in the API's words
    "backend.gunicorn_conf": (),
    "backend.settings": ("backend.domain", "backend.env_values"),
    "backend.env_values": ("backend.domain",),  # pure rules (a rate's syntax)
    "backend.logs": (),
    # The command line and the dev server: entry points that start their own Redis client.
    "backend.__main__": (
        "backend.adapters.redis_conn", "backend.bootstrap", "backend.domain", "backend.ports",
        "backend.settings",
    ),
    "backend.devserver": (
        "backend.adapters.redis_conn", "backend.adapters.embedded_redis", "backend.settings",
        "backend.stop_signals",
    ),
    "backend.stop_signals": (),  # signal handling for the entry points, standard library only
}  # fmt: skip

# Our code named as text on purpose (module -> the names): RQ finds its job functions and
# gunicorn its worker class by path, the dev server starts the worker as a process, the
# places read their own data.
NAMED_BY_TEXT: dict[str, frozenset[str]] = {
    "backend.adapters.refresh_queue": frozenset(
        {
            "backend.worker.jobs.refresh_number",
            "backend.worker.jobs.refresh_numbers",
            "backend.worker.jobs.announce_slice",
        }
    ),
    "backend.gunicorn_conf": frozenset({"backend.gunicorn_worker.JsonErrorWorker"}),
    "backend.devserver": frozenset({"backend.worker"}),
    "backend.domain.places": frozenset({"backend.domain"}),
}

# Calls that load code by name, out of the AST's sight.
LOADERS = frozenset(
    {"__import__", "import_module", "module_from_spec", "spec_from_file_location", "resolve_name"}
)


def module_name(path: Path) -> str:
    parts = path.relative_to(BACKEND.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _package(module: str, is_package: bool) -> str:
    return module if is_package else module.rpartition(".")[0]


def _absolute(node: ast.ImportFrom, package: str) -> str:
    """`from ..x import y` in package a.b.c -> a.b.x (level 1 is the package itself)."""
    if node.level == 0:
        return node.module or ""
    parts = package.split(".")
    base = ".".join(parts[: len(parts) - (node.level - 1)])
    return f"{base}.{node.module}" if node.module else base


def imports(source: str, module: str, is_package: bool = False) -> set[str]:
    """Every module the source imports, at any depth of its code (functions included),
    relative imports resolved against `module`'s package."""
    found: set[str] = set()
    package = _package(module, is_package)
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, package)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _defines(module: str, name: str) -> bool:
    """Does our `module` exist and (when `name` is given) define `name` at its top level?"""
    path = BACKEND.parent.joinpath(*module.split("."))
    path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    if not path.is_file():
        return False
    if not name:
        return True
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            if node.name == name:
                return True
        elif isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        elif isinstance(node, ast.Import | ast.ImportFrom):
            if any((alias.asname or alias.name.split(".")[0]) == name for alias in node.names):
                return True
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            return True
    return False


def names_our_code(text: str) -> bool:
    """ "backend.x.y" naming one of our modules, or a name defined at the top of one."""
    parts = text.split(".")
    if parts[0] != "backend" or not all(part.isidentifier() for part in parts):
        return False
    module, _, last = text.rpartition(".")
    return _defines(text, "") or (bool(module) and _defines(module, last))


def loaded_by_name(source: str, module: str) -> set[str]:
    """Code this source reaches without an import statement: loader calls and our module
    names written as strings (minus the names on NAMED_BY_TEXT for `module`)."""
    found: set[str] = set()
    allowed = NAMED_BY_TEXT.get(module, frozenset())
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name in LOADERS:
                found.add(f"{name}()")
        elif isinstance(node, ast.ImportFrom) and node.module in ("importlib", "pkgutil"):
            found.update(f"{node.module}.{a.name}" for a in node.names if a.name in LOADERS)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if node.value not in allowed and names_our_code(node.value):
                found.add(repr(node.value))
    return found


def rule_for(module: str) -> str:
    matches = [p for p in RULES if module == p or module.startswith(p + ".")]
    return max(matches, key=len)


def ours(names: set[str]) -> set[str]:
    return {name for name in names if name == "backend" or name.startswith("backend.")}


def _within(name: str, allowed: str) -> bool:
    # Parent packages pass: `from backend.adapters import redis_keys` also names
    # backend.adapters.
    return name == allowed or name.startswith(allowed + ".") or allowed.startswith(name + ".")


def breaches(source: str, module: str, is_package: bool = False) -> set[str]:
    """Our modules `module` imports that its rule does not allow, and code it loads by name."""
    allowed = RULES[rule_for(module)]
    imported = ours(imports(source, module, is_package))
    outside = {n for n in imported if not any(_within(n, a) for a in allowed)}
    return outside | loaded_by_name(source, module)


def modules(*packages: str) -> list[Path]:
    paths: list[Path] = []
    for package in packages:
        target = BACKEND / package
        paths += [target] if target.suffix == ".py" else sorted(target.rglob("*.py"))
    return paths


def ids(paths: list[Path]) -> list[str]:
    return [module_name(path) for path in paths]


def source(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def foreign(names: set[str]) -> set[str]:
    return {n.split(".")[0] for n in names} - STDLIB - {"backend"}


ALL = modules("")
DOMAIN, SERVICES, WEB = modules("domain"), modules("services"), modules("web")
PORTS = modules("ports")
# Third-party libraries the domain may use: pure functions over Unicode tables, no I/O
# (idna: the UTS #46 mapping browsers apply to hosts, for the phishing check).
PURE_LIBRARIES = {"idna"}


@pytest.mark.parametrize("path", ALL, ids=ids(ALL))
def test_every_module_imports_only_what_its_layer_may(path):
    assert not breaches(source(path), module_name(path), path.name == "__init__.py")


@pytest.mark.parametrize("path", DOMAIN + PORTS + SERVICES, ids=ids(DOMAIN + PORTS + SERVICES))
def test_domain_ports_and_services_use_only_the_standard_library(path):
    names = imports(source(path), module_name(path), path.name == "__init__.py")
    allowed = PURE_LIBRARIES if path in DOMAIN else set()
    assert not foreign(names) - allowed, f"{module_name(path)} imports {foreign(names)}"


@pytest.mark.parametrize("path", ALL, ids=ids(ALL))
def test_no_module_hangs_a_bag_of_services_on_the_app(path):
    # The views get use cases by type (web/registry.py); tests read stores through
    # tests/support/stores.py. Nothing sets or reads app.extensions["services"].
    assert 'extensions["services"]' not in source(path)


PRESENTERS = [BACKEND / "web" / name for name in ("presenters.py", "pickup.py")]
PRESENTERS += [BACKEND / "web" / name for name in ("location_views.py", "rendered.py")]


@pytest.mark.parametrize("path", PRESENTERS, ids=ids(PRESENTERS))
def test_presenters_only_render_what_the_use_cases_found(path):
    # No use case called while rendering: the lookup found the Access Point already.
    assert "backend.web.registry" not in imports(source(path), module_name(path))


def test_every_module_falls_under_a_rule_of_its_own_kind():
    # A new top-level module must say where it stands, not inherit the package's rule.
    top_level = {module_name(p) for p in ALL if p.parent == BACKEND}
    assert {m for m in top_level if rule_for(m) == "backend"} == {"backend"}


def test_only_the_entry_points_import_the_composition_root():
    importers = {
        module_name(path)
        for path in ALL
        if not module_name(path).startswith("backend.bootstrap")
        and any(
            _within(name, "backend.bootstrap") and name != "backend"
            for name in ours(imports(source(path), module_name(path), path.name == "__init__.py"))
        )
    }
    assert importers <= {"backend.app", "backend.worker.__main__", "backend.__main__"}


def test_the_names_on_the_text_list_still_name_our_code():
    # A renamed job function must take its entry here along, not leave a dead one.
    for module, texts in NAMED_BY_TEXT.items():
        assert _defines(module, "")
        assert all(names_our_code(text) for text in texts), module


# Probes: one module of each kind of breach, fed to the same checks as the real ones.


@pytest.mark.parametrize(
    ("module", "probe"),
    [
        # relative imports, resolved against the probe's package
        ("backend.domain.probe", "from ..adapters import redis_keys\n"),
        ("backend.services.probe", "from ..adapters.ups import client\n"),
        ("backend.web.probe", "def f():\n    from .. import bootstrap\n"),
        # code loaded by name
        ("backend.services.probe", "import importlib\nimportlib.import_module(name)\n"),
        ("backend.services.probe", "from importlib import import_module\n"),
        ("backend.web.probe", "queue = __import__(name)\n"),
        ("backend.services.probe", 'JOB = "backend.adapters.redis_keys"\n'),
        ("backend.web.probe", 'path = "backend.bootstrap.build_web"\n'),
        # a name that is text on purpose in refresh_queue is not so anywhere else
        ("backend.services.probe", 'JOB = "backend.worker.jobs.refresh_number"\n'),
        # the entry points
        ("backend.app", "from backend.adapters.redis_conn import connect\n"),
        ("backend.gunicorn_worker", "from backend.services import lookup\n"),
        ("backend.gunicorn_worker", "from backend.bootstrap import build_web\n"),
        ("backend.app", "from backend.adapters import redis_keys\n"),
        ("backend.app", "from backend.services.lookup import LookupService\n"),
    ],
)
def test_a_probe_breaching_a_wall_is_caught(module, probe):
    assert breaches(probe, module)


@pytest.mark.parametrize(
    ("module", "probe"),
    [
        ("backend.services.probe", "from . import lookup\nfrom .lookup import Lookup\n"),
        ("backend.services.probe", "from ..domain.model import Shipment\n"),
        ("backend.domain.places", "from importlib import resources\n"),
        ("backend.adapters.refresh_queue", 'JOB = "backend.worker.jobs.refresh_number"\n'),
        ("backend.web.request_log", 'log = logging.getLogger("backend.access")\n'),
    ],
)
def test_a_probe_within_its_walls_passes(module, probe):
    assert not breaches(probe, module)


def test_relative_imports_resolve_against_the_package():
    assert imports("from . import x", "backend.web.track") == {"backend.web", "backend.web.x"}
    assert "backend.domain.model" in imports("from .model import T", "backend.domain", True)
    assert "backend.adapters" in imports("from .. import adapters", "backend.web.track")


def _classes(paths: list[Path]) -> set[str]:
    return {
        node.name
        for path in paths
        for node in ast.parse(source(path)).body
        if isinstance(node, ast.ClassDef)
    }


def test_no_adapter_class_shares_its_name_with_a_port():
    # A port says what (WatchStore), its adapter with what (RedisWatchStore): a reader who
    # meets the name knows which side of the wall it is on.
    ports, adapters = _classes(PORTS), _classes(modules("adapters"))
    assert ports and adapters and not ports & adapters
