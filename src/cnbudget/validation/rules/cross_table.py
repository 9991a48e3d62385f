"""Cross-table identities (表间一致): a quantity printed in two tables is the same number.

The revenue and expenditure tables of a disclosure print the same money several times: by funding
source in 收支总体情况表 and 收入总体情况表, by function 类 in 收支总体情况表 and 支出总体情况表, the
财政拨款 of 收支总体情况表 again in 财政拨款收支总体情况表, each budget's 类 again in its own
expenditure table, 基本支出 and 项目支出 again in the tables that detail them. Each rule below holds
one such pair; figures are compared rounding-aware (see :mod:`cross_table_figures`), and a code-by-
code comparison reports only the finest disagreement (a wrong 项 is not reported again at its 款,
类 and total).

Two templates differ in scope, and the rules follow what each table says it counts: where
财政拨款收支总体情况表 lists 上年结转 among its revenue, its expenditure includes the spending of that
carryover, while 一般公共预算支出情况表 ("本表仅含当年财政拨款安排的支出") does not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal

from cnbudget.model import FiscalLine, RowKind, SummaryRole
from cnbudget.money import Consistency
from cnbudget.validation.context import Context
from cnbudget.validation.findings import Finding
from cnbudget.validation.registry import rule
from cnbudget.validation.rules.cross_table_figures import Figure, Relation, at_most, compare, equal, made
from cnbudget.validation.rules.cross_table_sources import (
    BUDGETS,
    CARRYOVER_FIELDS,
    CURRENT_YEAR,
    SOURCE_COLUMNS,
    by_category,
    carryover_of_budgets,
    line_figure,
    revenue_view,
    role_figure,
    source_figure,
    spent_figure,
)
from cnbudget.validation.rules.cross_table_views import Column, compare_views, note_failed_total, table_view
from cnbudget.validation.tables import location
from cnbudget.vocab import FundingSource

__all__: list[str] = []

_TOTAL = Column.of("total", "合计")
_FISCAL_SOURCES = (FundingSource.FISCAL, *(s for s in FundingSource if s.parent is FundingSource.FISCAL),
                   *(s for s in FundingSource if s.parent is not None and s.parent.parent is FundingSource.FISCAL))
_CARRIED = (FundingSource.CARRYOVER, FundingSource.FISCAL_CARRYOVER)


@rule("XTAB-001", "收支总体情况表收入 = 收入总体情况表", requires=("summary", "revenue"),
      en="Summary revenue = revenue table")
def summary_revenue_is_revenue_table(ctx: Context) -> Iterator[Finding]:
    """Every funding source 收支总体情况表 lists on its revenue side (一般公共预算拨款, 其中一般财力,
    上级转移支付, 政府性基金, 财政专户, 单位资金 and its parts, 上年结转结余 and its parts), and its
    本年收入 and 收入总计, equals the same column of the total row of 收入总体情况表 (a source that
    table prints as parts — 一般公共预算 as 本级 + 上级转移支付 — is their sum). Where 收入总体情况表
    lists revenue by source down the page (the Jiangsu 收入预算总表), each source equals its group's
    小计 there, 财政拨款 the 小计 of its budgets, 本年收入 the 收入总计 less 上年结转."""
    assert ctx.doc.tables.revenue is not None
    what = "收支总体情况表与收入总体情况表的同一收入应相等"
    for printed, column in ctx.cache.get("summary revenue by column", lambda: _summary_revenue(ctx), table="summary"):
        view = revenue_view(ctx, column)
        other = view.total()
        if other is not None:
            finding = equal(ctx, printed, other, what)
            note_failed_total(ctx, view, finding, "summary")  # its figures read once, kept by "summary"
            yield from made(finding)


def _summary_revenue(ctx: Context) -> tuple[tuple[Figure, Column], ...]:
    """The revenue figures of 收支总体情况表, each with the column of 收入总体情况表 that holds it:
    found once per run, and kept for the runs over the document with another table's figures moved."""
    summary = ctx.doc.tables.summary
    assert summary is not None
    title = ctx.table_name("summary")
    lines = summary.revenue
    pairs: list[tuple[Figure, Column]] = [
        (line_figure(title, "summary", line, line.amount, line.source.value), SOURCE_COLUMNS[line.source])
        for line in lines if line.role is SummaryRole.SOURCE and line.source in SOURCE_COLUMNS
    ]
    pairs += [(f, CURRENT_YEAR) for f in role_figure(title, "summary", lines, SummaryRole.CURRENT_YEAR)]
    # 收入总计 is the last total line; a 收入合计 above it may be this year's alone.
    pairs += [(f, Column.of("total", "总计")) for f in role_figure(title, "summary", lines, SummaryRole.TOTAL)[-1:]]
    return tuple(pairs)


@rule("XTAB-002", "收支总体情况表支出 = 支出总体情况表", requires=("summary", "expenditure"),
      en="Summary expenditure = expenditure table")
def summary_expenditure_is_expenditure_table(ctx: Context) -> Iterator[Finding]:
    """Each function 类 on the expenditure side of 收支总体情况表 equals that 类 in 支出总体情况表
    (its 类 row, else the sum of its rows), and 本年支出合计 (else 支出总计 less 年终结转结余) equals
    the table's 合计. A 类 one table lists and the other does not counts as zero in the other."""
    summary = ctx.doc.tables.summary
    assert summary is not None
    mine = by_category(ctx, "summary", summary.expenditure, Column.of("amount", "预算数"), lambda x: x.amount)
    theirs = table_view(ctx, "expenditure", _TOTAL)
    total = spent_figure(ctx, "summary", summary.expenditure, lambda x: x.amount)
    yield from compare_views(ctx, mine, theirs, what="收支总体情况表与支出总体情况表的支出应相等",
                             totals=(total, theirs.total()))


def _agency_totals(ctx: Context, key: str) -> dict[str, Figure]:
    """The 合计 of every agency row (预算单位), by 单位代码 or name."""
    table = getattr(ctx.doc.tables, key)
    found: dict[str, Figure] = {}
    for line in table.lines:
        name = line.agency_code or line.agency or line.name
        if line.kind is RowKind.AGENCY and name not in found:
            found[name] = Figure(label=f"{ctx.table_name(key)}“{line.name}”", parts=(line.amounts.total,),
                                 location=location(key, line, "total"))
    return found


@rule("XTAB-003", "收入总体情况表 = 支出总体情况表", requires=("revenue", "expenditure"),
      en="Revenue table = expenditure table")
def revenue_table_is_expenditure_table(ctx: Context) -> Iterator[Finding]:
    """收入总体情况表 and 支出总体情况表 account for the same money: their totals are equal, and so are
    the 总计 of every function code (类, 款, 项) and of every agency (预算单位) both tables print."""
    what = "收入总体情况表与支出总体情况表的合计应相等"
    revenue = revenue_view(ctx, Column.of("total", "总计"))
    expenditure = table_view(ctx, "expenditure", _TOTAL)
    yield from compare_views(ctx, revenue, expenditure, what=what)
    theirs = _agency_totals(ctx, "expenditure")
    for agency, figure in _agency_totals(ctx, "revenue").items():
        if agency in theirs:
            yield from made(equal(ctx, figure, theirs[agency], what))


def _fiscal_carryover(ctx: Context) -> tuple[Figure | None, bool]:
    """财政拨款结转 as 收支总体情况表 (else 收入总体情况表) prints it; failing both, 上年结转结余 as a bound."""
    summary = ctx.doc.tables.summary
    assert summary is not None
    title = ctx.table_name("summary")
    fiscal = source_figure(title, "summary", summary.revenue, FundingSource.FISCAL_CARRYOVER)
    if fiscal is None and ctx.doc.tables.revenue is not None:
        fiscal = revenue_view(ctx, SOURCE_COLUMNS[FundingSource.FISCAL_CARRYOVER]).total()
    if fiscal is not None:
        return fiscal, False
    return source_figure(title, "summary", summary.revenue, FundingSource.CARRYOVER), True


@rule("XTAB-004", "收支总体情况表财政拨款 = 财政拨款收支总体情况表收入", requires=("summary", "fiscal_summary"),
      en="Summary fiscal appropriation = fiscal summary revenue")
def summary_fiscal_is_fiscal_summary(ctx: Context) -> Iterator[Finding]:
    """The revenue side of 财政拨款收支总体情况表 repeats the 财政拨款 of 收支总体情况表: 财政拨款（补助）
    and 本年收入 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算 there, each budget (and its 本级 and
    转移支付 parts) = the same line there, 上年结转 = 财政拨款结转 (where only 上年结转结余 is printed,
    上年结转 cannot exceed it), and 收入总计 = 财政拨款 + 上年结转."""
    summary, fiscal = ctx.doc.tables.summary, ctx.doc.tables.fiscal_summary
    assert summary is not None and fiscal is not None
    title, mine = ctx.table_name("fiscal_summary"), ctx.table_name("summary")
    what = "收支总体情况表与财政拨款收支总体情况表的财政拨款收入应相等"
    appropriated = source_figure(mine, "summary", summary.revenue, FundingSource.FISCAL)
    carryover = next((line for line in fiscal.revenue if line.source in _CARRIED), None)
    carried, bound = _fiscal_carryover(ctx) if carryover is not None else (None, False)
    last_total = next((line for line in reversed(fiscal.revenue) if line.role is SummaryRole.TOTAL), None)
    for line in fiscal.revenue:
        printed = line_figure(title, "fiscal_summary", line, line.amount, line.source and line.source.value)
        other: Figure | None = None
        relation: Relation = equal
        if line.role is SummaryRole.CURRENT_YEAR:
            other = appropriated
        elif line is last_total and appropriated is not None:
            if carryover is None or carryover.amount == 0:
                other = appropriated
            elif carried is not None and not bound:
                other = appropriated.plus(carried, label=f"{appropriated.label}加财政拨款结转")
        elif line.source in _CARRIED:
            other, relation = carried, (at_most if bound else equal)
        elif line.role is SummaryRole.SOURCE and line.source in _FISCAL_SOURCES:
            other = source_figure(mine, "summary", summary.revenue, line.source)
        if other is not None:
            yield from made(relation(ctx, printed, other, what))


def _budget_amount(key: str) -> Callable[[FiscalLine], Decimal | None]:
    def amount(line: FiscalLine) -> Decimal | None:
        value = getattr(line.amounts, key)
        return value if isinstance(value, Decimal) else None

    return amount


def _column_values(lines: Sequence[FiscalLine], key: str) -> list[Decimal]:
    return [v for line in lines if line.role is SummaryRole.FUNCTION and (v := getattr(line.amounts, key)) is not None]


@rule("XTAB-005", "财政拨款收支总体情况表支出 = 各预算支出情况表", requires=("fiscal_summary",),
      en="Fiscal summary expenditure = each budget's expenditure table")
def fiscal_summary_is_budget_tables(ctx: Context) -> Iterator[Finding]:
    """Each budget column of 财政拨款收支总体情况表 (一般公共预算, 政府性基金预算, 国有资本经营预算) equals
    that budget's expenditure table (一般公共预算支出情况表, 政府性基金预算支出情况表, 国有资本经营预算
    支出情况表) by function 类 and in total (本年支出, else 支出总计 less 年终结转结余). Where the
    revenue side lists 上年结转 and the budget table counts only this year's appropriation (its total
    is the column's total less that carryover), the budget table cannot exceed the column in any 类."""
    fiscal = ctx.doc.tables.fiscal_summary
    assert fiscal is not None
    carryover, by_budget = carryover_of_budgets(ctx, fiscal.revenue)
    spending = [key for _, key in BUDGETS if any(v != 0 for v in _column_values(fiscal.expenditure, key))]
    for source, key in BUDGETS:
        if getattr(ctx.doc.tables, key) is None or not _column_values(fiscal.expenditure, key):
            continue
        column = Column.of(key, source.zh)
        amount = _budget_amount(key)
        mine = by_category(ctx, "fiscal_summary", fiscal.expenditure, column, amount)
        theirs = table_view(ctx, key, _TOTAL)
        mine_total = spent_figure(ctx, "fiscal_summary", fiscal.expenditure, amount)
        theirs_total = theirs.total()
        what = f"财政拨款收支总体情况表“{source.zh}”与{ctx.table_name(key)}的支出应相等"
        if (carryover is None or carryover.value == 0 or mine_total is None or theirs_total is None
                or compare(mine_total, theirs_total).status is not Consistency.INCONSISTENT):
            yield from compare_views(ctx, mine, theirs, what=what, totals=(mine_total, theirs_total))
            continue
        carried = by_budget.get(source) or (carryover if spending == [key] else None)
        if carried is None:
            yield from made(equal(ctx, mine_total, theirs_total, what))
            continue
        this_year = theirs_total.plus(carried, label=f"{theirs_total.label}加上年结转")
        yield from made(equal(ctx, mine_total, this_year, what + "（财政拨款收支总体情况表含上年结转）"))
        if compare(mine_total, this_year).status is not Consistency.INCONSISTENT:
            yield from compare_views(ctx, theirs, mine, what=f"{ctx.table_name(key)}只含当年拨款，各类不能大于"
                                     f"财政拨款收支总体情况表（含上年结转）", relation=at_most, totals=(None, None))


@rule("XTAB-006", "收入总体情况表各预算 = 各预算支出情况表", requires=("revenue",),
      en="Revenue by budget = each budget's expenditure table")
def revenue_budgets_are_budget_tables(ctx: Context) -> Iterator[Finding]:
    """The 一般公共预算 (本级 + 上级转移支付), 政府性基金预算 and 国有资本经营预算 columns of 收入总体情况表
    equal that budget's expenditure table, code by code (where 收入总体情况表 is by function code) and in
    total. Both count this year's appropriation; should the budget table also count the budget's
    carryover (its total is the column's total plus that carryover), the column cannot exceed it in any
    code."""
    for source, key in BUDGETS:
        if getattr(ctx.doc.tables, key) is None:
            continue
        mine, theirs = revenue_view(ctx, SOURCE_COLUMNS[source]), table_view(ctx, key, _TOTAL)
        mine_total, theirs_total = mine.total(), theirs.total()
        if mine_total is None or theirs_total is None:
            continue
        what = f"收入总体情况表“{source.zh}”与{ctx.table_name(key)}应相等"
        carried = revenue_view(ctx, Column.of(CARRYOVER_FIELDS[source], f"上年结转结余：{source.zh}",
                                              ("fiscal_carryover",))).total()
        with_carryover = mine_total.plus(carried) if carried is not None and carried.value != 0 else None
        if (with_carryover is not None and compare(mine_total, theirs_total).status is Consistency.INCONSISTENT
                and compare(with_carryover, theirs_total).status is not Consistency.INCONSISTENT):
            yield from compare_views(ctx, mine, theirs, what=f"{what}（后者含上年结转，前者不能大于后者）",
                                     relation=at_most, totals=(None, None))
            continue
        yield from compare_views(ctx, mine, theirs, what=what)


@rule("XTAB-007", "一般公共预算基本支出 = 基本支出情况表合计",
      requires=("general_budget", "general_budget_basic"),
      en="General budget basic expenditure = basic expenditure table total")
def basic_is_basic_table(ctx: Context) -> Iterator[Finding]:
    """基本支出 in the total of 一般公共预算支出情况表 equals the 合计 of 一般公共预算基本支出情况表, and
    so do 人员经费 and 公用经费 where 一般公共预算支出情况表 prints them (人员经费 = 工资福利支出 + 对个人
    和家庭的补助, 公用经费 = 商品和服务支出 + 资本性支出 in the Henan template)."""
    what = "一般公共预算支出情况表与一般公共预算基本支出情况表的基本支出应相等"
    columns = (
        (Column.of("basic", "基本支出", ("personnel", "public"),
                   ("personnel_salaries", "personnel_family", "public_goods_services", "public_capital")), _TOTAL),
        (Column.of("personnel", "人员经费", ("personnel_salaries", "personnel_family")),
         Column.of("personnel", "人员经费")),
        (Column.of("public", "公用经费", ("public_goods_services", "public_capital")),
         Column.of("public", "公用经费")),
    )
    for budget_column, basic_column in columns:
        budget, basic = table_view(ctx, "general_budget", budget_column).total(), table_view(
            ctx, "general_budget_basic", basic_column).total()
        if budget is not None and basic is not None:
            yield from made(equal(ctx, basic, budget, what))


@rule("XTAB-008", "一般公共预算项目支出 = 项目支出情况表", requires=("general_budget", "general_budget_projects"),
      en="General budget project expenditure = project expenditure table")
def project_is_project_table(ctx: Context) -> Iterator[Finding]:
    """项目支出 of 一般公共预算支出情况表 equals 项目支出合计 of 一般公共预算项目支出情况表 for every
    function code (its row there, else the sum of its projects) and in total; a code with projects that
    一般公共预算支出情况表 does not list, or a 项目支出 with no project, is a disagreement."""
    projects = table_view(ctx, "general_budget_projects", Column.of("total", "项目支出合计"))
    budget = table_view(ctx, "general_budget", Column.of("project", "项目支出"))
    yield from compare_views(ctx, projects, budget,
                             what="一般公共预算项目支出情况表与一般公共预算支出情况表的项目支出应相等")


def _balance(ctx: Context, table: str, revenue: Figure | None, expenditure: Figure | None) -> Iterator[Finding]:
    if revenue is not None and expenditure is not None:
        yield from made(equal(ctx, revenue, expenditure, f"{ctx.table_name(table)}收入总计应等于支出总计"))


@rule("XTAB-009", "收支总体情况表收入总计 = 支出总计", requires=("summary",),
      en="Summary: total revenue = total expenditure")
def summary_balances(ctx: Context) -> Iterator[Finding]:
    """In 收支总体情况表, 收入总计 = 支出总计."""
    summary = ctx.doc.tables.summary
    assert summary is not None
    title = ctx.table_name("summary")
    revenue = role_figure(title, "summary", summary.revenue, SummaryRole.TOTAL)
    expenditure = role_figure(title, "summary", summary.expenditure, SummaryRole.TOTAL)
    yield from _balance(ctx, "summary", revenue[-1] if revenue else None, expenditure[-1] if expenditure else None)


@rule("XTAB-010", "财政拨款收支总体情况表收入总计 = 支出总计", requires=("fiscal_summary",),
      en="Fiscal summary: total revenue = total expenditure")
def fiscal_summary_balances(ctx: Context) -> Iterator[Finding]:
    """In 财政拨款收支总体情况表, 收入总计 = 支出总计 (its 合计 column)."""
    fiscal = ctx.doc.tables.fiscal_summary
    assert fiscal is not None
    title = ctx.table_name("fiscal_summary")
    revenue = role_figure(title, "fiscal_summary", fiscal.revenue, SummaryRole.TOTAL)
    expenditure = role_figure(title, "fiscal_summary", fiscal.expenditure, SummaryRole.TOTAL, lambda x: x.amounts.total)
    yield from _balance(ctx, "fiscal_summary", revenue[-1] if revenue else None,
                        expenditure[-1] if expenditure else None)


# The rules on the economic detail tables, "三公" and carryover register after these.
