"""What the performance targets cover (绩效目标的覆盖): the department-wide target the whole spending,
and the project targets every project of the project tables.

These rules belong to the PERF family; :mod:`cnbudget.validation.rules` registers them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal

import attrs

from cnbudget.model import DepartmentTarget, ProjectTarget
from cnbudget.money import AmountUnit, Consistency, convert, digits_swapped, sum_agrees
from cnbudget.validation.context import Context, figure
from cnbudget.validation.findings import Finding, Location, Severity
from cnbudget.validation.registry import rule
from cnbudget.validation.rules.cross_table_figures import Figure, compare
from cnbudget.validation.rules.cross_table_views import Column, table_view
from cnbudget.validation.rules.narrative_statements import Placed, Topic, placed_in, stated
from cnbudget.validation.rules.narrative_tables import is_budget_total
from cnbudget.validation.rules.performance_common import place, where
from cnbudget.validation.rules.performance_composition import annual_budget
from cnbudget.validation.rules.performance_projects import NameKeys, alike, by_agency, name_keys, nearest

__all__: list[str] = []

_TOTAL = Column.of("total", "合计")
_ALIKE = 0.4  # how alike two names must be to be one project's (as PERF-013 pairs them)
_SPENDING_TOPICS = (Topic.OVERALL, Topic.EXPENDITURE)


# --- PERF-015 -----------------------------------------------------------------------------------------


def _target_funds(target: DepartmentTarget) -> Figure | None:
    """The department-wide target's 年度预算 (:func:`annual_budget`) as a figure."""
    budget = annual_budget(target.funds)
    if budget is None:
        return None
    label, printed = budget
    return Figure(label=f"{where(target)}的年度预算（{label}）", parts=printed, location=place(target, "funds"))


def _told(items: Sequence[Placed], subject: str) -> list[Placed]:
    return [item for item in items if item.topic in _SPENDING_TOPICS and not item.past
            and item.statement.amount is not None and item.subject == subject]


def _stated_spending(items: Sequence[Placed]) -> list[Figure]:
    """The spending as the text states it: its budget total (支出预算, 收支总预算 …), and its
    基本支出 + 项目支出 where both are stated under one heading."""
    found = [stated(item.statement, item.statement.amount, label=f"说明的“{item.statement.subject}”")
             for item in items if item.statement.amount is not None and is_budget_total(item) and not item.past]
    for basic in _told(items, "基本支出"):
        project = next((item for item in _told(items, "项目支出") if item.run == basic.run), None)
        if project is not None and basic.statement.amount is not None and project.statement.amount is not None:
            found.append(Figure(label="说明的基本支出 + 项目支出",
                                parts=(basic.statement.amount, project.statement.amount),
                                location=stated(basic.statement, basic.statement.amount).location))
    return found


def _spending(ctx: Context) -> list[Figure]:
    """The spending the department-wide target covers, where 收支总体情况表 does not state it: the
    合计 of 支出总体情况表 (基本支出 + 项目支出), else what the text states."""
    if ctx.doc.tables.expenditure is not None:
        total = table_view(ctx, "expenditure", _TOTAL).total()
        if total is not None:
            return [total]
    return _stated_spending(placed_in(ctx))


def _swapped(mine: Figure, candidates: Iterable[Figure]) -> Figure | None:
    return next((found for found in candidates if digits_swapped(mine.value, found.value)), None)


@rule("PERF-015", "部门整体绩效目标资金与支出预算不符", severity=Severity.WARNING, requires=("performance",),
      en="Department-wide target's funds differ from the spending it covers")
def department_target_covers_spending(ctx: Context) -> Iterator[Finding]:
    """The department-wide target (部门整体绩效目标表) covers the department's whole budget, so its
    年度预算 (资金总额; else 上级安排 + 本级安排 + 其他资金; else 基本支出 + 项目支出) equals the spending
    the budget plans. Where 收支总体情况表 is read, PERF-012 holds the target against it; where it is
    not (not printed, or not readable), the spending is the 合计 of 支出总体情况表 (基本支出 + 项目支出),
    else the spending the text states: its budget total (支出预算, 收支总预算) or its 基本支出 + 项目支出.
    Rounding-aware: agreement within rounding is a note. A figure that is the spending with two of
    its digits swapped (2,018.55 for 2,081.55) is an error — a slip of the pen, which no convention
    explains; another difference a warning (the target may, by a local convention, cover only this
    year's appropriation)."""
    assert ctx.doc.performance is not None
    target = ctx.doc.performance.department
    if target is None or ctx.doc.tables.summary is not None:
        return
    mine = _target_funds(target)
    candidates = _spending(ctx)
    if mine is None or not candidates:
        return
    results = [(found, compare(mine, found)) for found in candidates]
    if any(result.status is Consistency.EXACT for _, result in results):
        return
    close = [(found, result) for found, result in results if result.status is Consistency.WITHIN_ROUNDING]
    swapped = _swapped(mine, candidates)
    chosen, result = close[0] if close else next(((f, r) for f, r in results if f is swapped), results[0])
    sentence = (f"{where(target)}：年度预算 {figure(mine.value)}，{chosen.label}为 {figure(chosen.value)}，"
                f"相差 {figure(abs(result.difference))}")
    if close:
        yield ctx.finding(sentence + "，在印刷数字的四舍五入误差之内", [mine.location, chosen.location],
                          expected=chosen.value, actual=mine.value, severity=Severity.INFO)
    elif swapped is not None:
        yield ctx.finding(f"{sentence}（两位数字颠倒）", [mine.location, chosen.location],
                          expected=chosen.value, actual=mine.value, severity=Severity.ERROR)
    else:
        yield ctx.finding(sentence, [mine.location, chosen.location], expected=chosen.value, actual=mine.value)


# --- PERF-016 -----------------------------------------------------------------------------------------


@attrs.frozen
class _Project:
    """A project of a project table, its rows (one per function code) added together."""

    table: str
    name: str
    agency: str | None
    amount: Decimal
    line_number: int | None = None  # of its first row


def _table_projects(ctx: Context) -> list[_Project]:
    """Every project the project tables print, once per table, agency and name."""
    rows: list[_Project] = []
    table = ctx.doc.tables.general_budget_projects
    rows += [_Project("general_budget_projects", line.project, line.agency, line.amounts.total, line.line_number)
             for line in (table.lines if table is not None else ()) if line.project]
    henan = ctx.doc.tables.projects
    for line in henan.lines if henan is not None else ():
        name = line.project or (line.name if line.project_type is not None else None)
        if name:
            rows.append(_Project("projects", name, line.agency, line.amounts.total, line.line_number))
    found: dict[tuple[str, str, str], _Project] = {}
    exact = name_keys(ctx).exact
    for project in rows:
        index = (project.table, exact(project.agency or ""), exact(project.name))
        earlier = found.get(index)
        found[index] = project if earlier is None else attrs.evolve(earlier, amount=earlier.amount + project.amount)
    return list(found.values())


def _target_amounts(ctx: Context, target: ProjectTarget, table_unit: AmountUnit) -> list[Decimal]:
    form_unit = target.unit or ctx.doc.amount_unit
    return [convert(value, form_unit, table_unit) for value in (target.funds.fiscal, target.funds.total)
            if value is not None]


class _Targets:
    """Targets a project is looked for among, with the keys of their names (:class:`NameKeys`)
    gathered once: every project of an agency is held against the same groups."""

    __slots__ = ("exact", "loose", "targets")

    def __init__(self, keys: NameKeys, targets: list[ProjectTarget]) -> None:
        self.targets = targets
        self.exact = {keys.exact(t.project) for t in targets}
        self.loose = {keys.loose(t.project) for t in targets}


class _Pools:
    """The targets a project is looked for among: those of its agency and those naming none, where
    there are any; else all. Grouped once by agency (a pool gathered for each agency looked through
    every target: quadratic in a large department's agencies)."""

    def __init__(self, keys: NameKeys, targets: Sequence[ProjectTarget]) -> None:
        groups = by_agency(keys, targets, lambda target: target.agency)
        self._unnamed = _Targets(keys, groups.pop(None, []))
        self._named = {agency: _Targets(keys, group) for agency, group in groups.items()}
        self._every = _Targets(keys, list(targets))

    def of(self, agency: str | None) -> tuple[_Targets, ...]:
        """The groups of targets of a project of ``agency`` (its key; ``None``: none named)."""
        if agency is None:
            return (self._every,)
        found = tuple(group for group in (self._named.get(agency), self._unnamed)
                      if group is not None and group.targets)
        return found or (self._every,)


def _claimed(ctx: Context, project: _Project, pool: Sequence[_Targets]) -> bool:
    """Whether a target of ``pool`` is this project's: the same name (or the same but for years and
    brackets), or — as PERF-013 and PERF-014 pair them — the same amount and a name alike."""
    keys = name_keys(ctx)
    name = project.name
    exact, loose = keys.exact(name), keys.loose(name)
    if any(exact in group.exact or loose in group.loose for group in pool):
        return True
    table_unit = getattr(getattr(ctx.doc.tables, project.table), "unit", None) or ctx.doc.amount_unit
    return any(alike(t.project, name, _ALIKE) and any(sum_agrees(project.amount, (value,))
                                                             for value in _target_amounts(ctx, t, table_unit))
               for group in pool for t in group.targets)


@rule("PERF-016", "项目支出表中的项目没有绩效目标", severity=Severity.WARNING, requires=("performance",),
      en="A project of the project tables has no performance target")
def every_project_has_a_target(ctx: Context) -> Iterator[Finding]:
    """Where the document publishes project targets (项目支出绩效目标表, 项目绩效目标汇总表), every
    project of its project tables (一般公共预算项目支出情况表, 项目支出表) has one: a target of the
    same name under the same agency (a name that differs only in years or brackets is the same), or,
    as PERF-013 and PERF-014 pair them, a target of the same amount whose name is alike — the reverse
    of those rules, which report a target missing from the tables. A project whose target was not
    published is a warning: 绩效目标 are to be set for every project; a project carried over from
    last year (上年结转) is a note. A document that publishes no project target is not judged here
    (it may not have to: NARR-004 holds what the text says about them)."""
    performance = ctx.doc.performance
    assert performance is not None
    targets = performance.projects
    if not targets:
        return
    keys = name_keys(ctx)
    pools = _Pools(keys, targets)
    for project in _table_projects(ctx):
        if project.amount == 0:
            continue
        if _claimed(ctx, project, pools.of(None if project.agency is None else keys.exact(project.agency))):
            continue
        closest = nearest(project.name, [t.project for t in targets])
        hint = f"；名称最接近的绩效目标是“{closest}”" \
            if closest is not None and alike(project.name, closest, _ALIKE) else ""
        carried = "结转" in project.name
        owner = f"（{project.agency}）" if project.agency else ""
        yield ctx.finding(f"{ctx.table_name(project.table)}的项目“{project.name}”{owner}（{figure(project.amount)}）"
                          f"没有公开的项目绩效目标{hint}" + ("（上年结转项目，可能不另设绩效目标）" if carried else ""),
                          [Location(table=project.table, agency=project.agency, project=project.name,
                                    line_number=project.line_number)],
                          actual=project.amount, severity=Severity.INFO if carried else None)
