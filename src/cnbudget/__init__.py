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

from typing import TYPE_CHECKING

from cnbudget.catalog import (
    COVERED_YEARS,
    Catalog,
    MatchKind,
    NameMatch,
    Subject,
    load_catalog_csv,
)
from cnbudget.codes import ClassificationCode, EconomicCode, FunctionCode, GovEconomicCode
from cnbudget.errors import CnbudgetError, DataError, InvalidAmount, InvalidCode, ReadError, UnknownCode
from cnbudget.examples import example, example_names
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
from cnbudget.readers import Problem, ReadResult, read_pdf, read_text
from cnbudget.scoring import ScoreCard, ScoreStep, ScoringMethod, load_actuals, read_actuals, score
from cnbudget.serialize import from_dict, from_json, json_schema, to_dict, to_json
from cnbudget.targets import (
    Comparator,
    Deadline,
    DeadlineBound,
    TargetKind,
    TargetValue,
    parse_target,
)
from cnbudget.validate import Finding, Location, Report, Rule, Severity
from cnbudget.vocab import AgencyKind, FundingSource

if TYPE_CHECKING:
    from cnbudget.catalog.catalog import catalog as catalog
    from cnbudget.validate.engine import validate as validate
else:
    # The subpackages themselves, callable as catalog(year) and validate(doc), so that both
    # cnbudget.catalog(2024) and ``import cnbudget.catalog as c`` work (see cnbudget/_callable.py).
    import cnbudget.catalog as catalog
    import cnbudget.validate as validate

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
    "MatchKind",
    "NameMatch",
    "ReadError",
    "Subject",
    "SumCheck",
    "TargetKind",
    "TargetValue",
    "UnknownCode",
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
