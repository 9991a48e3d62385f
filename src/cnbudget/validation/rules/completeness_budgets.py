"""The amounts a table prints, and which of them belong to one budget (各预算的金额).

A statement that a table is empty, or that a budget has nothing (“没有使用政府性基金预算拨款安排的
支出”, “国有资本经营预算未安排”), is held against these amounts. The three budgets (预算) are
``general_budget`` (一般公共预算), ``gov_fund`` (政府性基金预算) and ``soe_capital`` (国有资本经营预算).

>>> from cnbudget.model import SourceSplit, ThreePublicTable
>>> split = SourceSplit(total="0.50", general_budget="0.50", gov_fund="0")
>>> zero = SourceSplit(total="0")
>>> table = ThreePublicTable(total=split, overseas_travel=zero, vehicles=zero, vehicle_purchase=zero,
...                          vehicle_operation=zero, reception=split)
>>> [(a.row, a.label, str(a.value)) for a in budget_amounts(table, "gov_fund")][:1]
[('合计', '政府性基金', '0')]
>>> [a.row for a in printed_amounts(table) if a.value]
['合计', '合计', '公务接待费', '公务接待费']
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Iterable, Iterator
from decimal import Decimal
from typing import Any

import attrs

from cnbudget.model import AmountRecord, RevenueTable, SummaryLine, Table, ThreePublicTable
from cnbudget.model.fields import zh_label
from cnbudget.text import squeeze_spaces
from cnbudget.validation.tables import describe
from cnbudget.vocab import FundingSource

__all__ = ["BUDGETS", "TABLE_BUDGET", "Amount", "budget_amounts", "named_budgets", "nonzero_budget_amounts",
           "printed_amounts", "prints_column"]

#: The three budgets and the words that name them.
BUDGETS: dict[str, str] = {"general_budget": "一般公共预算", "gov_fund": "政府性基金", "soe_capital": "国有资本经营"}

#: The tables that print one budget only.
TABLE_BUDGET: dict[str, str] = {
    "general_budget": "general_budget",
    "general_budget_basic": "general_budget",
    "general_budget_projects": "general_budget",
    "gov_fund": "gov_fund",
    "soe_capital": "soe_capital",
}

# The columns (this year's, not carried over) and the summary lines that print a budget.
_COLUMNS = {
    "general_budget": ("general_budget", "general_own", "general_transfer", "general_appropriation"),
    "gov_fund": ("gov_fund", "gov_fund_own", "gov_fund_transfer"),
    "soe_capital": ("soe_capital", "soe_capital_own", "soe_capital_transfer"),
}
_SOURCES = {
    budget: tuple(FundingSource(column) for column in columns if column != "general_appropriation")
    for budget, columns in _COLUMNS.items()
}


@attrs.frozen(kw_only=True)
class Amount:
    """One printed amount: its row (as a message names it), column, side and value.

    >>> Amount(row="合计", column="total", label="合计", value=Decimal("0.50"), side="expenditure").value
    Decimal('0.50')
    """

    row: str
    column: str  # field name, or "amount" for a summary line
    label: str  # the column's Chinese heading
    value: Decimal
    side: str  # "revenue" or "expenditure"
    source: FundingSource | None = None  # the funding source a summary line reports


@functools.cache
def _labels(kind: type) -> dict[str, str]:
    """The Chinese heading of each column of an amount record class (the same for every run)."""
    return {name: zh_label(field) for name, field in attrs.fields_dict(kind).items()}


@functools.cache
def _fields_in(kind: type, columns: frozenset[str] | None) -> tuple[str, ...]:
    """The fields of an amount record class in order (how :meth:`AmountRecord.columns` reads them),
    only those among ``columns`` where given: a record is read in the columns asked for alone."""
    return tuple(field.name for field in attrs.fields(kind) if columns is None or field.name in columns)


def _record(record: AmountRecord, row: Callable[[], str], side: str, columns: frozenset[str] | None,
            nonzero: bool = False) -> Iterator[Amount]:
    """The amounts of one record; ``row`` names its row, asked only once an amount is written out
    (most rows asked for nonzero amounts print none)."""
    kind: Any = type(record)  # a class is hashable, whatever its instances' __hash__ says to mypy
    labels = _labels(kind)
    name_of_row: str | None = None
    for name in _fields_in(kind, columns):
        value = getattr(record, name)
        if value is not None and (value or not nonzero):
            if name_of_row is None:
                name_of_row = row()
            yield Amount(row=name_of_row, column=name, label=labels[name], value=value, side=side)


def printed_amounts(table: Table, *, columns: Collection[str] | None = None,
                    sources: Collection[FundingSource] = (), nonzero: bool = False) -> Iterator[Amount]:
    """Every amount the table prints, in document order (both sides of a two-sided table); where
    ``columns`` is given, only those in these columns or on a summary line of one of ``sources``;
    with ``nonzero``, only the amounts that are not zero (the zeros are not written out)."""
    chosen = None if columns is None else frozenset(columns)
    if isinstance(table, ThreePublicTable):
        fields = attrs.fields_dict(ThreePublicTable)
        for name, split in table.items():
            yield from _record(split, functools.partial(zh_label, fields[name]), "expenditure", chosen, nonzero)
        return
    every, wanted = columns is None, columns or ()
    for field in attrs.fields(type(table)):
        if not field.metadata.get("rows"):
            continue
        side = "revenue" if field.name == "revenue" or isinstance(table, RevenueTable) else "expenditure"
        line: Any
        for line in getattr(table, field.name):
            if isinstance(line, SummaryLine):
                if (every or "amount" in wanted or line.source in sources) and (line.amount or not nonzero):
                    yield Amount(row=describe(line), column="amount", label="金额", value=line.amount, side=side,
                                 source=line.source)
            elif isinstance(getattr(line, "amounts", None), AmountRecord):
                if every or any(getattr(line.amounts, column, None) is not None for column in wanted):
                    yield from _record(line.amounts, functools.partial(describe, line), side, chosen, nonzero)
            elif ((every or "amount" in wanted) and isinstance(getattr(line, "amount", None), Decimal)
                  and (line.amount or not nonzero)):
                # one amount a row (政府采购)
                yield Amount(row=describe(line), column="amount", label="金额", value=line.amount, side=side)


def prints_column(table: Table, columns: Collection[str]) -> bool:
    """Whether a row of the table prints an amount in one of ``columns`` (an amount of
    :func:`printed_amounts` in that column), found without writing out every amount.

    >>> from cnbudget.model import ExpenditureAmounts, ExpenditureTable, FunctionLine
    >>> table = ExpenditureTable(lines=[FunctionLine(name="合计", amounts=ExpenditureAmounts(total="1", project="1"))])
    >>> prints_column(table, ("project",)), prints_column(table, ("basic", "reserve"))
    (True, False)
    """
    if isinstance(table, ThreePublicTable):
        return any(getattr(split, column, None) is not None for _, split in table.items() for column in columns)
    for field in attrs.fields(type(table)):
        if not field.metadata.get("rows"):
            continue
        line: Any
        for line in getattr(table, field.name):
            if isinstance(line, SummaryLine):
                if "amount" in columns:
                    return True
                continue
            record = getattr(line, "amounts", None)
            if isinstance(record, AmountRecord):
                for column in columns:  # a plain loop: a table may have to be read to its last row
                    if getattr(record, column, None) is not None:
                        return True
            elif "amount" in columns and isinstance(getattr(line, "amount", None), Decimal):
                return True
    return False


def budget_amounts(table: Table, budget: str, printed: Iterable[Amount] | None = None) -> list[Amount] | None:
    """The amounts of ``budget`` this year that the table prints in columns or lines of their own;
    ``None`` when the table does not print the budget apart from the others. ``printed``: the table's
    :func:`printed_amounts`, where they are written out already."""
    if printed is None:
        return list(printed_amounts(table, columns=_COLUMNS[budget], sources=_SOURCES[budget])) or None
    found = [a for a in printed
             if a.column in _COLUMNS[budget] or (a.source is not None and a.source in _SOURCES[budget])]
    return found or None


def nonzero_budget_amounts(table: Table, budget: str) -> list[Amount]:
    """The amounts of :func:`budget_amounts` that are not zero (none where the table does not print
    the budget apart), the zeros never written out."""
    return list(printed_amounts(table, columns=_COLUMNS[budget], sources=_SOURCES[budget], nonzero=True))


def named_budgets(text: str) -> frozenset[str]:
    """The budgets a sentence names.

    >>> sorted(named_budgets("无政府性基金预算拨款和国有资本经营预算"))
    ['gov_fund', 'soe_capital']
    """
    squeezed = squeeze_spaces(text)
    return frozenset(budget for budget, words in BUDGETS.items() if words in squeezed)
