"""The layers of docs/architecture.md: imports point one way. A module may import from its own layer
and the layers below it, never from a layer above (a reader from ``validation``, a rule from
``readers`` or ``scoring``, the model from anything but arithmetic, codes, catalogue and vocabulary)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "cnbudget"

# Each top-level part of the package and the parts it may import from (besides itself). ``labelled``
# (the base of the enums with Chinese labels) and ``builders`` (fast construction of frozen objects)
# import nothing, so every part may use them.
ARITHMETIC = {"errors", "labelled", "builders", "text", "decimals", "money", "numbering"}
CODES = ARITHMETIC | {"codes", "vocab"}  # vocab: kinds of agency and funding sources, plain enums
CATALOGUE = CODES | {"classification"}
VOCABULARY = CATALOGUE | {"targets", "target_units", "target_scoring"}
MODEL = VOCABULARY | {"model"}
ALLOWED: dict[str, set[str]] = {
    "errors": set(), "labelled": set(), "builders": set(), "text": set(), "decimals": set(),
    "money": {"errors", "labelled", "builders", "text", "decimals"}, "numbering": {"errors", "text"},
    "vocab": {"errors", "labelled"}, "codes": ARITHMETIC, "classification": CODES,
    "targets": CATALOGUE, "target_units": CATALOGUE, "target_scoring": CATALOGUE | {"targets"},
    "model": VOCABULARY,
    "serialize": MODEL,
    "readers": MODEL,
    "validation": MODEL,
    "scoring": MODEL | {"serialize"},
    "examples": MODEL | {"serialize"},
    "render": MODEL | {"readers", "validation"},  # a report lays out a model and its findings
}


def _part(module: Path) -> str:
    relative = module.relative_to(PACKAGE)
    return relative.parts[0].removesuffix(".py")


def _imported_parts(module: Path) -> set[str]:
    """The top-level parts of cnbudget a module imports at run time (``TYPE_CHECKING`` blocks aside)."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    checking_only = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                     and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING")
                     for n in ast.walk(node)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in checking_only:
            continue
        names = [node.module] if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 else (
            [alias.name for alias in node.names] if isinstance(node, ast.Import) else [])
        for name in names:
            parts = name.split(".")
            if parts[0] == "cnbudget" and len(parts) > 1:
                found.add(parts[1])
    return found


MODULES = sorted(m for m in PACKAGE.rglob("*.py") if _part(m) in ALLOWED)


@pytest.mark.parametrize("module", MODULES, ids=lambda m: str(m.relative_to(PACKAGE)))
def test_imports_point_down(module: Path) -> None:
    part = _part(module)
    upward = _imported_parts(module) - ALLOWED[part] - {part}
    assert not upward, f"{module.relative_to(PACKAGE)} ({part}) imports from a layer above it: {sorted(upward)}"


def test_every_part_of_the_package_has_its_layer() -> None:
    parts = {_part(m) for m in PACKAGE.rglob("*.py")} - {"__init__", "__main__", "cli"}
    assert parts <= set(ALLOWED), f"parts without a layer in this test: {sorted(parts - set(ALLOWED))}"


def test_an_upward_import_is_seen(tmp_path: Path) -> None:
    module = tmp_path / "rule.py"
    module.write_text("from cnbudget.readers.read import read_text\n"
                      "from typing import TYPE_CHECKING\n"
                      "if TYPE_CHECKING:\n    from cnbudget.cli import main\n", encoding="utf-8")
    assert _imported_parts(module) == {"readers"}
