"""The public entry points are plain, typed functions and every name in ``cnbudget.__all__`` resolves."""

from __future__ import annotations

import inspect
import types

import cnbudget
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
