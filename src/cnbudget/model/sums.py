"""How the columns of a table add up (栏目加总关系), written once for the reader and the validator.

Each amount record (and the items of the "三公" table) has a tree of columns: 合计 = 基本支出 + 项目支出,
基本支出 = 人员经费 + 公用经费, 人员经费 = 工资福利支出 + 对个人和家庭的补助, … A template prints some
of the columns of the tree. The identities a printed row must satisfy follow from which columns it
prints (:func:`identities`): every printed column that has printed parts is the sum of its *nearest*
printed parts, a column the template does not print being replaced by its own parts. So the
11-table fund tables (合计 | 人员经费 | 公用经费 | 项目支出) satisfy 合计 = 人员经费 + 公用经费 + 项目支出,
and the Shanghai revenue table (合计 | 财政拨款收入 | 事业收入 | 事业单位经营收入 | 其他收入) satisfies
合计 = 财政拨款收入 + 事业收入 + 事业单位经营收入 + 其他收入, with no identity written for either.

The reader uses the identities to put back blank cells a text extraction dropped
(:mod:`cnbudget.readers.tables.columns`); the row rules (ROW-001 … ROW-007, HIER-008) check them.
"其中" columns (其中：财政拨款 under 一般公共预算) are not parts: they are listed in :data:`OF_WHICH`.

>>> from cnbudget.model.amounts import ExpenditureAmounts
>>> [(i.total, i.parts) for i in identities(ExpenditureAmounts, ["total", "personnel", "public", "project"])]
[('total', ('personnel', 'public', 'project'))]
>>> [i.rule for i in identities(ExpenditureAmounts, ["total", "basic", "project"])]
['ROW-001']
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from functools import lru_cache

import attrs

from cnbudget.model.amounts import (
    BasicAmounts,
    CarryoverAmounts,
    EconomicCategoryAmounts,
    ExpenditureAmounts,
    FiscalAmounts,
    SourceAmounts,
    SourceSplit,
)
from cnbudget.model.tables import ThreePublicTable

__all__ = ["OF_WHICH", "SUMS", "Identity", "Sum", "identities", "parent_of", "parts_of"]


@attrs.frozen
class Sum:
    """One node of a column tree: ``total`` is the sum of ``parts``; the rule that checks it."""

    rule: str
    total: str
    parts: tuple[str, ...]


@attrs.frozen
class Identity:
    """``total = Σ parts`` among the columns a row actually prints, checked by ``rule``."""

    rule: str
    total: str
    parts: tuple[str, ...]


def _tree(*sums: Sum) -> tuple[Sum, ...]:
    return sums


_EXPENDITURE = _tree(
    Sum("ROW-001", "total", ("basic", "project", "reserve", "next_year_carryover")),
    Sum("ROW-002", "basic", ("personnel", "public")),
    Sum("ROW-002", "personnel", ("personnel_salaries", "personnel_family")),
    Sum("ROW-002", "public", ("public_goods_services", "public_capital")),
    Sum("ROW-003", "project", ("project_operating", "project_specific")),
)

_SOURCES = _tree(
    Sum("ROW-004", "total", ("current_year", "carryover")),
    Sum("ROW-004", "current_year", ("fiscal", "special_account", "agency_funds")),
    Sum("ROW-005", "fiscal", ("general_budget", "gov_fund", "soe_capital")),
    Sum("ROW-005", "general_budget", ("general_own", "general_transfer")),
    Sum("ROW-005", "gov_fund", ("gov_fund_own", "gov_fund_transfer")),
    Sum("ROW-005", "soe_capital", ("soe_capital_own", "soe_capital_transfer")),
    Sum("ROW-004", "agency_funds", ("business_income", "operating_income", "superior_subsidy",
                                    "affiliate_remittance", "other_income")),
    Sum("ROW-004", "carryover", ("fiscal_carryover", "non_fiscal_carryover")),
    Sum("ROW-004", "fiscal_carryover", ("carryover_general", "carryover_gov_fund", "carryover_soe_capital")),
    Sum("ROW-004", "non_fiscal_carryover", ("carryover_special_account", "carryover_agency_funds")),
)

_BUDGETS = ("general_budget", "gov_fund", "soe_capital")

#: The column tree of every amount record, and of the items of the "三公" table (HIER-008).
SUMS: Mapping[type, tuple[Sum, ...]] = {
    ExpenditureAmounts: _EXPENDITURE,
    BasicAmounts: _tree(Sum("ROW-002", "total", ("personnel", "public"))),
    SourceAmounts: _SOURCES,
    FiscalAmounts: _tree(Sum("ROW-005", "total", _BUDGETS)),
    SourceSplit: _tree(Sum("ROW-005", "total", _BUDGETS)),
    EconomicCategoryAmounts: _tree(Sum("ROW-006", "total", (
        "salaries", "goods_services", "family_subsidies", "debt_interest", "capital_construction", "capital",
        "enterprise_construction", "enterprise", "social_security_fund", "other"))),
    CarryoverAmounts: _tree(
        Sum("ROW-007", "total", ("fiscal", "non_fiscal")),
        Sum("ROW-007", "fiscal", ("fiscal_personnel", "fiscal_public", "fiscal_project")),
        Sum("ROW-007", "non_fiscal", ("non_fiscal_personnel", "non_fiscal_public", "non_fiscal_project")),
    ),
    ThreePublicTable: _tree(
        Sum("HIER-008", "total_with_meetings_training", ("total", "meetings", "training")),
        Sum("HIER-008", "total", ("overseas_travel", "vehicles", "reception")),
        Sum("HIER-008", "vehicles", ("vehicle_purchase", "vehicle_operation")),
    ),
}

#: "其中" columns: a part of the column named, printed beside it, not one of its parts that add up.
OF_WHICH: Mapping[type, Mapping[str, str]] = {
    SourceAmounts: {"general_appropriation": "general_budget"},
    FiscalAmounts: {"general_appropriation": "general_budget"},
}


def parts_of(record: type, column: str) -> tuple[str, ...]:
    """The direct parts of a column in its record's tree (none for a leaf).

    >>> parts_of(ExpenditureAmounts, "basic")
    ('personnel', 'public')
    """
    return next((s.parts for s in SUMS.get(record, ()) if s.total == column), ())


def parent_of(record: type, column: str) -> str | None:
    """The column a column is a part of in its record's tree (none for the top).

    >>> parent_of(ExpenditureAmounts, "personnel"), parent_of(ExpenditureAmounts, "total")
    ('basic', None)
    """
    return next((s.total for s in SUMS.get(record, ()) if column in s.parts), None)


def _nearest(record: type, column: str, printed: Collection[str]) -> list[str]:
    """The printed columns that stand for ``column``: itself, or else its nearest printed parts."""
    if column in printed:
        return [column]
    return [found for part in parts_of(record, column) for found in _nearest(record, part, printed)]


def identities(record: type, printed: Collection[str]) -> list[Identity]:
    """The identities a row of ``record`` printing the columns ``printed`` must satisfy.

    A printed column is the sum of its nearest printed parts when there are at least two of them
    (one part alone says nothing: a template that prints 合计 and 项目支出 only is not claiming they
    are equal).

    >>> [(i.total, i.parts) for i in identities(SourceAmounts, ["total", "fiscal", "business_income",
    ...                                                        "operating_income", "other_income"])]
    [('total', ('fiscal', 'business_income', 'operating_income', 'other_income'))]
    >>> identities(ExpenditureAmounts, ["total", "project"])
    []
    """
    return list(_identities(record, frozenset(printed)))


@lru_cache(maxsize=1024)  # a pure function of the record type and the columns printed
def _identities(record: type, printed: frozenset[str]) -> tuple[Identity, ...]:
    found = []
    for node in SUMS.get(record, ()):
        if node.total not in printed:
            continue
        parts = [p for part in node.parts for p in _nearest(record, part, printed)]
        if len(parts) >= 2:
            found.append(Identity(node.rule, node.total, tuple(parts)))
    return tuple(found)
