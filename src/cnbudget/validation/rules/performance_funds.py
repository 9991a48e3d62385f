"""Performance targets' funds (绩效目标资金): the funds of a target add up, the Henan summary's
subtotals are the sums of their projects, cost indicators fit within the funds, the department's
budget agrees with the budget tables, and each project target is found in the project tables.

These rules belong to the PERF family; :mod:`cnbudget.validation.rules.performance` registers them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal

import attrs

from cnbudget.model import (
    FundsSubtotal,
    Indicator,
    ProjectLine,
    ProjectTarget,
    SummaryRole,
)
from cnbudget.model.fields import zh_label
from cnbudget.money import (
    AmountUnit,
    Consistency,
    Interval,
    check_sum,
    convert,
    decimal_places,
    digits_swapped,
    sum_agrees,
)
from cnbudget.target_units import Measure
from cnbudget.targets import Comparator, TargetKind
from cnbudget.validation.context import Context
from cnbudget.validation.findings import Finding, Location, Severity
from cnbudget.validation.registry import rule
from cnbudget.validation.rules.performance_common import (
    Measures,
    describe_indicator,
    place,
    targets,
    unit_measures,
    where,
)
from cnbudget.validation.rules.performance_composition import FUNDS_IDENTITIES, annual_budget, composition_findings
from cnbudget.validation.rules.performance_projects import NameKeys, alike, by_agency, name_keys, nearest
from cnbudget.validation.rules.performance_words import is_cost

__all__ = ["FUNDS_IDENTITIES"]

def _plain(value: Decimal) -> str:
    """A figure for a message, without an exponent even after a change of unit (1.2亿元 → 12,000)."""
    return f"{value:,f}"


def _label(record: object, name: str) -> str:
    return zh_label(attrs.fields_dict(type(record))[name])  # type: ignore[arg-type]


def _subtotal_where(subtotal: FundsSubtotal) -> str:
    name = " ".join(part for part in (subtotal.agency_code, subtotal.agency) if part) or "合计"
    return f"项目绩效目标汇总表 {name} 小计"


def _subtotal_place(subtotal: FundsSubtotal, column: str | None = None) -> Location:
    return Location(table="project_targets_summary", agency=subtotal.agency, code=subtotal.agency_code,
                    column=column)


@rule("PERF-009", "绩效目标资金构成不平", severity=Severity.ERROR, requires=("performance",),
      en="Performance target funds do not balance")
def funds_add_up(ctx: Context) -> Iterator[Finding]:
    """A project target's 年度预算总额 = 财政拨款 + 其他资金, + 上年结转资金 where printed (and, in the
    Henan summary, 资金总额 = 政府预算资金 + 财政专户管理资金 + 单位资金, for projects and subtotals
    alike); where the form prints the funds of the project's whole life (Shanghai), 项目资金总额 =
    财政资金 + 其他资金, and the year's funds lie within them (年度资金申请总额 ≤ 项目资金总额, 当年财政拨款
    ≤ 财政资金, 其他资金 ≤ 其他资金). The department-wide target's 资金总额 = 上级安排 + 本级安排 +
    其他资金, and = 基本支出 + 项目支出 where printed. A part printed larger than a whole it belongs
    to is one finding, which lists the identities it breaks."""
    for target in targets(ctx.doc):
        yield from composition_findings(ctx, target.funds, where(target), place(target))
    assert ctx.doc.performance is not None
    for subtotal in ctx.doc.performance.subtotals:
        yield from composition_findings(ctx, subtotal.funds, _subtotal_where(subtotal), _subtotal_place(subtotal))


# --- PERF-010 -----------------------------------------------------------------------------------------

_PROJECT_FUND_COLUMNS = ("total", "fiscal", "other", "gov_budget", "special_account", "agency_funds")


def _members(keys: NameKeys, subtotal: FundsSubtotal, projects: tuple[ProjectTarget, ...]) -> list[ProjectTarget]:
    if subtotal.agency is None:
        return list(projects)  # the department's line: every project of every unit
    agency = keys.exact(subtotal.agency)
    return [p for p in projects if p.agency is not None and keys.exact(p.agency) == agency]


@rule("PERF-010", "项目绩效目标汇总表小计不等于所属项目之和", severity=Severity.ERROR, requires=("performance",),
      en="Project target summary: subtotal = sum of its projects")
def summary_subtotals(ctx: Context) -> Iterator[Finding]:
    """In 项目绩效目标汇总表, a unit's subtotal line (单位编码, 单位名称) is the sum of that unit's
    projects, and the department's line (部门编码 alone) the sum of all projects, column by column
    (资金总额, 政府预算资金, 财政专户管理资金, 单位资金)."""
    assert ctx.doc.performance is not None
    projects = ctx.doc.performance.projects
    for subtotal in ctx.doc.performance.subtotals:
        members = _members(name_keys(ctx), subtotal, projects)
        if not members:
            continue
        for column in _PROJECT_FUND_COLUMNS:
            total = getattr(subtotal.funds, column)
            parts = [getattr(p.funds, column) for p in members]
            if total is None or any(part is None for part in parts):
                continue
            found = ctx.check_sum(total, parts, where=_subtotal_where(subtotal),
                                  what=f"{_label(subtotal.funds, column)} = 所属 {len(members)} 个项目之和",
                                  locations=[_subtotal_place(subtotal, column)])
            if found is not None:
                yield found


# --- PERF-011 -----------------------------------------------------------------------------------------


def _money(indicator: Indicator, read_unit: Measures) -> tuple[Measure, Decimal] | None:
    value = indicator.target
    measure = read_unit(value.unit)
    if value.kind is not TargetKind.QUANTITATIVE or measure is None or value.number is None:
        return None
    return measure, value.number


def _cost_amounts(indicators: Iterable[Indicator], unit: AmountUnit,
                  read_unit: Measures) -> list[tuple[Indicator, Decimal]]:
    found = []
    for indicator in indicators:
        money = _money(indicator, read_unit)
        if money is not None and money[0].is_money and is_cost(indicator.level1, indicator.level2):
            found.append((indicator, money[0].in_amount_unit(money[1], unit)))
    return found


def _is_floor(indicator: Indicator) -> bool:
    return indicator.target.comparator in (Comparator.GE, Comparator.GT)


def _costs_against_total(ctx: Context, target: ProjectTarget, total: Decimal) -> Iterator[Finding]:
    unit = target.unit or ctx.doc.amount_unit  # the form's funds are in its own unit
    costs = _cost_amounts(target.indicators, unit, unit_measures(ctx))
    head = where(target)
    for indicator, amount in costs:
        if _is_floor(indicator) and not sum_agrees(amount, (total,)) and amount > total:
            yield ctx.finding(f"{head}：成本指标“{describe_indicator(indicator)}”的下限“{indicator.target.raw.strip()}”"
                              f"（{_plain(amount)} {unit.zh}）超过年度预算总额 {_plain(total)} {unit.zh}",
                              [place(target, "target")], expected=total, actual=amount)
    stated = [(indicator, amount) for indicator, amount in costs if not _is_floor(indicator)]
    if not stated:
        return
    if len(stated) > 1 and any(sum_agrees(amount, (total,)) for _, amount in stated):
        return  # one cost is the whole project (总成本); the others are parts of it, not additions
    amounts = [amount for _, amount in stated]
    result = check_sum(total, amounts)
    names = "、".join(i.name for i, _ in stated)
    what = f"成本指标（{names}）合计 {_plain(result.parts_sum)} {unit.zh}，年度预算总额 {_plain(total)} {unit.zh}"
    if result.status is Consistency.WITHIN_ROUNDING:
        yield ctx.finding(f"{head}：{what}，相差 {_plain(abs(result.difference))}，在四舍五入误差之内",
                          [place(target, "total")], expected=result.parts_sum, actual=total, severity=Severity.INFO)
    elif result.status is Consistency.INCONSISTENT and result.parts_sum > total:
        yield ctx.finding(f"{head}：{what}，成本超过了项目资金", [place(target, "total")],
                          expected=result.parts_sum, actual=total)


def _printed_range(number: Decimal, measure: Measure) -> Interval:
    # A whole number of a base unit (30 元/人, 204000 人) is a standard or a count: exact. A figure
    # with decimals, or in 万 (100.47 万人), is rounded to its last digit.
    if measure.factor == 1 and decimal_places(number) <= 0:
        return Interval(number, number)
    return Interval.of_printed(number)


def _per_capita(ctx: Context, target: ProjectTarget, total: Decimal) -> Iterator[Finding]:
    read_unit = unit_measures(ctx)
    money_costs = [i for i in target.indicators
                   if is_cost(i.level1, i.level2) and (m := _money(i, read_unit)) is not None
                   and (m[0].is_money or m[0].is_money_per_person)]
    if len(money_costs) != 1:
        return  # several standards (个人缴费, 财政补助) do not say which one the funds pay
    standard = money_costs[0]
    measure_and_number = _money(standard, read_unit)
    assert measure_and_number is not None
    rate_measure, rate = measure_and_number
    if not rate_measure.is_money_per_person:
        return
    counts = [i for i in target.indicators
              if not is_cost(i.level1, i.level2) and (m := _money(i, read_unit)) is not None and m[0].base == "人"]
    if len(counts) != 1:
        return
    counted = _money(counts[0], read_unit)
    assert counted is not None
    count_measure, count = counted
    unit = target.unit or ctx.doc.amount_unit
    money = Measure(rate_measure.factor, "元")

    def amount(per_head: Decimal, heads: Decimal) -> Decimal:
        return money.in_amount_unit(per_head * heads * count_measure.factor, unit)

    product = amount(rate, count)
    rate_range, count_range = _printed_range(rate, rate_measure), _printed_range(count, count_measure)
    possible = Interval(amount(rate_range.low, count_range.low), amount(rate_range.high, count_range.high))
    if product == total:
        return
    definite = all(i.target.comparator in (None, Comparator.EQ) for i in (standard, counts[0]))
    agrees = possible.overlaps(Interval.of_printed(total))
    arithmetic = (f"{_head_of(standard)} × {_head_of(counts[0])} = {_plain(product.normalize())} {unit.zh}，"
                  f"年度预算总额 {_plain(total)} {unit.zh}")
    if agrees:
        message, severity = f"{where(target)}：{arithmetic}，在四舍五入误差之内", Severity.INFO
    elif definite:
        message, severity = f"{where(target)}：{arithmetic}，人均标准乘以人数与项目资金不符", Severity.WARNING
    else:
        message, severity = (f"{where(target)}：{arithmetic}，人均标准乘以人数与项目资金不同（指标值为上下限，"
                             f"仅供参考）", Severity.INFO)
    yield ctx.finding(message, [place(target, "total")], expected=product, actual=total, severity=severity)


def _head_of(indicator: Indicator) -> str:
    # An indicator and its target as a message shows them: 补助标准 =30元/人/年.
    return f"{indicator.name} {indicator.target.raw.strip()}"


@rule("PERF-011", "成本指标与项目资金不符", severity=Severity.WARNING, requires=("performance",),
      en="Cost indicator disagrees with the project funds")
def costs_within_funds(ctx: Context) -> Iterator[Finding]:
    """A project's cost indicators in money (成本指标, 元/万元/亿元) fit within its 年度预算总额: the
    costs stated exactly or as ceilings add up to no more than the funds (agreement within rounding
    is a note; when one of them equals the funds, the others are taken as its parts), and a cost
    floor (≥) does not exceed them. A single per-capita standard times the number of people
    covered (30 元/人/年 × 204000 人 = 612 万元) equals the funds when both are stated exactly (=, or
    a bare number); when either is a bound, a difference is a note. A whole number of a base unit
    (30 元/人, 204000 人) is exact; a figure with decimals or in 万 (100.47 万人) stands for its
    rounding interval."""
    for target in targets(ctx.doc):
        if not isinstance(target, ProjectTarget) or target.funds.total is None:
            continue
        yield from _costs_against_total(ctx, target, target.funds.total)
        yield from _per_capita(ctx, target, target.funds.total)


# --- PERF-012 -----------------------------------------------------------------------------------------


@rule("PERF-012", "部门整体绩效目标资金与预算总额不符", severity=Severity.WARNING, requires=("performance", "summary"),
      en="Department-wide target funds disagree with the budget total")
def department_funds_match_budget(ctx: Context) -> Iterator[Finding]:
    """The department-wide target's 年度预算 (资金总额, or 上级安排 + 本级安排 + 其他资金) equals the
    budget total of 收支总体情况表: 收入总计, or 本年收入合计 (or the expenditure side's totals), as
    whichever convention the document follows. A 年度预算 that is one of them with two digits swapped
    (2,018.55 for 2,081.55) is an error: a slip of the pen, which no convention explains."""
    assert ctx.doc.performance is not None and ctx.doc.tables.summary is not None
    department = ctx.doc.performance.department
    if department is None:
        return
    stated = annual_budget(department.funds)
    summary = ctx.doc.tables.summary
    lines = [line for line in (*summary.revenue, *summary.expenditure)
             if line.role in (SummaryRole.TOTAL, SummaryRole.CURRENT_YEAR)]
    if stated is None or not lines:
        return
    label, parts = stated
    results = [(line, check_sum(line.amount, parts)) for line in lines]
    if any(result.status is Consistency.EXACT for _, result in results):
        return
    close = [(line, result) for line, result in results if result.status is Consistency.WITHIN_ROUNDING]
    swapped = [(line, result) for line, result in results if digits_swapped(sum(parts, Decimal(0)), line.amount)]
    line, result = close[0] if close else (swapped or results)[0]
    found = ctx.judge(result, where=f"{where(department)} 年度预算",
                      what=f"{ctx.table_name('summary')}的{line.name} = 部门整体绩效目标的{label}",
                      locations=[place(department, "total"), Location(table="summary", column=line.name)])
    if found is not None and swapped and not close:  # a slip of the pen, whatever the convention: an error
        found = attrs.evolve(found, message=f"{found.message}（两位数字颠倒）", severity=Severity.ERROR)
    if found is not None:
        yield found


# --- PERF-013, PERF-014 ------------------------------------------------------------------------------


@attrs.frozen
class _TableProject:
    """A project of a project table, its rows (one per function code) added together."""

    name: str
    agency: str | None
    amount: Decimal


def _table_projects(keys: NameKeys, rows: Iterable[tuple[str, str | None, Decimal]]) -> list[_TableProject]:
    merged: dict[tuple[str, str], _TableProject] = {}
    for name, agency, amount in rows:
        key = (keys.exact(agency or ""), keys.exact(name))
        if key in merged:
            earlier = merged[key]
            merged[key] = attrs.evolve(earlier, amount=earlier.amount + amount)
        else:
            merged[key] = _TableProject(name=name, agency=agency, amount=amount)
    return list(merged.values())


class _Pool:
    """The projects a target is looked for among, each name's keys (:class:`NameKeys`) indexed once:
    every target of a run is held against the same few pools, so each is gone through once."""

    __slots__ = ("by_bare", "by_exact", "by_loose", "projects")

    def __init__(self, keys: NameKeys, projects: list[_TableProject]) -> None:
        self.projects = projects
        self.by_exact = _indexed(projects, keys.exact)
        self.by_loose = _indexed(projects, keys.loose)
        self.by_bare = _indexed(projects, keys.bare)


def _indexed(projects: list[_TableProject], key_of: Callable[[str], str]) -> dict[str, list[_TableProject]]:
    """The projects by the key of their names, each key's in the pool's order."""
    by_key: dict[str, list[_TableProject]] = {}
    for project in projects:
        by_key.setdefault(key_of(project.name), []).append(project)
    return by_key


def _match_projects(ctx: Context, table: str, projects: list[_TableProject],
                    amount_of: dict[str, str]) -> Iterator[Finding]:
    title = ctx.table_name(table)
    table_unit = getattr(getattr(ctx.doc.tables, table), "unit", None) or ctx.doc.amount_unit
    keys = name_keys(ctx)
    of_agency = by_agency(keys, projects, lambda project: project.agency)
    pools: dict[str | None, _Pool] = {}  # by the agency's key (None: no agency named)
    every: _Pool | None = None  # the pool of all the projects, made once for every agency that has none
    for target in targets(ctx.doc):
        if not isinstance(target, ProjectTarget):
            continue
        column = next((c for c in amount_of if getattr(target.funds, c) is not None), None)
        amount = None if column is None else getattr(target.funds, column)
        if amount is None or amount == 0:
            continue  # no money of this kind, so nothing to find in this table
        # A form and a table may each print their own unit; compare in the table's.
        amount = convert(amount, target.unit or ctx.doc.amount_unit, table_unit)
        label = amount_of[column]  # type: ignore[index]
        agency = None if target.agency is None else keys.exact(target.agency)
        if agency not in pools:  # the projects of the target's agency, where the table has any; else all
            mine = of_agency.get(agency) if agency is not None else None
            if mine:
                pools[agency] = _Pool(keys, mine)
            else:
                every = pools[agency] = every or _Pool(keys, projects)
        yield from _match_one(ctx, target, amount, label, title, table, pools[agency])


def _match_one(ctx: Context, target: ProjectTarget, amount: Decimal, label: str, title: str, table: str,
               pool: _Pool) -> Iterator[Finding]:
    head = where(target)
    locations = [place(target, "project"), Location(table=table, agency=target.agency, project=target.project)]
    keys = name_keys(ctx)
    exact = pool.by_exact.get(keys.exact(target.project), [])
    loose = pool.by_loose.get(keys.loose(target.project), [])
    bare = pool.by_bare.get(keys.bare(target.project), [])
    if exact or loose or len(bare) == 1:  # a bracketed note names one project only where one matches
        found = (exact or loose or bare)[0]
        if not exact:
            yield ctx.finding(f"{head}：项目名称与{title}的“{found.name}”略有不同", locations, severity=Severity.INFO)
        judged = ctx.check_equal(amount, found.amount, where=head,
                                 what=f"{label} = {title}“{found.name}”的金额", locations=locations)
        if judged is not None:
            yield judged
        return
    same_amount = [p for p in pool.projects if sum_agrees(amount, (p.amount,))]
    candidate = nearest(target.project, [p.name for p in same_amount])
    if candidate is not None and alike(target.project, candidate, 0.4):
        yield ctx.finding(f"{head}：{title}中没有这个项目名称；金额相同（{_plain(amount)}）且名称最接近的是"
                          f"“{candidate}”，两处名称不一致", locations, expected=amount, actual=amount)
        return
    closest = nearest(target.project, [p.name for p in pool.projects])
    hint = f"，名称最接近的是“{closest}”" if closest is not None else f"，{title}中没有项目"
    carried = "结转" in target.project
    yield ctx.finding(f"{head}：{label} {_plain(amount)}，在{title}中找不到这个项目{hint}"
                      + ("（上年结转项目，可能不列入本表）" if carried else ""),
                      locations, actual=amount, severity=Severity.INFO if carried else None)


@rule("PERF-013", "项目绩效目标与一般公共预算项目支出表不符", severity=Severity.WARNING,
      requires=("performance", "general_budget_projects"),
      en="Project targets disagree with the general budget project table")
def targets_in_general_budget_projects(ctx: Context) -> Iterator[Finding]:
    """Each project target with 财政拨款 (or, without that column, a 年度预算总额) is a project of
    一般公共预算项目支出情况表 under the same agency, and its amount equals the project's 项目支出合计
    (rows of one project under several function codes added). A name that differs only in years or
    brackets, or only in a note it prints in brackets (…补助资金(医疗保障服务能力建设部分)), is a note;
    a different name is reported with the table's nearest name (by amount, then
    by wording); a carried-over project (上年结转) missing from the table is a note."""
    table = ctx.doc.tables.general_budget_projects
    assert table is not None
    rows = [(line.project, line.agency, line.amounts.total) for line in table.lines if line.project]
    yield from _match_projects(ctx, "general_budget_projects", _table_projects(name_keys(ctx), rows),
                               {"fiscal": "财政拨款", "total": "年度预算总额"})


def _project_rows(lines: Iterable[ProjectLine]) -> Iterator[tuple[str, str | None, Decimal]]:
    for line in lines:
        name = line.project or (line.name if line.project_type is not None else None)
        if name:
            yield name, line.agency, line.amounts.total


@rule("PERF-014", "项目绩效目标与项目支出表不符", severity=Severity.WARNING, requires=("performance", "projects"),
      en="Project targets disagree with the project table")
def targets_in_project_table(ctx: Context) -> Iterator[Finding]:
    """Each project target is a project of 项目支出表 (Henan template) under the same agency, and its
    资金总额 equals the project's 合计; names are compared as for PERF-013."""
    table = ctx.doc.tables.projects
    assert table is not None
    yield from _match_projects(ctx, "projects", _table_projects(name_keys(ctx), _project_rows(table.lines)),
                               {"total": "资金总额"})

