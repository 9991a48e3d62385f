"""Tables by 支出功能分类 code: 支出总体情况表, 一般公共预算支出情况表, 政府性基金预算支出情况表,
国有资本经营预算支出情况表 (expenditure columns) and 收入总体情况表 (funding-source columns).

Both template families are recognised by their header text: the 11-table template prints the code
in three columns (类 款 项) before the name, sometimes without a name column; the Henan template
adds 单位代码 and groups rows under agency rows, with 人员经费/公用经费 and 其他运转类/特定目标类
sub-columns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from cnbudget.model import (
    ExpenditureAmounts,
    ExpenditureTable,
    FunctionLine,
    RevenueLine,
    RevenueTable,
    SourceAmounts,
)
from cnbudget.readers.result import Problem
from cnbudget.readers.tables.checked_build import checked_builder
from cnbudget.readers.tables.columns import Layout
from cnbudget.readers.tables.placed_records import placed_record
from cnbudget.readers.tables.source_list import is_source_list, read_source_list
from cnbudget.readers.tables.tabling import TableReading, function_row, read_grid_rows, table_info
from cnbudget.readers.text.blocks import Block
from cnbudget.readers.text.grid import make_grid

# Made with each field's test in place of its validator (readers/tables/checked_build.py).
_FUNCTION_LINE = checked_builder(FunctionLine)
_REVENUE_LINE = checked_builder(RevenueLine)

_Line = TypeVar("_Line", FunctionLine, RevenueLine)

__all__ = ["EXPENDITURE_LAYOUTS", "REVENUE_LAYOUTS", "read_expenditure_table", "read_revenue_table"]

# How a block's rows are read: by its tab-separated cells unless a reader for other text is given.
RowsReader = Callable[[Block, Sequence[Layout]], TableReading]


def _coded_lines(make: Callable[..., _Line], record: type[Any], reading: TableReading) -> tuple[_Line, ...]:
    """The lines of a table by function code: each row's code, name and agency, and its amounts."""
    return tuple([make(**function_row(row), amounts=placed_record(record, row.values)) for row in reading.rows])


def _expenditure_rows(block: Block, layouts: Sequence[Layout]) -> TableReading:
    return read_grid_rows(block, layouts, record=ExpenditureAmounts)


def _revenue_rows(block: Block, layouts: Sequence[Layout]) -> TableReading:
    return read_grid_rows(block, layouts, record=SourceAmounts)

_CODES = ("code", "code", "code")

EXPENDITURE_LAYOUTS: tuple[Layout, ...] = (
    Layout(
        name="henan",
        record=ExpenditureAmounts,
        signature=("单位代码", "其他运转类"),
        lead=(*_CODES, "agency_code", "name"),
        amounts=(
            "total", "basic", "personnel_salaries", "personnel_family", "public_goods_services",
            "public_capital", "project", "project_operating", "project_specific",
        ),
    ),
    Layout(
        name="fund",
        record=ExpenditureAmounts,
        signature=("人员经费", "公用经费", "项目支出"),
        lead=(*_CODES, "name"),
        amounts=("total", "personnel", "public", "project"),
    ),
    Layout(
        name="standard",
        record=ExpenditureAmounts,
        signature=("基本支出", "项目支出", "名称"),
        lead=(*_CODES, "name"),
        amounts=("total", "basic", "project"),
    ),
    Layout(
        name="standard-without-names",
        record=ExpenditureAmounts,
        signature=("编码", "基本支出", "项目支出"),
        absent=("名称",),
        lead=_CODES,
        amounts=("total", "basic", "project"),
    ),
)

_FISCAL_PARTS = (
    "general_own", "general_transfer", "gov_fund_own", "gov_fund_transfer", "soe_capital_own", "soe_capital_transfer",
)
_SOE_TRANSFER = "国有资本经营预算安排"  # the heading of that column: 上级国有资本经营预算安排的转移支付
_CARRYOVER_PARTS = (
    "carryover_general", "carryover_gov_fund", "carryover_soe_capital", "carryover_special_account",
    "carryover_agency_funds",
)

REVENUE_LAYOUTS: tuple[Layout, ...] = (
    Layout(
        name="henan",
        record=SourceAmounts,
        signature=("本年收入", "上年结转结余", "事业收入"),
        lead=("agency_code", "name"),
        amounts=("total", "current_year", "general_budget", "general_appropriation", "gov_fund", "soe_capital",
                 "special_account", "business_income", "operating_income", "superior_subsidy",
                 "affiliate_remittance", "other_income", "carryover", *_CARRYOVER_PARTS),
    ),
    Layout(
        name="standard",
        record=SourceAmounts,
        signature=("财政拨款", "单位资金", "结转", _SOE_TRANSFER),
        lead=(*_CODES, "name"),
        amounts=("total", "fiscal", *_FISCAL_PARTS, "special_account", "agency_funds", "fiscal_carryover",
                 "non_fiscal_carryover"),
    ),
    # Some editions of the template print no column for transfers of 国有资本经营预算 from above.
    Layout(
        name="standard-without-soe-transfer",
        record=SourceAmounts,
        signature=("财政拨款", "单位资金", "结转"),
        absent=(_SOE_TRANSFER,),
        lead=(*_CODES, "name"),
        amounts=("total", "fiscal", *_FISCAL_PARTS[:-1], "special_account", "agency_funds", "fiscal_carryover",
                 "non_fiscal_carryover"),
    ),
)


def read_expenditure_table(
    block: Block, read: RowsReader = _expenditure_rows
) -> tuple[ExpenditureTable | None, list[Problem]]:
    """Read one expenditure-by-function table; ``None`` with a problem when its layout is unknown."""
    reading = read(block, EXPENDITURE_LAYOUTS)
    if reading.layout is None:
        return None, reading.problems
    lines = _coded_lines(_FUNCTION_LINE, ExpenditureAmounts, reading)
    return ExpenditureTable(lines=lines, **table_info(block, reading)), reading.problems


def read_revenue_table(block: Block, read: RowsReader = _revenue_rows) -> tuple[RevenueTable | None, list[Problem]]:
    """Read 收入总体情况表 in every template: by function code, by agency, or by funding source listed
    down the page (:mod:`~cnbudget.readers.tables.source_list`)."""
    grid = make_grid(block.lines)
    if is_source_list(grid):
        sources, problems = read_source_list(block)
        info = table_info(block, TableReading(grid=grid, layout=None, rows=(), problems=[]))
        return RevenueTable(sources=tuple(sources), **info), problems
    if read is _revenue_rows:  # the usual reading: of the grid made above, not made again
        reading = read_grid_rows(block, REVENUE_LAYOUTS, record=SourceAmounts, grid=grid)
    else:
        reading = read(block, REVENUE_LAYOUTS)
    if reading.layout is None:
        return None, reading.problems
    lines = _coded_lines(_REVENUE_LINE, SourceAmounts, reading)
    return RevenueTable(lines=lines, **table_info(block, reading)), reading.problems
