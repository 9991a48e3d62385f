"""Narrative totals (说明中的总数): what the text lists under a total adds up to it, the projects it
counts fit in the budget, the department-wide target is the budget, 机关运行经费 fits in 公用经费.

Registered by importing :mod:`cnbudget.validation.rules.narrative`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

from cnbudget.model import SummaryRole
from cnbudget.money import Consistency, check_sum, digits_swapped, sum_agrees
from cnbudget.validation.context import Context, figure
from cnbudget.validation.findings import Finding, Location, Severity
from cnbudget.validation.registry import rule
from cnbudget.validation.rules.cross_table_figures import Figure, at_most, compare, judge
from cnbudget.validation.rules.cross_table_sources import role_figure
from cnbudget.validation.rules.cross_table_views import Column, table_view
from cnbudget.validation.rules.narrative_groups import Decomposition, decompositions
from cnbudget.validation.rules.narrative_statements import Placed, Topic, place, placed_in, stated, where
from cnbudget.validation.rules.narrative_tables import budget_totals, is_budget_total, project_spending
from cnbudget.validation.rules.performance_composition import annual_budget

__all__ = ["project_statements"]

_PROJECTS = re.compile(r"财政拨款项目")


# --- NARR-005: projects within the budget ----------------------------------------------------------


def project_statements(items: Sequence[Placed]) -> list[Placed]:
    """The statements that count projects and their money ("当年财政拨款项目 8 个，涉及预算金额 …")."""
    return [item for item in items if item.statement.count is not None and item.statement.amount is not None
            and _PROJECTS.search(item.subject) and "整体" not in item.subject and not item.past]


@rule("NARR-005", "说明中的项目金额不超过项目支出", severity=Severity.WARNING, requires=("statements", "expenditure"),
      en="Stated project amount does not exceed project expenditure")
def projects_fit_in_budget(ctx: Context) -> Iterator[Finding]:
    """The money of the projects the text counts ("当年财政拨款项目 8 个，涉及预算金额 X 万元", and the
    非财政拨款 projects) is part of the budget's 项目支出: X, and the amounts of all such statements
    together, are at most the 项目支出 total of 支出总体情况表 (rounding-aware). Projects whose money
    is not in this department's budget (funds only passed on) do not belong in the count. A warning:
    the text may count funds the department administers for others, which it ought to say."""
    whole = project_spending(ctx)
    counted = project_statements(placed_in(ctx))
    if whole is None or not counted:
        return
    figures = [stated(item.statement, item.statement.amount or Decimal(0),
                      label=f"{item.statement.count} 个项目的金额") for item in counted]
    found = [f for item, part in zip(counted, figures, strict=True)
             if (f := at_most(ctx, part, whole, where(item.statement))) is not None]
    if not found and len(figures) > 1:
        together = figures[0].plus(*figures[1:], label="所列各类项目的金额合计")
        section = counted[0].statement.section
        found = [f for f in [at_most(ctx, together, whole, f"说明“{section}”中的项目")] if f is not None]
    yield from found


# --- NARR-006: the department-wide target ----------------------------------------------------------


def _department_funds(ctx: Context) -> Figure | None:
    """The department-wide target's 年度预算 (:func:`annual_budget`) as a figure."""
    performance = ctx.doc.performance
    if performance is None or performance.department is None or "performance" in ctx.doc.incomplete:
        return None
    budget = annual_budget(performance.department.funds)
    if budget is None:
        return None
    label, printed = budget
    return Figure(label=f"部门整体绩效目标表年度预算（{label}）", parts=printed,
                  location=Location(table="department_target", agency=performance.department.department,
                                    column="funds"))


def _budget_figures(ctx: Context, items: Sequence[Placed]) -> list[Figure]:
    """The budget total wherever the document states it: the tables' totals and 本年收入, and the
    totals the text itself states."""
    summary = ctx.doc.tables.summary
    current = role_figure(ctx.table_name("summary"), "summary", summary.revenue, SummaryRole.CURRENT_YEAR) \
        if summary is not None else []
    told = [stated(item.statement, item.statement.amount, label=f"说明的“{item.statement.subject}”")
            for item in items if item.statement.amount and is_budget_total(item)]
    return [*budget_totals(ctx), *current, *told]


@rule("NARR-006", "说明中的部门整体绩效目标金额与预算一致", requires=("statements",),
      en="Stated department-wide target funds agree with the budget")
def department_target_is_budget(ctx: Context) -> Iterator[Finding]:
    """"部门整体预算绩效目标 1 个，涉及金额 X 万元" states the money of the department-wide target:
    X equals the 年度预算 of 部门整体绩效目标表 (an error where it does not). Where that table was not
    read, X is held against the budget total as the tables or the text state it (收入总计, 本年收入,
    收支总预算): the department-wide target covers the whole budget by convention, so a figure that
    matches none of them is a warning — but an error where X is one of them with two digits swapped
    (2,018.55 for 2,081.55), a slip no convention explains."""
    items = placed_in(ctx)
    target: Figure | None = None
    candidates: list[Figure] | None = None  # the same for every statement: made for the first
    for item in items:
        statement = item.statement
        if statement.amount is None or "整体" not in item.subject or not (
                "绩效" in item.subject or item.topic is Topic.PERFORMANCE):
            continue
        mine = stated(statement, statement.amount)
        if candidates is None:
            target = _department_funds(ctx)
            candidates = ([target] if target is not None else []) + _budget_figures(ctx, items)
        results = [(found, compare(mine, found)) for found in candidates]
        if not results or any(result.status is Consistency.EXACT for _, result in results):
            continue
        close = [(found, result) for found, result in results if result.status is Consistency.WITHIN_ROUNDING]
        swapped = [(found, result) for found, result in results if digits_swapped(mine.value, found.value)]
        chosen, result = close[0] if close else (swapped or results)[0]
        sentence = (f"{where(statement)}：说明金额为 {figure(mine.value)}，{chosen.label}为 {figure(chosen.value)}，"
                    f"相差 {figure(abs(result.difference))}")
        severity = None if target is not None else Severity.WARNING
        if swapped and not close:  # a slip of the pen, whatever the convention: an error
            sentence, severity = f"{sentence}（两位数字颠倒）", Severity.ERROR
        found = judge(ctx, result, sentence, locations=(mine.location, chosen.location), severity=severity)
        if found is not None:
            yield found


# --- NARR-007: totals and their parts in the text --------------------------------------------------


def _listed_elsewhere(decomposition: Decomposition, items: Sequence[Placed]) -> bool:
    """Whether the parts do not add up to the statement they follow but to another total stated
    before them under the same heading: the text listed them under that one."""
    total = decomposition.total
    amounts = [part.statement.amount for part in decomposition.parts]
    if total.statement.amount is None or any(amount is None for amount in amounts):
        return False
    parts = [amount for amount in amounts if amount is not None]
    if sum_agrees(total.statement.amount, parts):
        return False
    first = min(part.index for part in decomposition.parts)
    return any(item.run == total.run and item.index < first and item.index != total.index
               and item.statement.share is None and item.statement.amount
               and sum_agrees(item.statement.amount, parts) for item in items)


def _check(ctx: Context, decomposition: Decomposition, items: Sequence[Placed], column: str) -> Finding | None:
    total = getattr(decomposition.total.statement, column)
    parts = [getattr(part.statement, column) for part in decomposition.parts]
    if total is None or any(part is None for part in parts):
        return None
    result = check_sum(total, parts)
    if decomposition.led and _listed_elsewhere(decomposition, items):
        return None
    words = "" if column == "amount" else "比上年增减额："
    return ctx.judge(result, where=where(decomposition.total.statement), what=f"{words}{decomposition.identity}",
                     locations=[place(decomposition.total.statement, column)])


@rule("NARR-007", "说明中的合计等于所列各项之和", requires=("statements",), en="Stated total = sum of the stated items")
def totals_are_sums_of_parts(ctx: Context) -> Iterator[Finding]:
    """A total the text states equals the sum of the parts it lists under it, rounding-aware: the
    "三公" total = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费 (and 公务用车购置及运行费 =
    购置费 + 运行费); 基本支出 = 人员经费 + 公用经费; a total = its 基本支出 + 项目支出; 上年结转结余 =
    财政拨款 + 非财政拨款; and a total = the parts listed under it whose shares add up to 100 %.
    Where every figure states its change on last year, the changes add up likewise. A total known
    only as the statement the parts follow is not held to them when they add up to another total
    stated before them under the same heading (the text listed them under that one)."""
    items = placed_in(ctx)
    for decomposition in decompositions(items):
        for column in ("amount", "change_amount"):
            found = _check(ctx, decomposition, items, column)
            if found is not None:
                yield found


# --- NARR-008: 机关运行经费 ------------------------------------------------------------------------


def _running_costs_bound(ctx: Context) -> Figure | None:
    """公用经费 of the 一般公共预算 basic expenditure, with the 其他运转类 projects where the template
    prints them (the Henan 机构运转经费 may be spent through them)."""
    public = next((found for key in ("general_budget_basic", "general_budget")
                   if getattr(ctx.doc.tables, key) is not None
                   and (found := table_view(ctx, key, Column.of("public", "公用经费")).total()) is not None), None)
    if public is None:
        return None
    operating = table_view(ctx, "expenditure", Column.of("project_operating", "其他运转类")).total() \
        if ctx.doc.tables.expenditure is not None else None
    return public if operating is None else public.plus(operating, label=f"{public.label}与“其他运转类”项目支出之和")


@rule("NARR-008", "机关运行经费不超过公用经费", severity=Severity.WARNING,
      requires=("statements", "other_matters"), en="Operating costs do not exceed public (operating) expenditure")
def running_costs_within_public(ctx: Context) -> Iterator[Finding]:
    """The 机关运行经费 (行政单位机关运行经费, 机构运转经费) stated under 其他重要事项 is the 公用经费
    of the basic expenditure of the units it covers, so it is at most the 公用经费 total of
    一般公共预算基本支出情况表 (with the 其他运转类 projects where the template prints them)."""
    matters = ctx.doc.other_matters
    statement = matters.operating_costs if matters is not None else None
    bound = _running_costs_bound(ctx)
    if statement is None or statement.amount is None or bound is None:
        return
    mine = Figure(label="说明的机关运行经费", parts=(statement.amount,),
                  location=Location(table="other_matters", column="operating_costs"))
    found = at_most(ctx, mine, bound, where(statement))
    if found is not None:
        yield found
