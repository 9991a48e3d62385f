"""The public entry points are plain, typed functions and every name in ``cnbudget.__all__`` resolves."""

from __future__ import annotations

import ast
import inspect
import subprocess
import sys
import types
from pathlib import Path

import pytest

import cnbudget
import cnbudget.model
from cnbudget.classification import Catalog
from cnbudget.validation import ALL_RULES, Report


def test_every_public_name_resolves() -> None:
    missing = [name for name in cnbudget.__all__ if getattr(cnbudget, name, None) is None]
    assert missing == []


def test_catalog_and_validate_are_plain_functions_not_modules() -> None:
    assert inspect.isfunction(cnbudget.catalog)
    assert inspect.isfunction(cnbudget.validate)
    assert not isinstance(cnbudget.catalog, types.ModuleType)
    assert list(inspect.signature(cnbudget.catalog).parameters) == ["year"]


def test_their_packages_keep_their_own_names() -> None:
    import cnbudget.classification
    import cnbudget.validation

    assert cnbudget.catalog is cnbudget.classification.catalog  # importing the package leaves the function
    assert cnbudget.validate is cnbudget.validation.validate
    assert isinstance(cnbudget.catalog(2024), Catalog)
    assert cnbudget.catalog(2024)["2101501"].name == "行政运行"
    report = cnbudget.validate(cnbudget.example("urumqi-2024"))
    assert isinstance(report, Report)
    assert len(ALL_RULES) >= 56


def _type_checking_imports() -> dict[str, str]:
    """The names ``cnbudget/__init__.py`` imports for type checkers, each with its module."""
    tree = ast.parse(Path(cnbudget.__file__).read_text(encoding="utf-8"))
    block = next(node for node in tree.body if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING")
    imported: dict[str, str] = {}
    for node in block.body:
        if isinstance(node, ast.ImportFrom) and node.module != "cnbudget.model":
            for alias in node.names:
                assert alias.asname == alias.name, f"{alias.name} must be imported 'as' itself to be re-exported"
                imported[alias.name] = node.module or ""
    return imported


def test_type_checkers_see_the_names_loaded_at_run_time() -> None:
    seen = _type_checking_imports()
    homes = cnbudget._HOME_OF
    assert sorted(seen) == sorted(homes)
    assert {name: module for name, module in seen.items() if not module.startswith(homes[name])} == {}
    assert {name for name in cnbudget.__all__ if name not in homes} == {*cnbudget.model.__all__, "__version__"}


def test_importing_the_package_loads_nothing_else() -> None:
    code = "import sys, cnbudget; print(sorted(m for m in sys.modules if m.startswith('cnbudget')))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "['cnbudget']"


def test_star_import_and_dir_give_every_public_name() -> None:
    namespace: dict[str, object] = {}
    exec("from cnbudget import *", namespace)
    assert {"BudgetDisclosure", "read_text", "validate", "FunctionCode", "parse_amount"} <= set(namespace)
    assert set(cnbudget.__all__) <= set(namespace)
    assert set(cnbudget.__all__) <= set(dir(cnbudget))


def test_an_unknown_name_is_an_attribute_error() -> None:
    for name in ("read_textt", "__wrapped__"):  # a misspelt name; a dunder asked by inspection tools
        with pytest.raises(AttributeError, match=f"no attribute '{name}'"):
            getattr(cnbudget, name)
