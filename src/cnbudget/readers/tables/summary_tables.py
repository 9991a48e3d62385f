"""The two-sided summary tables: 收支总体情况表 (``summary``) and 财政拨款收支总体情况表
(``fiscal_summary``).

Both print funding sources (收入) on the left and expenditure by function 类 (支出) on the right of
the same line. 收支总体情况表 has one amount on each side (预算数 / 金额); 财政拨款收支总体情况表
splits the expenditure into 合计, 一般公共预算 (in the Henan template also 其中：财政拨款),
政府性基金预算 and 国有资本经营预算. The layout is chosen by the header text. Names are stored
without their list numbering; a 类 code printed before a name (``201 一般公共服务支出``) or in a
column of its own becomes the line's code; a name printed without a code keeps none.

>>> from cnbudget.readers.text.blocks import find_blocks
>>> from cnbudget.readers.text.source import split_lines
>>> text = '''部门收支总体情况表
... 收入\\t\\t支出\\t
... 项目\\t预算数\\t支出功能分类\\t预算数
... 一、本年收入\\t5.00\\t210 卫生健康支出\\t5.00
... 收入总计\\t5.00\\t支出总计\\t5.00'''
>>> table, problems = read_summary_table(find_blocks(split_lines(text))[0])
>>> [(line.role.value, line.name, line.amount) for line in table.revenue]
[('current_year', '本年收入', Decimal('5.00')), ('total', '收入总计', Decimal('5.00'))]
>>> line = table.expenditure[0]
>>> str(line.code), line.name, line.amount, problems
('210', '卫生健康支出', Decimal('5.00'), [])
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any, TypeVar

import attrs

from cnbudget.codes import FunctionCode
from cnbudget.errors import InvalidCode
from cnbudget.model import (
    ExpenditureAmounts,
    FiscalAmounts,
    FiscalLine,
    FiscalSummaryTable,
    SummaryLine,
    SummaryTable,
)
from cnbudget.readers.result import Problem
from cnbudget.readers.tables.checked_build import checked_builder
from cnbudget.readers.tables.columns import Layout
from cnbudget.readers.tables.placed_records import placed_record
from cnbudget.readers.tables.summary_names import Printed, classify_revenue, expenditure_role, parse_printed
from cnbudget.readers.tables.tabling import TableReading, table_info
from cnbudget.readers.tables.two_sided import SharedLines, SideEntry, TwoSidedLayout, read_two_sided, refused
from cnbudget.readers.text.blocks import Block
from cnbudget.readers.text.source import printed_at

__all__ = ["FISCAL_SUMMARY_LAYOUTS", "SUMMARY_LAYOUTS", "read_fiscal_summary_table", "read_summary_table"]

_ONE_AMOUNT = Layout(name="one-amount", signature=(), lead=("name",), amounts=("amount",))
_BUDGETS = ("general_budget", "gov_fund", "soe_capital")


def _fiscal(*amounts: str) -> Layout:
    return Layout(name="fiscal", signature=(), lead=("name",), amounts=("total", *amounts), record=FiscalAmounts)


SUMMARY_LAYOUTS: tuple[TwoSidedLayout, ...] = (
    # Jiangsu: 收入 | 支出 by function (功能分类) | 支出 by use (支出用途), one amount each.
    TwoSidedLayout(name="by-function-and-use", signature=("收入", "支出", "功能分类", "支出用途"),
                   revenue=_ONE_AMOUNT, expenditure=_ONE_AMOUNT, uses=_ONE_AMOUNT),
    # Shanghai unit budgets: the expenditure side split into 合计 | 基本支出 (人员经费 | 公用经费) | 项目支出.
    TwoSidedLayout(name="with-basic-and-project", signature=("收入", "支出", "合计", "基本支出", "项目支出"),
                   revenue=_ONE_AMOUNT,
                   expenditure=Layout(name="split", signature=(), lead=("name",),
                                      amounts=("total", "personnel", "public", "project"), record=ExpenditureAmounts)),
    TwoSidedLayout(name="summary", signature=("收入", "支出", "项目"), revenue=_ONE_AMOUNT, expenditure=_ONE_AMOUNT),
)

# Made with each field's test in place of its validator (readers/tables/checked_build.py).
_FISCAL_LINE = checked_builder(FiscalLine)
_SUMMARY_LINE = checked_builder(SummaryLine)

# Headings as PDF text garbles them (政府基 金预算, 国有本 营预算) still carry 基金 and 国有.
_WITH_APPROPRIATION = _fiscal("general_budget", "general_appropriation", "gov_fund", "soe_capital")

FISCAL_SUMMARY_LAYOUTS: tuple[TwoSidedLayout, ...] = (
    TwoSidedLayout(
        name="by-use",  # Jiangsu: fiscal expenditure by use (基本支出, 项目支出, 单位预留机动经费), one amount
        signature=("收入", "支出", "支出用途"),
        revenue=_ONE_AMOUNT,
        expenditure=Layout(name="fiscal-by-use", signature=(), lead=("name",), amounts=("total",)),
    ),
    TwoSidedLayout(
        name="henan",  # 一般公共预算 split into 小计 and 其中：财政拨款, printed in a second header row
        signature=("收入", "支出", "一般公共预算", "基金", "国有", "其中"),
        revenue=_ONE_AMOUNT,
        expenditure=_WITH_APPROPRIATION,
    ),
    TwoSidedLayout(
        name="henan-one-row",  # the same columns under a header of one row
        signature=("收入", "支出", "一般公共预算", "其中", "基金", "国有"),
        revenue=_ONE_AMOUNT,
        expenditure=_WITH_APPROPRIATION,
    ),
    TwoSidedLayout(
        name="standard",
        signature=("收入", "支出", "一般公共预算", "基金", "国有"),
        absent=("其中",),
        revenue=_ONE_AMOUNT,
        expenditure=_fiscal(*_BUDGETS),
    ),
)


def read_summary_table(block: Block, refused_on: Collection[int] = frozenset(), shared: SharedLines | None = None
                       ) -> tuple[SummaryTable | None, list[Problem]]:
    """Read 收支总体情况表; ``None`` with a problem when its layout is unknown, or with the problems so
    far at the first problem on a line numbered in ``refused_on`` (a reading its caller refuses;
    ``shared`` as :func:`~cnbudget.readers.tables.two_sided.read_two_sided` takes it)."""
    return _read(block, SUMMARY_LAYOUTS, SummaryTable, refused_on, shared, lambda entry, printed, code: _SUMMARY_LINE(
        role=expenditure_role(printed), name=printed.name, code=code,
        amount=entry.values["amount"] if "amount" in entry.values else entry.values["total"],
        amounts=placed_record(ExpenditureAmounts, entry.values) if "total" in entry.values else None,
        **printed_at(entry.line)))


def read_fiscal_summary_table(block: Block, refused_on: Collection[int] = frozenset(),
                              shared: SharedLines | None = None) -> tuple[FiscalSummaryTable | None, list[Problem]]:
    """Read 财政拨款收支（预算）总体情况表; ``None`` with a problem when its layout is unknown, or as
    :func:`read_summary_table` stops at a problem on a line numbered in ``refused_on``."""
    return _read(block, FISCAL_SUMMARY_LAYOUTS, FiscalSummaryTable, refused_on, shared,
                 lambda entry, printed, code: _FISCAL_LINE(
        role=expenditure_role(printed), name=printed.name, code=code,
        amounts=placed_record(FiscalAmounts, entry.values),
        **printed_at(entry.line)))


_Table = TypeVar("_Table", SummaryTable, FiscalSummaryTable)
_LineMaker = Callable[[SideEntry, Printed, FunctionCode | None], Any]


def _read(
    block: Block, layouts: Sequence[TwoSidedLayout], kind: type[_Table], refused_on: Collection[int],
    shared: SharedLines | None, expenditure_line: _LineMaker
) -> tuple[_Table | None, list[Problem]]:
    reading = read_two_sided(block, layouts, refused_on, shared)
    if reading.layout is None and reading.problems:
        return None, reading.problems
    if refused(reading.problems, refused_on):
        return None, reading.problems  # refused by the caller: no table to build
    problems = list(reading.problems)
    coded = _coded(reading.expenditure, block.key, problems)
    expenditure = tuple(expenditure_line(entry, printed, code) for entry, printed, code in coded)
    grid_only = TableReading(grid=reading.grid, layout=None, rows=(), problems=[])
    table = kind(revenue=_revenue(reading.revenue), expenditure=expenditure, **table_info(block, grid_only))
    return table, problems


def _revenue(entries: Sequence[SideEntry]) -> tuple[SummaryLine, ...]:
    kinds = classify_revenue([entry.printed for entry in entries])
    return tuple(
        _SUMMARY_LINE(role=role, name=parse_printed(entry.printed).name, source=source, amount=entry.values["amount"],
                      **printed_at(entry.line))
        for entry, (role, source) in zip(entries, kinds, strict=True)
    )


def _coded(
    entries: Sequence[SideEntry], table: str, problems: list[Problem]
) -> list[tuple[SideEntry, Printed, FunctionCode | None]]:
    """Each expenditure entry with its name taken apart and its 类 code; a code that is not a valid
    function code is reported and its line left out."""
    coded = []
    for entry in entries:
        printed = parse_printed(entry.printed)
        if entry.code is not None:
            printed = attrs.evolve(printed, code=entry.code)
        try:
            code = FunctionCode(printed.code) if printed.code is not None else None
        except InvalidCode as error:
            problems.append(Problem(line=entry.line.number, text=entry.line.raw, table=table,
                                    message=f"expenditure side not read: {error}"))
            continue
        coded.append((entry, printed, code))
    return coded
