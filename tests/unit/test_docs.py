"""The repository explains itself: every document a comment or docstring in backend/ and
tests/ cites is in the clone, every section it cites exists, and every file the docs in
docs/ name is where they say."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SOURCES = sorted([*(ROOT / "backend").rglob("*.py"), *(ROOT / "tests").rglob("*.py")])

CITED_FILE = re.compile(r"\b[\w][\w./-]*\.md\b")
CITED_SECTION = re.compile(r"\b(docs/[\w-]+\.md)((?:,? ?§\d+(?:[–-]§?\d+)?)+)")
SECTION = re.compile(r"§(\d+)(?:[–-]§?(\d+))?")
NAMED_PATH = re.compile(r"`((?:backend|tests|config|docs|miniprogram|scripts)/[\w./-]*)`")


def comments_and_docstrings(path: Path) -> list[str]:
    """The `#` comments and the docstrings of a Python file: where citations live."""
    text = path.read_text(encoding="utf-8")
    found = [
        token.string
        for token in tokenize.generate_tokens(io.StringIO(text).readline)
        if token.type == tokenize.COMMENT
    ]
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            docstring = ast.get_docstring(node)
            if docstring:
                found.append(docstring)
    return found


def cited_files(path: Path) -> set[str]:
    return {name for text in comments_and_docstrings(path) for name in CITED_FILE.findall(text)}


def _exists(name: str, citing: Path) -> bool:
    return (ROOT / name).is_file() or (citing.parent / name).is_file()


def _ids(paths: list[Path]) -> list[str]:
    return [str(path.relative_to(ROOT)) for path in paths]


CITING = [path for path in SOURCES if cited_files(path)]


@pytest.mark.parametrize("path", CITING, ids=_ids(CITING))
def test_every_cited_document_is_in_the_repository(path):
    missing = {name for name in cited_files(path) if not _exists(name, path)}
    assert not missing, f"{path.relative_to(ROOT)} cites {sorted(missing)}, not in the clone"


def sections(doc: Path) -> set[int]:
    return {int(n) for n in re.findall(r"^## §(\d+)\b", doc.read_text("utf-8"), re.M)}


def cited_sections(path: Path) -> set[tuple[str, int]]:
    found: set[tuple[str, int]] = set()
    for text in comments_and_docstrings(path):
        for doc, refs in CITED_SECTION.findall(" ".join(text.split())):
            for first, last in SECTION.findall(refs):
                found.update((doc, n) for n in range(int(first), int(last or first) + 1))
    return found


SECTIONED = [path for path in SOURCES if cited_sections(path)]


@pytest.mark.parametrize("path", SECTIONED, ids=_ids(SECTIONED))
def test_every_cited_section_exists(path):
    missing = {(doc, n) for doc, n in cited_sections(path) if n not in sections(ROOT / doc)}
    assert not missing, f"{path.relative_to(ROOT)} cites missing sections {sorted(missing)}"


PAGES = sorted(DOCS.glob("*.md"))


def test_the_docs_are_all_there():
    names = {page.name for page in PAGES}
    assert {"architecture.md", "api.md", "operations.md", "ups.md", "wechat.md"} <= names


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_every_file_a_doc_names_exists(page):
    text = page.read_text("utf-8")
    named = set(NAMED_PATH.findall(text))
    # Sections of other pages cited in prose: "docs/ups.md §8".
    named |= {doc for doc, _refs in CITED_SECTION.findall(text)}
    missing = {name for name in named if not (ROOT / name.rstrip("/")).exists()}
    assert not missing, f"{page.name} names {sorted(missing)}"
    for doc, refs in CITED_SECTION.findall(" ".join(text.split())):
        for first, last in SECTION.findall(refs):
            wanted = set(range(int(first), int(last or first) + 1))
            assert wanted <= sections(ROOT / doc), f"{page.name} cites {doc} {refs}"


def test_every_module_in_the_layout_exists():
    text = (DOCS / "architecture.md").read_text("utf-8")
    layout = text.split("## Layout", 1)[1].split("```")[1]
    names = set(re.findall(r"\b[\w]+\.(?:py|html)\b", layout))
    everywhere = {
        path.name for path in [*(ROOT / "backend").rglob("*"), *(ROOT / "tests").rglob("*")]
    }
    assert names and not names - everywhere, sorted(names - everywhere)
    # Bare names inside "ups/ (client token …)" groups are modules of that adapter package.
    for package, members in re.findall(r"(\w+)/ \(([a-z_ \n]+)\)", layout):
        folder = ROOT / "backend" / "adapters" / package
        assert folder.is_dir(), package
        for member in members.split():
            assert (folder / f"{member}.py").is_file(), f"{package}/{member}.py"


def test_the_vendor_notes_keep_their_sources():
    for name in ("ups.md", "wechat.md"):
        text = (DOCS / name).read_text("utf-8")
        assert "## Sources" in text and len(re.findall(r"https?://", text)) >= 10, name


def test_operations_names_every_variable_of_the_example_env():
    # config/example.env documents every variable the code reads
    # (tests/unit/test_deployment_files.py); this page must at least name each of them.
    example = (ROOT / "config" / "example.env").read_text("utf-8")
    variables = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", example, re.M))
    page = (DOCS / "operations.md").read_text("utf-8")
    assert variables and not {v for v in variables if f"`{v}`" not in page}
