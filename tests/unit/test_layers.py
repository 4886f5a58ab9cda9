"""The walls between layers, read from every backend module's imports (architecture.md
decision 1): domain imports nothing outward, services only domain and ports, web and the
worker no adapters, and only the composition root (bootstrap.py) knows everything."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

BACKEND = Path(__file__).resolve().parents[2] / "backend"
STDLIB = sys.stdlib_module_names


def module_name(path: Path) -> str:
    parts = path.relative_to(BACKEND.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module `path` imports, at any depth of its code (functions included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def modules(*packages: str) -> list[Path]:
    paths: list[Path] = []
    for package in packages:
        target = BACKEND / package
        paths += [target] if target.suffix == ".py" else sorted(target.rglob("*.py"))
    return paths


def ours(names: set[str]) -> set[str]:
    return {name for name in names if name == "backend" or name.startswith("backend.")}


def outside(names: set[str], allowed: tuple[str, ...]) -> set[str]:
    """Our modules in `names` not under an `allowed` prefix (their parent packages pass:
    `from backend.adapters import redis_keys` also names backend.adapters)."""
    return {n for n in ours(names) if not any(_within(n, a) for a in allowed)}


def _within(name: str, allowed: str) -> bool:
    return name == allowed or name.startswith(allowed + ".") or allowed.startswith(name + ".")


def ids(paths: list[Path]) -> list[str]:
    return [module_name(path) for path in paths]


DOMAIN, SERVICES = modules("domain"), modules("services")
# Third-party libraries the domain may use: pure functions over Unicode tables, no I/O
# (idna: the UTS #46 mapping browsers apply to hosts, for the phishing check).
PURE_LIBRARIES = {"idna"}
WEB, WORKER, ADAPTERS = modules("web"), modules("worker"), modules("adapters")
PORTS = modules("ports")


@pytest.mark.parametrize("path", DOMAIN + PORTS, ids=ids(DOMAIN + PORTS))
def test_domain_and_ports_import_only_the_standard_library_and_the_domain(path):
    names = imports(path)
    # The domain is a floor; the ports package may also gather its own modules.
    allowed = ("backend.domain", "backend.ports") if path in PORTS else ("backend.domain",)
    assert not outside(names, allowed)
    foreign = {n.split(".")[0] for n in names} - STDLIB - {"backend"} - PURE_LIBRARIES
    assert not foreign, f"{module_name(path)} imports third-party {sorted(foreign)}"


@pytest.mark.parametrize("path", SERVICES, ids=ids(SERVICES))
def test_services_import_only_domain_ports_and_services(path):
    names = imports(path)
    assert not outside(names, ("backend.domain", "backend.ports", "backend.services"))
    foreign = {n.split(".")[0] for n in names} - STDLIB - {"backend"}
    assert not foreign, f"{module_name(path)} imports third-party {sorted(foreign)}"


@pytest.mark.parametrize("path", WEB, ids=ids(WEB))
def test_the_web_layer_uses_services_never_adapters_nor_the_services_bag(path):
    allowed = ("backend.domain", "backend.services", "backend.web", "backend.settings")
    allowed += ("backend.logs",)
    assert not outside(imports(path), allowed)
    assert 'extensions["services"]' not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", WORKER, ids=ids(WORKER))
def test_the_worker_imports_no_adapter_and_nothing_of_the_web(path):
    allowed = ("backend.bootstrap", "backend.domain", "backend.services", "backend.ports")
    assert not outside(
        imports(path), (*allowed, "backend.worker", "backend.settings", "backend.logs")
    )


@pytest.mark.parametrize("path", ADAPTERS, ids=ids(ADAPTERS))
def test_adapters_implement_ports_without_calling_back_into_use_cases(path):
    assert not outside(imports(path), ("backend.adapters", "backend.domain", "backend.ports"))


SANDBOX = modules("sandbox")


@pytest.mark.parametrize("path", SANDBOX, ids=ids(SANDBOX))
def test_sandboxes_stand_apart_from_use_cases_and_entry_points(path):
    # They play UPS and WeChat: wire formats, keys and the error envelope, no use case.
    allowed = ("backend.sandbox", "backend.domain", "backend.settings", "backend.web.errors")
    allowed += ("backend.adapters.redis_keys", "backend.adapters.redis_lock")
    # WeChat's keyword rules: what the real service accepts is what the sandbox enforces.
    allowed += ("backend.adapters.wechat.templates", "backend.adapters.wechat.template_values")
    assert not outside(imports(path), allowed)


def test_only_the_entry_points_import_the_composition_root():
    importers = {
        module_name(path)
        for path in modules("")
        if ours(imports(path)) & {"backend.bootstrap", "backend.bootstrap.build_services"}
    }
    assert importers <= {"backend.app", "backend.worker.__main__", "backend.__main__"}


def test_the_composition_root_builds_without_importing_worker_or_web():
    assert not outside(
        imports(BACKEND / "bootstrap.py"),
        ("backend.adapters", "backend.domain", "backend.services", "backend.settings"),
    )
