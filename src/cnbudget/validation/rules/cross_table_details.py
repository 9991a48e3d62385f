"""Cross-table identities of the detail tables (明细表间一致): "三公" against the economic lines it
is booked on, 上年结转结余 against its detail table, and the Henan 支出经济分类汇总表 and 项目支出表
against the tables they detail.

"三公" and the economic classification: 因公出国（境）费 is booked on 30212 因公出国（境）费用,
公务接待费 on 30217, 公务用车运行费 on 30231 公务用车运行维护费 and 公务用车购置费 on 31013 (30913 in
capital construction) 公务用车购置. That is a convention of classification, not arithmetic, so these
rules warn. The "三公" table also counts what projects spend and, where its scope is 财政拨款, the
other budgets too; 一般公共预算基本支出情况表 counts only the basic spending of the general budget.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs

from cnbudget.codes import EconomicCode
from cnbudget.model import ProjectType, RowKind, ThreePublicTable, zh_label
from cnbudget.money import Consistency, check_sum
from cnbudget.validation.context import Context
from cnbudget.validation.findings import Finding, Location, Severity
from cnbudget.validation.registry import rule
from cnbudget.validation.rules.cross_table_figures import Figure, at_most, equal, made
from cnbudget.validation.rules.cross_table_sources import SOURCE_COLUMNS, source_figure, three_public_scope
from cnbudget.validation.rules.cross_table_views import CodeView, Column, compare_views, table_view
from cnbudget.validation.rules.placement import renumbered_in_table
from cnbudget.validation.tables import location
from cnbudget.vocab import FundingSource

__all__ = ["THREE_PUBLIC_LINES"]

#: Each "三公" item, the 部门预算支出经济分类 款 it is booked on, and the 一般公共预算项目支出情况表
#: columns (economic 类) a project's share of it would fall in.
THREE_PUBLIC_LINES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("overseas_travel", ("30212",), ("goods_services",)),
    ("reception", ("30217",), ("goods_services",)),
    ("vehicle_operation", ("30231",), ("goods_services",)),
    ("vehicle_purchase", ("31013", "30913"), ("capital", "capital_construction")),
    ("meetings", ("30215",), ("goods_services",)),
    ("training", ("30216",), ("goods_services",)),
)

_TOTAL = Column.of("total", "合计")
_GENERAL = Column.of("general_budget", "一般公共预算")


def _three_public(ctx: Context, item: str, *, bound: bool = False) -> tuple[Figure | None, bool]:
    """The "三公" figure of ``item`` and whether it is the general budget's alone (its 一般公共预算
    column, or its total where the table's scope is 一般公共预算); ``None`` if the table does not print
    the item or the scope is unknown (with ``bound``, the total then: a "三公" table counts the general
    budget's spending at least, whatever else it counts). Read from the "三公" table alone: once per
    run, and kept for the runs over the document with another table's figures moved."""
    return ctx.cache.get(("three public item", item, bound), lambda: _three_public_read(ctx, item, bound=bound),
                         table="three_public")


def _three_public_read(ctx: Context, item: str, *, bound: bool) -> tuple[Figure | None, bool]:
    table = ctx.doc.tables.three_public
    assert table is not None
    split = getattr(table, item)
    if split is None:
        return None, False
    label = f"{ctx.table_name('three_public')}“{zh_label(attrs.fields_dict(ThreePublicTable)[item])}”"
    where = Location(table="three_public", column=item)
    if split.general_budget is not None:
        others = [value for value in (split.gov_fund, split.soe_capital) if value is not None]
        if check_sum(split.total, [split.general_budget, *others]).status is Consistency.INCONSISTENT:
            return None, False  # the item's own columns disagree (a row identity says so): no basis here
        return Figure(label=f"{label}一般公共预算", parts=(split.general_budget,), location=where), True
    scope = three_public_scope(table)
    if scope is None and not bound:
        return None, False
    return Figure(label=label, parts=(split.total,), location=where), scope is FundingSource.GENERAL_BUDGET


def _booked(ctx: Context, view: CodeView, codes: Sequence[str]) -> Figure | None:
    """The amount of the economic 款 an item is booked on; zero when the table, printing 款, has none.
    Read from the view's table alone: once per run, and kept for the runs over the document with
    another table's figures moved."""
    return ctx.cache.get(("booked", view.column, tuple(codes)), lambda: _booked_in(view, codes), table=view.table)


def _booked_in(view: CodeView, codes: Sequence[str]) -> Figure | None:
    if 2 not in view.levels():
        return None  # a table by 类 only cannot say
    found = [figure for code in codes if (figure := view.amount(EconomicCode(code))) is not None]
    if not found:
        return view.absent(EconomicCode(codes[0]))
    return found[0].plus(*found[1:])


def _local(ctx: Context, key: str) -> set[str]:
    """The economic 类 whose 款 the table numbers in its own order (see CAT-002): their codes do not
    say which 款 a row is, so no item is looked up by code there."""
    table = getattr(ctx.doc.tables, key)
    if ctx.catalog is None or table is None:
        return set()
    return {str(run.category.code)[:3] for run in renumbered_in_table(ctx.cache, key, table, ctx.catalog)}


def _projects_cannot_hold(ctx: Context, columns: Sequence[str]) -> bool:
    """Whether the general budget's projects spend nothing in these economic 类 (or nothing at all)."""
    if ctx.doc.tables.general_budget_projects is not None:
        totals = [table_view(ctx, "general_budget_projects", Column.of(c, c)).total() for c in columns]
        return all(total is not None and total.value == 0 for total in totals)
    if ctx.doc.tables.general_budget is not None:
        total = table_view(ctx, "general_budget", Column.of("project", "项目支出")).total()
        return total is not None and total.value == 0
    return False


@rule("XTAB-011", "“三公”经费与基本支出的对应科目", severity=Severity.WARNING,
      requires=("three_public", "general_budget_basic"),
      en="Three public expenses and the matching basic expenditure codes")
def three_public_covers_basic_lines(ctx: Context) -> Iterator[Finding]:
    """Each "三公" item of the general budget is at least what 一般公共预算基本支出情况表 books on its
    economic 款 (公务接待费 ≥ 30217, 公务用车运行费 ≥ 30231, 因公出国（境）费 ≥ 30212, 公务用车购置费 ≥
    31013 + 30913, and where the table prints them (Jiangsu) 会议费 ≥ 30215 and 培训费 ≥ 30216), since
    "三公" also counts project spending; it equals that line where the general budget's projects spend
    nothing in that economic 类 and the "三公" table gives the general budget's figure (its 一般公共预算
    column, or its scope says 一般公共预算). Where its scope is all 财政拨款 or not stated, its total is
    still at least the basic line. Not held where the table numbers the 款 of that 类 in its own order
    (CAT-002). A convention of classification: warning."""
    basic = table_view(ctx, "general_budget_basic", _TOTAL)
    local = _local(ctx, "general_budget_basic")
    for item, codes, columns in THREE_PUBLIC_LINES:
        three, general_only = _three_public(ctx, item, bound=True)
        booked = _booked(ctx, basic, codes)
        if three is None or booked is None or codes[0][:3] in local:
            continue
        if general_only and _projects_cannot_hold(ctx, columns):
            what = "项目支出没有该经济分类的支出，“三公”经费应等于基本支出对应科目"
            yield from made(equal(ctx, three, booked, what))
        else:
            yield from made(at_most(ctx, booked, three, "基本支出对应科目是“三公”经费的一部分"))


@rule("XTAB-012", "“三公”经费 = 支出经济分类汇总表对应科目", severity=Severity.WARNING,
      requires=("three_public", "economic_summary"),
      en="Three public expenses = matching codes of the economic summary")
def three_public_is_economic_summary(ctx: Context) -> Iterator[Finding]:
    """Each "三公" item equals what 支出经济分类汇总表 books on its economic 款 (30212, 30217, 30231,
    31013 + 30913) in the same money: the 一般公共预算 column where the "三公" table is the general
    budget's, else 一般公共预算 + 政府性基金 + 国有资本经营预算. The summary counts basic and project
    spending alike. A convention of classification: warning."""
    local = _local(ctx, "economic_summary")
    for item, codes, _ in THREE_PUBLIC_LINES:
        three, general_only = _three_public(ctx, item)
        if three is None or codes[0][:3] in local:
            continue
        column = _GENERAL if general_only else SOURCE_COLUMNS[FundingSource.FISCAL]
        booked = _booked(ctx, table_view(ctx, "economic_summary", column), codes)
        if booked is not None:
            yield from made(equal(ctx, three, booked, "“三公”经费应等于支出经济分类汇总表对应科目"))


def _listed_total(ctx: Context, key: str, column: Column) -> Figure | None:
    """The total of a table of projects: its total row, else its projects (or, with no agency rows,
    its named rows) added up."""
    lines = getattr(ctx.doc.tables, key).lines
    title = ctx.table_name(key)
    total = next((line for line in lines if line.kind is RowKind.TOTAL), None)
    if total is not None:
        parts = column.get(total.amounts)
        return None if parts is None else Figure(label=f"{title}合计“{column.zh}”", parts=parts,
                                                 location=location(key, total, column.name))
    kinds = {line.kind for line in lines}
    wanted = RowKind.PROJECT if RowKind.PROJECT in kinds else (RowKind.OTHER if RowKind.AGENCY not in kinds else None)
    found = [parts for line in lines if line.kind is wanted and (parts := column.get(line.amounts)) is not None]
    if not found:
        return None
    return Figure(label=f"{title}各项目之和“{column.zh}”", parts=tuple(p for ps in found for p in ps),
                  location=Location(table=key, column=column.name))


@rule("XTAB-013", "收支总体情况表上年结转结余 = 上年结转结余情况明细表", requires=("summary", "carryover"),
      en="Summary carryover = carryover table")
def carryover_is_carryover_table(ctx: Context) -> Iterator[Finding]:
    """上年结转结余 of 收支总体情况表 equals the 总计 of 上年结转结余情况明细表 (its total row, else the
    sum of its projects); 财政拨款结转 equals its 财政拨款合计 and 非财政拨款结转结余 its 非财政拨款合计."""
    summary = ctx.doc.tables.summary
    assert summary is not None
    title = ctx.table_name("summary")
    what = "收支总体情况表与上年结转结余情况明细表的上年结转结余应相等"
    for source, column in ((FundingSource.CARRYOVER, Column.of("total", "总计")),
                           (FundingSource.FISCAL_CARRYOVER, Column.of("fiscal", "财政拨款合计")),
                           (FundingSource.NON_FISCAL_CARRYOVER, Column.of("non_fiscal", "非财政拨款合计"))):
        printed = source_figure(title, "summary", summary.revenue, source)
        detail = _listed_total(ctx, "carryover", column)
        if printed is not None and detail is not None:
            yield from made(equal(ctx, printed, detail, what))


@rule("XTAB-014", "支出经济分类汇总表 = 基本支出表 + 项目支出表", requires=("economic_summary", "general_budget_basic"),
      en="Economic summary = basic + project expenditure tables")
def economic_summary_is_basic_and_projects(ctx: Context) -> Iterator[Finding]:
    """In the Henan template, the 一般公共预算 of 支出经济分类汇总表 is basic spending (一般公共预算基本
    支出情况表) plus project spending (项目支出表, 本年拨款 一般公共预算): its total equals the basic
    table's 合计 plus the projects' 一般公共预算, and for every economic code the basic table prints, the
    summary's figure is at least the basic one (equal where the projects have no 一般公共预算 money)."""
    basic = table_view(ctx, "general_budget_basic", _TOTAL)
    summary = table_view(ctx, "economic_summary", _GENERAL)
    summary_total, basic_total = summary.total(), basic.total()
    if summary_total is None:  # no 一般公共预算 column: the summary's 总计 still holds the basic spending
        summary = table_view(ctx, "economic_summary", Column.of("total", "总计"))
        yield from compare_views(ctx, basic, summary, what="基本支出是支出经济分类汇总表的一部分", relation=at_most)
        return
    projects = _listed_total(ctx, "projects", _GENERAL) if ctx.doc.tables.projects is not None else None
    if basic_total is not None and projects is not None:
        both = basic_total.plus(projects, label=f"{basic_total.label}加{projects.label}")
        yield from made(equal(ctx, summary_total, both, "支出经济分类汇总表一般公共预算应等于基本支出加项目支出"))
    if projects is not None and projects.value == 0:
        what = "项目支出没有一般公共预算资金，支出经济分类汇总表应等于基本支出"
        yield from compare_views(ctx, basic, summary, what=what, totals=(None, None))
    else:
        yield from compare_views(ctx, basic, summary, what="基本支出是支出经济分类汇总表的一部分", relation=at_most,
                                 totals=(None, None) if projects is not None else None)


def _by_type(ctx: Context, column: Column, kind: ProjectType) -> Figure | None:
    """The projects of one type added up; ``None`` unless every project states its type."""
    table = ctx.doc.tables.projects
    assert table is not None
    projects = [line for line in table.lines if line.kind is RowKind.PROJECT]
    if not projects or any(line.project_type is None for line in projects):
        return None
    parts = [p for line in projects if line.project_type is kind for p in column.get(line.amounts) or ()]
    return Figure(label=f"{ctx.table_name('projects')}{kind.zh}项目之和“{column.zh}”",
                  parts=tuple(parts) or (Decimal(0),), location=Location(table="projects", column=column.name))


def _project_pairs(ctx: Context) -> Iterator[tuple[Figure | None, Figure | None]]:
    kinds = ((None, "project"), (ProjectType.OPERATING, "project_operating"),
             (ProjectType.SPECIFIC, "project_specific"))
    for key, column in (("expenditure", Column.of("total", "合计")), ("general_budget", _GENERAL)):
        if getattr(ctx.doc.tables, key) is None:
            continue
        for kind, field in kinds:
            theirs = table_view(ctx, key, Column.of(field, "项目支出" if kind is None else kind.zh)).total()
            mine = _listed_total(ctx, "projects", column) if kind is None else _by_type(ctx, column, kind)
            yield mine, theirs


@rule("XTAB-015", "项目支出表 = 支出表项目支出", requires=("projects",),
      en="Project table = project expenditure of the expenditure table")
def projects_are_project_spending(ctx: Context) -> Iterator[Finding]:
    """项目支出表 lists every project: its 合计 equals 项目支出 of 支出总体情况表, its 本年拨款 一般公共预算
    equals 项目支出 of 一般公共预算支出情况表, and where both print the type of project, the projects of
    each type (其他运转类, 特定目标类) add up to that column of the expenditure table."""
    for mine, theirs in _project_pairs(ctx):
        if mine is not None and theirs is not None:
            yield from made(equal(ctx, mine, theirs, "项目支出表与支出表的项目支出应相等"))


# The rules on the 财政拨款 tables, spending by use and 机关运行经费 register after these.
