"""cnbudget: typed, validated Chinese government budget disclosures (部门预算公开).

The public API is importable from here; see ``docs/index.md``.

>>> import cnbudget
>>> cnbudget.parse_amount("1,089.27")
Decimal('1089.27')
>>> str(cnbudget.FunctionCode("210 15 01"))
'2101501'
>>> cnbudget.catalog(2024)["2101501"].name
'行政运行'

Every public name is loaded on first use, so that ``import cnbudget`` (and ``cnbudget --help``) cost
next to nothing: the model is about two thirds of what the library takes to load, its attrs classes
being made when its modules run, and a tool that only reads a JSON file or looks up one subject should
not pay for the readers, the rules and the whole model.
"""

from __future__ import annotations

__version__ = "0.1.0"

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what type checkers see; _HOMES gives the same names at run time (tests/test_public_api.py)
    __all__: list[str]  # given by __getattr__ below
    from cnbudget.classification import COVERED_YEARS as COVERED_YEARS
    from cnbudget.classification import Catalog as Catalog
    from cnbudget.classification import MatchKind as MatchKind
    from cnbudget.classification import NameMatch as NameMatch
    from cnbudget.classification import Subject as Subject
    from cnbudget.classification import load_catalog_csv as load_catalog_csv
    from cnbudget.classification.catalog import catalog as catalog
    from cnbudget.codes import ClassificationCode as ClassificationCode
    from cnbudget.codes import EconomicCode as EconomicCode
    from cnbudget.codes import FunctionCode as FunctionCode
    from cnbudget.codes import GovEconomicCode as GovEconomicCode
    from cnbudget.errors import CnbudgetError as CnbudgetError
    from cnbudget.errors import DataError as DataError
    from cnbudget.errors import InvalidAmount as InvalidAmount
    from cnbudget.errors import InvalidCode as InvalidCode
    from cnbudget.errors import InvalidValue as InvalidValue
    from cnbudget.errors import ReadError as ReadError
    from cnbudget.errors import UnknownCode as UnknownCode
    from cnbudget.errors import UnknownName as UnknownName
    from cnbudget.errors import WrongArgumentType as WrongArgumentType
    from cnbudget.examples import example as example
    from cnbudget.examples import example_names as example_names
    from cnbudget.model import *  # noqa: F403  (the model's __all__ is part of the public API)
    from cnbudget.money import AmountUnit as AmountUnit
    from cnbudget.money import Change as Change
    from cnbudget.money import Consistency as Consistency
    from cnbudget.money import Interval as Interval
    from cnbudget.money import SumCheck as SumCheck
    from cnbudget.money import change as change
    from cnbudget.money import check_equal as check_equal
    from cnbudget.money import check_rate as check_rate
    from cnbudget.money import check_ratio as check_ratio
    from cnbudget.money import check_sum as check_sum
    from cnbudget.money import convert as convert
    from cnbudget.money import parse_amount as parse_amount
    from cnbudget.money import round_half_up as round_half_up
    from cnbudget.money import share as share
    from cnbudget.money import to_amount as to_amount
    from cnbudget.readers import Problem as Problem
    from cnbudget.readers import ReadResult as ReadResult
    from cnbudget.readers import read_file as read_file
    from cnbudget.readers import read_files as read_files
    from cnbudget.readers import read_pdf as read_pdf
    from cnbudget.readers import read_text as read_text
    from cnbudget.scoring import ScoreCard as ScoreCard
    from cnbudget.scoring import ScoreStep as ScoreStep
    from cnbudget.scoring import ScoringMethod as ScoringMethod
    from cnbudget.scoring import load_actuals as load_actuals
    from cnbudget.scoring import read_actuals as read_actuals
    from cnbudget.scoring import score as score
    from cnbudget.serialize import from_dict as from_dict
    from cnbudget.serialize import from_json as from_json
    from cnbudget.serialize import json_schema as json_schema
    from cnbudget.serialize import to_dict as to_dict
    from cnbudget.serialize import to_json as to_json
    from cnbudget.targets import Comparator as Comparator
    from cnbudget.targets import Deadline as Deadline
    from cnbudget.targets import DeadlineBound as DeadlineBound
    from cnbudget.targets import TargetKind as TargetKind
    from cnbudget.targets import TargetValue as TargetValue
    from cnbudget.targets import parse_target as parse_target
    from cnbudget.validation import Finding as Finding
    from cnbudget.validation import Location as Location
    from cnbudget.validation import Report as Report
    from cnbudget.validation import Rule as Rule
    from cnbudget.validation import Severity as Severity
    from cnbudget.validation.engine import validate as validate
    from cnbudget.vocab import AgencyKind as AgencyKind
    from cnbudget.vocab import FundingSource as FundingSource

#: Where each public name lives, other than the model's (``cnbudget.model.__all__``). ``catalog(year)``
#: and ``validate(doc)`` are plain functions; their packages are ``cnbudget.classification`` and
#: ``cnbudget.validation``.
_HOMES: dict[str, tuple[str, ...]] = {
    "cnbudget.errors": (
        "CnbudgetError", "DataError", "InvalidAmount", "InvalidCode", "InvalidValue", "ReadError", "UnknownCode",
        "UnknownName", "WrongArgumentType",
    ),
    "cnbudget.codes": ("ClassificationCode", "EconomicCode", "FunctionCode", "GovEconomicCode"),
    "cnbudget.money": (
        "AmountUnit", "Change", "Consistency", "Interval", "SumCheck", "change", "check_equal", "check_rate",
        "check_ratio", "check_sum", "convert", "parse_amount", "round_half_up", "share", "to_amount",
    ),
    "cnbudget.targets": ("Comparator", "Deadline", "DeadlineBound", "TargetKind", "TargetValue", "parse_target"),
    "cnbudget.vocab": ("AgencyKind", "FundingSource"),
    "cnbudget.classification": (
        "COVERED_YEARS", "Catalog", "MatchKind", "NameMatch", "Subject", "catalog", "load_catalog_csv",
    ),
    "cnbudget.examples": ("example", "example_names"),
    "cnbudget.readers": ("Problem", "ReadResult", "read_file", "read_files", "read_pdf", "read_text"),
    "cnbudget.validation": ("Finding", "Location", "Report", "Rule", "Severity", "validate"),
    "cnbudget.scoring": ("ScoreCard", "ScoreStep", "ScoringMethod", "load_actuals", "read_actuals", "score"),
    "cnbudget.serialize": ("from_dict", "from_json", "json_schema", "to_dict", "to_json"),
}
_HOME_OF: dict[str, str] = {name: module for module, names in _HOMES.items() for name in names}
_MODEL = "cnbudget.model"


def _model_names() -> list[str]:
    model_names: list[str] = importlib.import_module(_MODEL).__all__
    return model_names


if not TYPE_CHECKING:  # type checkers see the imports above, and an unknown name stays an error for them

    def __getattr__(name: str) -> Any:
        if name == "__all__":  # asked by ``from cnbudget import *`` and by documentation tools
            return [*_HOME_OF, *_model_names(), "__version__"]
        if name.startswith("__"):
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        home = _HOME_OF.get(name)
        if home is None:
            if name not in _model_names():
                raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
            home = _MODEL
        value = getattr(importlib.import_module(home), name)
        globals()[name] = value  # found directly from now on
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOME_OF, *_model_names()})
