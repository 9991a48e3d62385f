"""Where funding sources and function 类 are printed (资金来源与功能分类的位置).

收支总体情况表 and 财政拨款收支总体情况表 print one line per funding source (收入) and per function
类 (支出); 收入总体情况表, 支出经济分类汇总表 and 项目支出表 print a column per source, sometimes
split (一般公共预算 as 本级 and 上级转移支付) or printed only as its parts (单位资金 as 事业收入, 上级补助
收入 …). This module finds the figure of a source or a 类 wherever the template puts it.

>>> from decimal import Decimal
>>> from cnbudget.model import SourceAmounts
>>> SOURCE_COLUMNS[FundingSource.GENERAL_BUDGET].get(SourceAmounts(total="9", general_own="5", general_transfer="4"))
(Decimal('5'), Decimal('4'))
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from cnbudget.classification import COVERED_YEARS, Catalog, MatchKind, catalog
from cnbudget.classification.catalog import per_catalogue
from cnbudget.codes import ClassificationCode, FunctionCode
from cnbudget.model import Row, SummaryLine, SummaryRole, ThreePublicTable
from cnbudget.validation.context import Context
from cnbudget.validation.findings import checked_location
from cnbudget.validation.rules.cross_table_figures import Figure, checked_figure
from cnbudget.validation.rules.cross_table_views import Column, FixedView, View, table_view
from cnbudget.vocab import FundingSource

__all__ = [
    "BUDGETS",
    "CARRYOVER_FIELDS",
    "CURRENT_YEAR",
    "SOURCE_COLUMNS",
    "by_category",
    "carryover_of_budgets",
    "line_figure",
    "revenue_view",
    "role_figure",
    "source_figure",
    "source_groups",
    "spent_figure",
    "three_public_scope",
]

_AGENCY_PARTS = ("business_income", "operating_income", "superior_subsidy", "affiliate_remittance", "other_income")
_OWN_AND_TRANSFER = ("general_own", "general_transfer", "gov_fund_own", "gov_fund_transfer", "soe_capital_own",
                     "soe_capital_transfer")

#: The columns of :class:`~cnbudget.model.SourceAmounts` that print each funding source.
SOURCE_COLUMNS: dict[FundingSource, Column] = {
    FundingSource.FISCAL: Column.of("fiscal", "财政拨款", ("general_budget", "gov_fund", "soe_capital"),
                                    _OWN_AND_TRANSFER),
    FundingSource.GENERAL_BUDGET: Column.of("general_budget", "一般公共预算", ("general_own", "general_transfer")),
    FundingSource.GENERAL_OWN: Column.of("general_own", "一般公共预算（本级）"),
    FundingSource.GENERAL_TRANSFER: Column.of("general_transfer", "上级一般公共预算安排的转移支付"),
    FundingSource.GOV_FUND: Column.of("gov_fund", "政府性基金预算", ("gov_fund_own", "gov_fund_transfer")),
    FundingSource.GOV_FUND_OWN: Column.of("gov_fund_own", "政府性基金预算（本级）"),
    FundingSource.GOV_FUND_TRANSFER: Column.of("gov_fund_transfer", "上级政府性基金安排的转移支付"),
    FundingSource.SOE_CAPITAL: Column.of("soe_capital", "国有资本经营预算",
                                         ("soe_capital_own", "soe_capital_transfer")),
    FundingSource.SOE_CAPITAL_OWN: Column.of("soe_capital_own", "国有资本经营预算（本级）"),
    FundingSource.SOE_CAPITAL_TRANSFER: Column.of("soe_capital_transfer", "上级国有资本经营预算安排的转移支付"),
    FundingSource.SPECIAL_ACCOUNT: Column.of("special_account", "财政专户管理资金"),
    FundingSource.AGENCY_FUNDS: Column.of("agency_funds", "单位资金", _AGENCY_PARTS),
    FundingSource.BUSINESS_INCOME: Column.of("business_income", "事业收入"),
    FundingSource.OPERATING_INCOME: Column.of("operating_income", "事业单位经营收入"),
    FundingSource.SUPERIOR_SUBSIDY: Column.of("superior_subsidy", "上级补助收入"),
    FundingSource.AFFILIATE_REMITTANCE: Column.of("affiliate_remittance", "附属单位上缴收入"),
    FundingSource.OTHER_INCOME: Column.of("other_income", "其他收入"),
    FundingSource.CARRYOVER: Column.of(
        "carryover", "上年结转结余", ("fiscal_carryover", "non_fiscal_carryover"),
        ("carryover_general", "carryover_gov_fund", "carryover_soe_capital", "carryover_special_account",
         "carryover_agency_funds")),
    FundingSource.FISCAL_CARRYOVER: Column.of(
        "fiscal_carryover", "财政拨款结转", ("carryover_general", "carryover_gov_fund", "carryover_soe_capital")),
    FundingSource.NON_FISCAL_CARRYOVER: Column.of(
        "non_fiscal_carryover", "非财政拨款结转结余", ("carryover_special_account", "carryover_agency_funds")),
}

#: 本年收入: the column, else the current-year sources added up.
CURRENT_YEAR = Column.of("current_year", "本年收入", ("fiscal", "special_account", "agency_funds"),
                         ("general_budget", "gov_fund", "soe_capital", "special_account", *_AGENCY_PARTS))

#: The three budgets of 财政拨款, with the expenditure table of each.
BUDGETS: tuple[tuple[FundingSource, str], ...] = (
    (FundingSource.GENERAL_BUDGET, "general_budget"),
    (FundingSource.GOV_FUND, "gov_fund"),
    (FundingSource.SOE_CAPITAL, "soe_capital"),
)

#: The column of each budget's carryover in :class:`~cnbudget.model.SourceAmounts`.
CARRYOVER_FIELDS: dict[FundingSource, str] = {
    FundingSource.GENERAL_BUDGET: "carryover_general",
    FundingSource.GOV_FUND: "carryover_gov_fund",
    FundingSource.SOE_CAPITAL: "carryover_soe_capital",
}

_PART_OF = re.compile(r"^\s*其中\s*[:：]?\s*")


def line_figure(title: str, table: str, line: Row, amount: Decimal, column: str | None = None) -> Figure:
    """A figure printed on one line of a two-sided table."""
    return checked_figure(f"{title}“{line.name}”", (amount,), checked_location(table, column=column))


def source_figure(title: str, table: str, lines: Sequence[SummaryLine], source: FundingSource) -> Figure | None:
    """The figure of a funding source on the revenue side: its line, else its parts' lines added.

    >>> lines = [SummaryLine(role=SummaryRole.SOURCE, name=name, source=source, amount=amount)
    ...          for name, source, amount in [("一般公共预算拨款", FundingSource.GENERAL_BUDGET, "95.00"),
    ...                                       ("基金预算拨款", FundingSource.GOV_FUND, "0"),
    ...                                       ("国有资本经营预算拨款", FundingSource.SOE_CAPITAL, "0")]]
    >>> source_figure("收支总体情况表", "summary", lines, FundingSource.FISCAL).value
    Decimal('95.00')
    """
    line = next((x for x in lines if x.role is SummaryRole.SOURCE and x.source is source), None)
    if line is not None:
        return line_figure(title, table, line, line.amount, source.value)
    parts = [source_figure(title, table, lines, child) for child in source.children]
    found = [part for part in parts if part is not None]
    if not source.children or len(found) != len(parts):
        return None
    return found[0].plus(*found[1:], label=f"{title}{source.zh}各项之和")


def role_figure(title: str, table: str, lines: Sequence[Any], role: SummaryRole,
                amount: Callable[[Any], Decimal | None] = lambda line: line.amount) -> list[Figure]:
    """The figures of every line with ``role`` (本年收入, 收入总计, 年终结转结余 …), in order."""
    return [line_figure(title, table, line, value, role.value) for line in lines
            if line.role is role and (value := amount(line)) is not None]


def _catalogue(ctx: Context) -> Catalog:
    # Names of function 类 barely change between editions; the latest one reads any year's names.
    return ctx.catalog if ctx.catalog is not None else catalog(max(COVERED_YEARS))


@per_catalogue
def _category_named(found: Catalog, name: str) -> FunctionCode | None:
    """The 类 a summary line printed without its code names: its official name, a known variant or a
    former name, exactly (a name cut short could be a guess); ``None`` unless exactly one 类."""
    codes = {subject.code for subject in found.find(name) if subject.code.level == 1
             and found.match_name(subject.code, name).kind is not MatchKind.TRUNCATED}
    only = codes.pop() if len(codes) == 1 else None
    return only if isinstance(only, FunctionCode) else None


_Placed = list[tuple[Any, ClassificationCode | None, int]]


def _function_lines(ctx: Context, table: str, lines: Sequence[Any]) -> _Placed:
    """The function lines among ``lines`` (a two-sided table's expenditure side), each with its 类
    (``None`` where its name places it under none) and its code's level: read once per run for
    every column compared by 类 (each column of each rule reads the same codes)."""
    def placed() -> tuple[Sequence[Any], _Placed]:
        found: _Placed = []
        for line in lines:
            if line.role is not SummaryRole.FUNCTION:
                continue
            code = line.code if line.code is not None else _category_named(_catalogue(ctx), line.name)
            found.append((line, None, 0) if code is None else (line, code.category, code.level))
        return lines, found

    # Kept with the lines themselves, so that their id names them for the whole run.
    kept, found = ctx.cache.get(("function lines by 类", id(lines)), placed, table=table)
    return found if kept is lines else placed()[1]


def by_category(ctx: Context, table: str, lines: Sequence[Any], column: Column,
                amount: Callable[[Any], Decimal | None]) -> FixedView:
    """The expenditure lines of a two-sided table by function 类 (a line printed without its code is
    placed by its name); the view is complete only when every line could be placed. Where a table
    also prints 款 lines, a 类 is its 类 line(s), else its 款 lines added up."""
    title = ctx.table_name(table)
    # Each 类 (in the order its first line with a figure comes) with the top level printed and the
    # lines of that level: only they count (most are 款 and 项 lines under a 类 line, read for
    # nothing), and the first of them names the figure. Kept as the lines come, in one pass.
    top: dict[ClassificationCode, tuple[int, list[Any], list[Decimal]]] = {}
    complete = True
    for line, category, level in _function_lines(ctx, table, lines):
        value = amount(line)
        if value is None:
            continue
        if category is None:
            complete = False
            continue
        found = top.get(category)
        if found is None or level < found[0]:
            top[category] = (level, [line], [value])
        elif level == found[0]:
            found[1].append(line)
            found[2].append(value)
    cells = {category: (chosen[0].name, tuple(values)) for category, (_, chosen, values) in top.items()}
    return FixedView(title, table, column, cells, complete=complete)


def spent_figure(ctx: Context, table: str, lines: Sequence[Any], amount: Any) -> Figure | None:
    """本年支出 of a two-sided table: its 本年支出 line, else 支出总计 less 年终结转结余."""
    title = ctx.table_name(table)
    current = role_figure(title, table, lines, SummaryRole.CURRENT_YEAR, amount)
    if current:
        return current[0]
    totals = role_figure(title, table, lines, SummaryRole.TOTAL, amount)
    if not totals:
        return None
    carried = role_figure(title, table, lines, SummaryRole.YEAR_END_CARRYOVER, amount)
    label = totals[-1].label + ("减“年终结转结余”" if carried else "")
    return totals[-1].less(carried).plus(label=label)


def carryover_of_budgets(
    ctx: Context, revenue: Sequence[SummaryLine]
) -> tuple[Figure | None, dict[FundingSource, Figure]]:
    """The carryover line of 财政拨款收支总体情况表 (上年结转) and the budgets listed under it."""
    title = ctx.table_name("fiscal_summary")
    carried = (FundingSource.CARRYOVER, FundingSource.FISCAL_CARRYOVER)
    start = next((i for i, line in enumerate(revenue) if line.source in carried), None)
    if start is None:
        return None, {}
    heading = revenue[start]
    budgets: dict[FundingSource, Figure] = {}
    vocabulary = _catalogue(ctx).funding_sources
    for line in revenue[start + 1:]:
        if line.role is not SummaryRole.SOURCE:
            break
        source = vocabulary.lookup(_PART_OF.sub("", line.name))
        if source in dict(BUDGETS) and source not in budgets:
            assert source is not None
            budgets[source] = line_figure(title, "fiscal_summary", line, line.amount, CARRYOVER_FIELDS[source])
    return line_figure(title, "fiscal_summary", heading, heading.amount, "fiscal_carryover"), budgets


def three_public_scope(table: ThreePublicTable) -> FundingSource | None:
    """Which money the "三公" table counts: 一般公共预算 or all 财政拨款, from its stated scope (口径)
    or its title; ``None`` when neither says.

    >>> from cnbudget.model import SourceSplit
    >>> zero = SourceSplit(total="0")
    >>> three_public_scope(ThreePublicTable(title="一般公共预算“三公”经费支出情况表", total=zero,
    ...     overseas_travel=zero, vehicles=zero, vehicle_purchase=zero, vehicle_operation=zero, reception=zero))
    <FundingSource.GENERAL_BUDGET: 'general_budget'>
    """
    for text in (table.scope, table.title):
        if text and "一般公共预算" in text:
            return FundingSource.GENERAL_BUDGET
        if text and "财政拨款" in text:
            return FundingSource.FISCAL
    return None


# --- 收入总体情况表 listed by funding source (Jiangsu 收入预算总表) --------------------------------------


def _is_part(line: SummaryLine, head: SummaryLine) -> bool:
    source = line.source
    while source is not None:
        if source is head.source:
            return True
        source = source.parent
    return False


def source_groups(lines: Sequence[SummaryLine]) -> list[tuple[SummaryLine, list[SummaryLine]]]:
    """The groups of a revenue table listed by source (收入预算总表): each group's 小计 line (the line
    of a source that is not part of the group above) with the item lines printed under it. "其中" lines
    are a part of their group printed beside it, not an item that adds up, and are left out.

    >>> def line(name, source=None, amount="0"):
    ...     role = SummaryRole.SOURCE if source else SummaryRole.OTHER
    ...     return SummaryLine(role=role, name=name, source=source, amount=amount)
    >>> groups = source_groups([SummaryLine(role=SummaryRole.TOTAL, name="收入总计", amount="15.00"),
    ...     line("其他资金", FundingSource.AGENCY_FUNDS, "15.00"), line("事业收入", FundingSource.BUSINESS_INCOME),
    ...     line("其他收入", FundingSource.OTHER_INCOME, "15.00"), line("上年结转和结余资金", FundingSource.CARRYOVER),
    ...     line("其中：动用上年结转和结余资金")])
    >>> [(head.name, [item.name for item in items]) for head, items in groups]
    [('其他资金', ['事业收入', '其他收入']), ('上年结转和结余资金', [])]
    """
    groups: list[tuple[SummaryLine, list[SummaryLine]]] = []
    for line in lines:
        if line.role in (SummaryRole.TOTAL, SummaryRole.CURRENT_YEAR):
            continue
        if line.role is SummaryRole.SOURCE and line.source is not None and not (
                groups and _is_part(line, groups[-1][0])):
            groups.append((line, []))
        elif groups and not _PART_OF.match(line.name):
            groups[-1][1].append(line)
    return groups


class _ListedView(View):
    """A column of 收入总体情况表 where the table lists revenue by source down the page: one figure,
    its total, and no codes."""

    def __init__(self, title: str, table: str, column: Column, figure: Figure | None) -> None:
        self.title, self.table, self.column, self.complete = title, table, column, True
        self._figure = figure

    def levels(self) -> set[int]:
        """None: the table is not by code."""
        return set()

    def codes(self, level: int) -> set[ClassificationCode]:
        """None: the table is not by code."""
        return set()

    def amount(self, code: ClassificationCode) -> Figure | None:
        """None: the table is not by code."""
        return None

    def total(self) -> Figure | None:
        """The source's figure as the table lists it."""
        return self._figure


_COLUMN_SOURCE: dict[str, FundingSource] = {column.name: source for source, column in SOURCE_COLUMNS.items()}


def _listed(title: str, lines: Sequence[SummaryLine], source: FundingSource) -> Figure | None:
    """A source's figure in a list by source: its group's 小计, else its printed parts added (a part
    the list does not print is not there: the groups add up to the total), else the item line."""
    heads = [head for head, _ in source_groups(lines)]
    own = next((head for head in heads if head.source is source), None)
    if own is not None:
        return line_figure(title, "revenue", own, own.amount, source.value)
    parts = [found for child in source.children if (found := _listed(title, lines, child)) is not None]
    if parts:
        return parts[0].plus(*parts[1:], label=f"{title}{source.zh}各项之和")
    item = next((line for line in lines if line.source is source), None)
    return None if item is None else line_figure(title, "revenue", item, item.amount, source.value)


def _listed_figure(title: str, lines: Sequence[SummaryLine], column: Column) -> Figure | None:
    totals = role_figure(title, "revenue", lines, SummaryRole.TOTAL)
    if column.name == "total":
        return totals[0] if totals else None
    if column.name == "current_year":
        current = role_figure(title, "revenue", lines, SummaryRole.CURRENT_YEAR)
        if current or not totals:
            return current[0] if current else None
        carried = _listed(title, lines, FundingSource.CARRYOVER)
        return totals[0] if carried is None else totals[0].less([carried]).plus(label=f"{totals[0].label}减上年结转")
    source = _COLUMN_SOURCE.get(column.name)
    return None if source is None else _listed(title, lines, source)


def revenue_view(ctx: Context, column: Column) -> View:
    """One column of 收入总体情况表: by code (:func:`table_view`), or where the table lists revenue by
    funding source down the page (the Jiangsu 收入预算总表, ``sources``), that source's figure."""
    table = ctx.doc.tables.revenue
    assert table is not None
    if table.lines or not table.sources:
        return table_view(ctx, "revenue", column)
    title = ctx.table_name("revenue")
    return _ListedView(title, "revenue", column, _listed_figure(title, table.sources, column))
