"""cnbudget: typed, validated Chinese government budget disclosures (部门预算公开).

The public API is importable from here; see ``docs/index.md``.

>>> import cnbudget
>>> cnbudget.parse_amount("1,089.27")
Decimal('1089.27')
>>> str(cnbudget.FunctionCode("210 15 01"))
'2101501'
>>> cnbudget.catalog(2024)["2101501"].name
'行政运行'
"""

from __future__ import annotations

__version__ = "0.1.0"

import importlib
from typing import TYPE_CHECKING, Any

from cnbudget.codes import ClassificationCode, EconomicCode, FunctionCode, GovEconomicCode
from cnbudget.errors import (
    CnbudgetError,
    DataError,
    InvalidAmount,
    InvalidCode,
    InvalidValue,
    ReadError,
    UnknownCode,
    UnknownName,
    WrongArgumentType,
)
from cnbudget.model import *  # noqa: F403  (the model's __all__ is part of the public API)
from cnbudget.model import __all__ as _model_all
from cnbudget.money import (
    AmountUnit,
    Change,
    Consistency,
    Interval,
    SumCheck,
    change,
    check_equal,
    check_rate,
    check_ratio,
    check_sum,
    convert,
    parse_amount,
    round_half_up,
    share,
    to_amount,
)
from cnbudget.targets import (
    Comparator,
    Deadline,
    DeadlineBound,
    TargetKind,
    TargetValue,
    parse_target,
)
from cnbudget.vocab import AgencyKind, FundingSource

if TYPE_CHECKING:
    from cnbudget.classification import (
        COVERED_YEARS,
        Catalog,
        MatchKind,
        NameMatch,
        Subject,
        load_catalog_csv,
    )
    from cnbudget.classification.catalog import catalog as catalog
    from cnbudget.examples import example, example_names
    from cnbudget.readers import Problem, ReadResult, read_file, read_files, read_pdf, read_text
    from cnbudget.scoring import ScoreCard, ScoreStep, ScoringMethod, load_actuals, read_actuals, score
    from cnbudget.serialize import from_dict, from_json, json_schema, to_dict, to_json
    from cnbudget.validation import Finding, Location, Report, Rule, Severity
    from cnbudget.validation.engine import validate as validate

# The subpackages that read, check, score and serialise are loaded on first use, so that importing
# the model alone stays quick. ``catalog(year)`` and ``validate(doc)`` are plain functions; their
# subpackages are ``cnbudget.classification`` and ``cnbudget.validation``.
_LAZY: dict[str, str] = {
    **dict.fromkeys(("COVERED_YEARS", "Catalog", "MatchKind", "NameMatch", "Subject", "catalog",
                     "load_catalog_csv"), "cnbudget.classification"),
    **dict.fromkeys(("example", "example_names"), "cnbudget.examples"),
    **dict.fromkeys(("Problem", "ReadResult", "read_file", "read_files", "read_pdf", "read_text"), "cnbudget.readers"),
    **dict.fromkeys(("ScoreCard", "ScoreStep", "ScoringMethod", "load_actuals", "read_actuals", "score"),
                    "cnbudget.scoring"),
    **dict.fromkeys(("from_dict", "from_json", "json_schema", "to_dict", "to_json"), "cnbudget.serialize"),
    **dict.fromkeys(("Finding", "Location", "Report", "Rule", "Severity", "validate"),
                    "cnbudget.validation"),
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "ScoreCard",
    "ScoreStep",
    "ScoringMethod",
    "load_actuals",
    "read_actuals",
    "score",
    "Finding",
    "Location",
    "Report",
    "Rule",
    "Severity",
    "validate",
    "Problem",
    "ReadResult",
    "example",
    "example_names",
    "from_dict",
    "from_json",
    "json_schema",
    "read_file",
    "read_files",
    "read_pdf",
    "read_text",
    "to_dict",
    "to_json",
    "COVERED_YEARS",
    "AgencyKind",
    "AmountUnit",
    "Catalog",
    "Change",
    "ClassificationCode",
    "CnbudgetError",
    "Comparator",
    "Consistency",
    "DataError",
    "Deadline",
    "DeadlineBound",
    "EconomicCode",
    "FunctionCode",
    "FundingSource",
    "GovEconomicCode",
    "Interval",
    "InvalidAmount",
    "InvalidCode",
    "InvalidValue",
    "MatchKind",
    "NameMatch",
    "ReadError",
    "Subject",
    "SumCheck",
    "TargetKind",
    "TargetValue",
    "UnknownCode",
    "UnknownName",
    "WrongArgumentType",
    "__version__",
    "catalog",
    "change",
    "check_equal",
    "check_rate",
    "check_ratio",
    "check_sum",
    "convert",
    "parse_amount",
    "load_catalog_csv",
    "parse_target",
    "round_half_up",
    "share",
    "to_amount",
    *_model_all,
]
