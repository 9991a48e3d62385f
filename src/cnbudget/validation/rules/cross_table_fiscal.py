"""Cross-table identities of the 财政拨款 tables and of spending by use (财政拨款表与支出用途).

The Jiangsu template prints the 财政拨款 (all budgets together) twice more than the 11-table one:
财政拨款支出预算表（功能科目）, the sum of the budgets' expenditure tables code by code, and
财政拨款基本支出预算表（经济科目）, of which 一般公共预算基本支出预算表 is the general budget's part. Its
two summary tables divide spending by use (支出用途: 基本支出, 项目支出, 单位预留机动经费) as well as
by function, and 支出预算总表 prints the same division in one row. Shanghai unit budgets split the
summary's expenditure side into 人员经费, 公用经费 and 项目支出, the columns of 部门支出预算总表. Each
rule below holds one such pair, rounding-aware (:mod:`cross_table_figures`).

A part of the money is at most the whole: where a document has money besides the 财政拨款 (其他资金,
单位资金), a 财政拨款 figure can only be at most the figure of all money; where it has none, they are
equal. Likewise the general budget's basic spending is part of the 财政拨款's, equal to it where the
other budgets have nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any

from cnbudget.model import ExpenditureAmounts, FiscalLine, SummaryLine, SummaryRole
from cnbudget.model.columns import field_of
from cnbudget.model.sums import parts_of
from cnbudget.validation.context import Context
from cnbudget.validation.findings import Finding, Location
from cnbudget.validation.registry import rule
from cnbudget.validation.rules.cross_table_figures import Figure, Relation, at_most, equal, made
from cnbudget.validation.rules.cross_table_sources import (
    BUDGETS,
    by_category,
    role_figure,
    source_figure,
    spent_figure,
)
from cnbudget.validation.rules.cross_table_views import Column, SumView, compare_views, table_view
from cnbudget.vocab import FundingSource

__all__ = ["USE_COLUMNS", "use_column"]

_TOTAL = Column.of("total", "合计")
# 基本支出, or where a template prints it as its parts, those (人员经费 + 公用经费: the model's column tree).
_BASIC = Column.of("basic", "基本支出", parts_of(ExpenditureAmounts, "basic"))
#: The columns of 支出预算总表 a line of spending by use stands for.
USE_COLUMNS = ("basic", "project", "reserve", "next_year_carryover")
_USE_ZH = {"basic": "基本支出", "project": "项目支出", "reserve": "单位预留机动经费",
           "next_year_carryover": "结转下年资金"}


def use_column(line: SummaryLine | FiscalLine) -> str | None:
    """The column of 支出预算总表 a use line (基本支出, 项目支出, 单位预留机动经费) or a 结转下年 line
    stands for, from its words (:func:`cnbudget.model.columns.field_of`).

    >>> from cnbudget.model import SummaryLine
    >>> use_column(SummaryLine(role=SummaryRole.USE, name="三、单位预留机动经费", amount="3"))
    'reserve'
    """
    if line.role not in (SummaryRole.USE, SummaryRole.YEAR_END_CARRYOVER):
        return None
    words = "".join(line.name.split()).lstrip("一二三四五六七八九十、.．0123456789")
    found = field_of(ExpenditureAmounts, (words,))
    return found if found in USE_COLUMNS else None


def _amount(line: Any) -> Decimal:
    value = line.amounts.total if getattr(line, "amounts", None) is not None else line.amount
    assert isinstance(value, Decimal)
    return value


def _summary_figure(ctx: Context, key: str, line: SummaryLine | FiscalLine) -> Figure:
    return Figure(label=f"{ctx.table_name(key)}“{''.join(line.name.split())}”", parts=(_amount(line),),
                  location=Location(table=key, column=use_column(line)))


def _fiscal_is_all(ctx: Context) -> bool:
    """Whether all the document's money is 财政拨款 (收支总体情况表: 财政拨款 = 收入总计)."""
    summary = ctx.doc.tables.summary
    if summary is None:
        return False
    title = ctx.table_name("summary")
    fiscal = source_figure(title, "summary", summary.revenue, FundingSource.FISCAL)
    totals = role_figure(title, "summary", summary.revenue, SummaryRole.TOTAL)
    return fiscal is not None and bool(totals) and fiscal.value == totals[-1].value


def _general_is_all(ctx: Context) -> bool:
    """Whether all the 财政拨款 is 一般公共预算 (the summary tables print the other budgets as nothing)."""
    for key in ("fiscal_summary", "summary"):
        table = getattr(ctx.doc.tables, key)
        if table is None:
            continue
        title = ctx.table_name(key)
        general = source_figure(title, key, table.revenue, FundingSource.GENERAL_BUDGET)
        others = [source_figure(title, key, table.revenue, source) for source in (FundingSource.GOV_FUND,
                                                                                FundingSource.SOE_CAPITAL)]
        if general is not None and any(other is not None for other in others):
            return all(other is None or other.value == 0 for other in others)
    return False


def _part_of(whole_is_part: bool) -> Relation:
    return equal if whole_is_part else at_most


# --- 财政拨款支出预算表 -----------------------------------------------------------------------------


@rule("XTAB-016", "财政拨款支出表 = 各预算支出表之和", requires=("fiscal_expenditure",),
      en="Fiscal expenditure table = sum of the budgets' expenditure tables")
def fiscal_expenditure_is_budget_tables(ctx: Context) -> Iterator[Finding]:
    """财政拨款支出预算表（功能科目） prints the spending of every budget together: for every function
    code (类, 款, 项) and in total it equals 一般公共预算支出表 + 政府性基金（预算）支出表 + 国有资本经营
    预算支出表 (those the document prints; where one of them is not printed and its budget has money,
    the printed ones can only be at most the 财政拨款 figure). Its total equals the expenditure total of
    财政拨款收支总表 (本年支出, else 支出合计 less 结转下年)."""
    present = [key for _, key in BUDGETS if getattr(ctx.doc.tables, key) is not None]
    fiscal = table_view(ctx, "fiscal_expenditure", _TOTAL)
    if present:
        views = [table_view(ctx, key, _TOTAL) for key in present]
        title = "、".join(ctx.table_name(key) for key in present)
        together = SumView(f"{title}之和" if len(present) > 1 else title, present[0], views)
        relation = equal if len(present) == len(BUDGETS) or _general_is_all(ctx) else at_most
        yield from compare_views(ctx, together, fiscal, what="各预算支出表与财政拨款支出预算表的支出应相等",
                                 relation=relation)
    summary = ctx.doc.tables.fiscal_summary
    total = fiscal.total()
    if summary is None or total is None:
        return
    spent = spent_figure(ctx, "fiscal_summary", summary.expenditure, _fiscal_total)
    if spent is not None:
        yield from made(equal(ctx, total, spent, "财政拨款支出预算表与财政拨款收支总表的支出合计应相等"))


def _fiscal_total(line: FiscalLine) -> Decimal | None:
    """The 合计 column of a line of 财政拨款收支总表's expenditure side."""
    value = line.amounts.total
    return value if isinstance(value, Decimal) else None


# --- 财政拨款基本支出预算表 -------------------------------------------------------------------------


@rule("XTAB-017", "财政拨款基本支出表与一般公共预算基本支出表、财政拨款收支总表", requires=("fiscal_basic",),
      en="Fiscal basic expenditure agrees with the general budget basic table and the fiscal summary")
def fiscal_basic_is_basic(ctx: Context) -> Iterator[Finding]:
    """财政拨款基本支出预算表（经济科目） prints the basic spending of every budget: for every economic
    code and in total, 一般公共预算基本支出表 is at most it, and equals it where the 财政拨款 is all
    一般公共预算 (the summary tables print nothing for 政府性基金 and 国有资本经营预算). Its total equals the
    基本支出 line of 财政拨款收支总表 (支出用途); where that table prints none, it is at most the 基本支出
    of 支出总表 (equal where all the money is 财政拨款)."""
    fiscal = table_view(ctx, "fiscal_basic", _TOTAL)
    if ctx.doc.tables.general_budget_basic is not None:
        general = table_view(ctx, "general_budget_basic", _TOTAL)
        yield from compare_views(ctx, general, fiscal, relation=_part_of(_general_is_all(ctx)),
                                 what="一般公共预算基本支出表是财政拨款基本支出预算表的一部分")
    summary = ctx.doc.tables.fiscal_summary
    total = fiscal.total()
    if total is None:
        return
    lines = [line for line in (summary.expenditure if summary is not None else ()) if use_column(line) == "basic"]
    for line in lines:
        yield from made(equal(ctx, total, _summary_figure(ctx, "fiscal_summary", line),
                              "财政拨款基本支出预算表与财政拨款收支总表的基本支出应相等"))
    if not lines and ctx.doc.tables.expenditure is not None:  # else XTAB-018 holds that line to 支出总表
        basic = table_view(ctx, "expenditure", _BASIC).total()
        if basic is not None:
            relation = _part_of(_fiscal_is_all(ctx))
            yield from made(relation(ctx, total, basic, "财政拨款基本支出是支出总表基本支出的一部分"))


# --- spending by use --------------------------------------------------------------------------------


def _by_use(ctx: Context, key: str, lines: Sequence[SummaryLine | FiscalLine], relation: Relation, what: str
            ) -> Iterator[Finding]:
    """Each use line of a two-sided table against that column of 支出预算总表's total."""
    for line in lines:
        column = use_column(line)
        if column is None:
            continue
        theirs = table_view(ctx, "expenditure", Column.of(column, _USE_ZH[column])).total()
        if theirs is not None:
            yield from made(relation(ctx, _summary_figure(ctx, key, line), theirs, what))


_SPLIT = (_BASIC, Column.of("project", "项目支出"))


def _split(ctx: Context, lines: Sequence[SummaryLine]) -> Iterator[Finding]:
    """The Shanghai unit summary's expenditure split (合计 | 人员经费 | 公用经费 | 项目支出) against the
    基本支出 and 项目支出 of 部门支出预算总表, by 类 and in total."""
    if not any(getattr(line, "amounts", None) is not None for line in lines):
        return
    for column in _SPLIT:
        def amount(line: SummaryLine, column: Column = column) -> Decimal | None:
            parts = column.get(line.amounts) if line.amounts is not None else None
            return None if parts is None else sum(parts, Decimal(0))

        mine = by_category(ctx, "summary", lines, column, amount)
        theirs = table_view(ctx, "expenditure", column)
        totals = [line for line in lines if line.role is SummaryRole.TOTAL and line.amounts is not None]
        total = amount(totals[-1]) if totals else None
        figure: Figure | None = None
        if total is not None:
            figure = Figure(label=f"{ctx.table_name('summary')}“{totals[-1].name}”“{column.zh}”", parts=(total,),
                            location=Location(table="summary", column=column.name))
        yield from compare_views(ctx, mine, theirs, what="收支总表与支出总表的基本支出、项目支出应相等",
                                 totals=(figure, theirs.total()))


@rule("XTAB-018", "支出用途 = 支出总表", requires=("expenditure",), en="Expenditure by use = expenditure table")
def uses_are_expenditure_table(ctx: Context) -> Iterator[Finding]:
    """Spending by use as the summary tables print it is the row of 支出总表 (支出预算总表): each use
    line of 收支总表 (基本支出, 项目支出, 单位预留机动经费) and its 结转下年资金 equal that column of 支出
    总表's total; each use line of 财政拨款收支总表 is at most it (equal where all the money is 财政拨款).
    Where 收支总表 splits its spending side into 人员经费, 公用经费 and 项目支出 (Shanghai unit budgets),
    人员经费 + 公用经费 equals 基本支出 and 项目支出 equals 项目支出 of 支出总表, by 类 and in total."""
    summary, fiscal = ctx.doc.tables.summary, ctx.doc.tables.fiscal_summary
    if summary is not None:
        yield from _by_use(ctx, "summary", summary.expenditure, equal, "收支总表与支出总表的支出用途应相等")
        yield from _split(ctx, summary.expenditure)
    if fiscal is not None:
        what = "财政拨款收支总表的支出用途是支出总表的一部分" if not _fiscal_is_all(ctx) else \
            "财政拨款收支总表与支出总表的支出用途应相等（全部收入均为财政拨款）"
        yield from _by_use(ctx, "fiscal_summary", fiscal.expenditure, _part_of(_fiscal_is_all(ctx)), what)


# --- 机关运行经费 ------------------------------------------------------------------------------------


@rule("XTAB-019", "机关运行经费支出表 = “三公”经费表机关运行经费", requires=("operating_costs", "three_public"),
      en="Operating costs table = operating costs in the three public expenses table")
def operating_costs_table_is_three_public(ctx: Context) -> Iterator[Finding]:
    """The total of 一般公共预算机关运行经费支出预算表 equals the 机关运行经费 the "三公" table prints
    beside its items (“三公”经费和机关运行经费预算表), where it prints one."""
    three = ctx.doc.tables.three_public
    assert three is not None
    split = three.operating_costs
    total = table_view(ctx, "operating_costs", Column.of("total", "机关运行经费支出")).total()
    if split is None or total is None:
        return
    theirs = Figure(label=f"{ctx.table_name('three_public')}“机关运行经费”", parts=(split.total,),
                    location=Location(table="three_public", column="operating_costs"))
    yield from made(equal(ctx, total, theirs, "机关运行经费支出预算表与“三公”经费表的机关运行经费应相等"))
