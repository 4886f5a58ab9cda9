"""Every Chinese string users can see from the backend follows the tracker wording of
config/wording-rules.json (the mini-program checks its own strings against the same file):
已签收, 派送中, 派送未成功, 待取件, 清关中, 异常; one term, 运单号; one form of address, 您."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RULES = json.loads((ROOT / "config" / "wording-rules.json").read_text(encoding="utf-8"))["rules"]
CJK = re.compile(r"[\u4e00-\u9fff]")
# Users read these: API labels, advice, help, messages, notices, the share page and card.
# Not the sandboxes (they speak UPS's own words) nor the UPS mapping (it matches UPS's words).
SOURCES = [
    *sorted((ROOT / "backend" / "domain").rglob("*.py")),
    *sorted((ROOT / "backend" / "web").rglob("*.py")),
    *sorted((ROOT / "backend" / "services").rglob("*.py")),
    ROOT / "backend" / "adapters" / "wechat" / "message_fields.py",
    ROOT / "backend" / "adapters" / "share_card.py",
    ROOT / "backend" / "__main__.py",
]
TEMPLATES = sorted((ROOT / "backend" / "web" / "templates").glob("*.html"))


def chinese_strings(path: Path) -> list[str]:
    """Every string literal of a module that holds Chinese (docstrings are for us)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and CJK.search(node.value)
    ]


def all_strings() -> list[tuple[str, str]]:
    found = [(p.relative_to(ROOT).as_posix(), s) for p in SOURCES for s in chinese_strings(p)]
    for template in TEMPLATES:
        text = template.read_text(encoding="utf-8")
        found += [(template.name, line) for line in text.splitlines() if CJK.search(line)]
    return found


STRINGS = all_strings()


def test_there_are_strings_to_check():
    # A few hundred: a broken collector would make every rule pass vacuously.
    assert len(STRINGS) > 200
    assert any("已签收" in text for _where, text in STRINGS)


@pytest.mark.parametrize("rule", RULES, ids=[r["instead"] for r in RULES])
def test_no_user_facing_string_breaks_the_rule(rule):
    pattern = re.compile(rule["pattern"])
    broken = [(where, text) for where, text in STRINGS if pattern.search(text)]
    assert not broken, f"write {rule['instead']}: {broken}"
