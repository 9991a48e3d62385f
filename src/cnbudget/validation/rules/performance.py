"""Performance targets (绩效目标): indicator trees, weights, target values, funds.

The indicator rules (PERF-001 … PERF-008) are here; the rules that hold targets' funds against
each other and against the tables (PERF-009 … PERF-014) are in
:mod:`~cnbudget.validation.rules.performance_funds`, registered when this module is imported.

Local indicator schemes are reported, never rejected: a 一级/二级 pair outside the national
framework is a warning or a note. Weights must add up to one of :data:`ACCEPTED_WEIGHT_TOTALS`
(100, or 90 where 预算执行率 keeps the other 10 points outside the table); a tool that follows
another convention can change the constant.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

from cnbudget.model import DepartmentTarget, Indicator, ProjectTarget
from cnbudget.money import decimal_places
from cnbudget.target_scoring import ScoringMethod, read_method
from cnbudget.targets import Comparator, DeadlineBound, TargetKind, TargetValue
from cnbudget.validation.context import Context
from cnbudget.validation.findings import Finding, Severity
from cnbudget.validation.registry import rule
from cnbudget.validation.rules.performance_common import (
    Measures,
    Target,
    describe_indicator,
    names_read,
    place,
    targets,
    unit_measures,
    where,
)
from cnbudget.validation.rules.performance_framework import (
    FRAMEWORK,
    REQUIRED_LEVEL1,
    Pairing,
    level1_of,
    pairing,
    standard_level1,
)
from cnbudget.validation.rules.performance_words import (
    NamesRead,
    is_bounded_share,
    is_positive_rate,
    is_satisfaction,
    is_strictly_bounded,
    normalized,
)

__all__ = ["ACCEPTED_WEIGHT_TOTALS"]

#: The totals a target's indicator weights may add up to (分值权重合计): 100, or 90 where
#: 预算执行率 keeps 10 points outside the table. Assign another tuple to follow another convention.
ACCEPTED_WEIGHT_TOTALS: tuple[Decimal, ...] = (Decimal(100), Decimal(90))


# --- PERF-001 -----------------------------------------------------------------------------------------


def _pairing_message(target: Target, indicator: Indicator, kind: Pairing) -> tuple[str, Severity]:
    head = where(target)
    level1, level2 = indicator.level1, indicator.level2 or ""
    standard = standard_level1(level1)
    if kind is Pairing.LOCAL_LEVEL1:
        return (f"{head}：一级指标“{level1}”不在国家项目绩效指标体系（产出、成本、效益、满意度指标）之中，"
                f"按本地指标体系保留", Severity.INFO)
    expected = "、".join(FRAMEWORK[standard]) if standard else ""
    if kind is Pairing.REPEATS_LEVEL1:
        return (f"{head}：二级指标写作“{level2}”，与一级指标同名；国家指标体系中“{standard}”的二级指标为"
                f"{expected}", Severity.INFO)
    if kind is Pairing.LOCAL_LEVEL2:
        return (f"{head}：一级指标“{level1}”下的二级指标“{level2}”不在国家指标体系之中（应为{expected}）",
                Severity.INFO)
    owners = "、".join(level1_of(level2))
    return (f"{head}：二级指标“{level2}”在国家指标体系中属于“{owners}”，却列在一级指标“{level1}”之下"
            f"（三级指标“{indicator.name}”）", Severity.WARNING)


def _kind_of(indicator: Indicator) -> Pairing | None:
    if indicator.level2:
        return pairing(indicator.level1, indicator.level2)
    return Pairing.LOCAL_LEVEL1 if standard_level1(indicator.level1) is None else None


@rule("PERF-001", "指标层级与国家指标体系不符", severity=Severity.WARNING, requires=("performance",),
      en="Indicator levels depart from the national framework")
def level_pairing(ctx: Context) -> Iterator[Finding]:
    """Each 一级/二级 pair follows the national framework: 产出指标 → 数量/质量/时效指标 (成本指标 in
    some editions); 成本指标 → 经济/社会/生态环境成本指标; 效益指标 → 经济/社会/生态效益指标,
    可持续影响指标; 满意度指标 → 服务对象满意度指标. A framework 二级指标 under another 一级指标 is a
    warning; a local scheme (履职效能, 投入管理指标, 满意度指标 repeated as 二级) is a note (info), once
    per target and pair. A project target whose 一级指标 follow the framework has 产出指标 and
    效益指标 (note when one is missing)."""
    kinds: dict[tuple[str, str | None], Pairing | None] = {}  # forms repeat the same few pairs: each judged once
    for target in targets(ctx.doc):
        seen: set[tuple[str, str]] = set()
        for indicator in target.indicators:
            levels = (indicator.level1, indicator.level2)
            kind = kinds[levels] if levels in kinds else kinds.setdefault(levels, _kind_of(indicator))
            if kind is None or kind is Pairing.STANDARD:
                continue
            # A local 一级指标 is reported once, whatever its 二级指标.
            level2 = "" if kind is Pairing.LOCAL_LEVEL1 else normalized(indicator.level2 or "")
            pair = (normalized(indicator.level1), level2)
            if pair in seen:
                continue
            seen.add(pair)
            message, severity = _pairing_message(target, indicator, kind)
            yield ctx.finding(message, [place(target, "level2")], severity=severity)
        yield from _missing_level1(ctx, target)


def _missing_level1(ctx: Context, target: Target) -> Iterator[Finding]:
    if not isinstance(target, ProjectTarget) or not target.indicators:
        return
    present = {standard_level1(level1) for level1 in {i.level1 for i in target.indicators}}
    if present == {None}:
        return  # a wholly local scheme: nothing to hold against the framework
    missing = [level1 for level1 in REQUIRED_LEVEL1 if level1 not in present]
    if missing:
        yield ctx.finding(f"{where(target)}：没有{'、'.join(missing)}（国家指标体系中项目绩效目标应包含"
                          f"{'和'.join(REQUIRED_LEVEL1)}）", [place(target, "level1")], severity=Severity.INFO)


# --- PERF-002 -----------------------------------------------------------------------------------------


def _rounding_half_width(weights: list[Decimal]) -> Decimal:
    # Whole-number weights are exact by design (10, 15, 20); only weights printed with decimals
    # (33.33) stand for a rounded value.
    return sum((Decimal(5).scaleb(-places - 1) for w in weights if (places := decimal_places(w)) > 0),
               Decimal(0))


def _accepted_text(accepted: tuple[Decimal, ...]) -> str:
    text = " 或 ".join(f"{a}" for a in accepted)
    return text + ("（合计 90 时预算执行率另占 10 分）" if Decimal(90) in accepted else "")


@rule("PERF-002", "指标分值权重合计不符", severity=Severity.ERROR, requires=("performance",),
      en="Indicator weights do not add up")
def weights_total(ctx: Context) -> Iterator[Finding]:
    """The weights (分值权重) of a target's indicators add up to an accepted total:
    ``ACCEPTED_WEIGHT_TOTALS`` of :mod:`cnbudget.validation.rules.performance`, by default 100, or 90
    where 预算执行率 keeps 10 points outside the table. Whole-number weights are exact; weights
    printed with decimals stand for rounded values (info when the total fits only within rounding).
    Indicators without a weight beside weighted ones are a warning; a weight column printed as
    words, and one document mixing totals, are notes (info)."""
    accepted = ACCEPTED_WEIGHT_TOTALS
    conventions: Counter[Decimal] = Counter()
    for target in targets(ctx.doc):
        weights = [i.weight for i in target.indicators if i.weight is not None]
        worded = [i for i in target.indicators if i.weight is None and i.weight_text]
        blank = [i for i in target.indicators if i.weight is None and not i.weight_text]
        if worded:
            yield ctx.finding(f"{where(target)}：分值权重栏印的是文字“{worded[0].weight_text}”而不是分值"
                              f"（{len(worded)} 个指标），无法核对权重合计", [place(target, "weight")],
                              severity=Severity.INFO)
        if not weights:
            continue
        if blank:
            names = "、".join(i.name for i in blank[:3]) + ("等" if len(blank) > 3 else "")
            yield ctx.finding(f"{where(target)}：{len(blank)} 个指标没有分值权重（{names}），其余指标有",
                              [place(target, "weight")], severity=Severity.WARNING)
            continue
        yield from _judge_weights(ctx, target, weights, accepted, conventions)
    if len(conventions) > 1:
        counts = "，".join(f"合计 {total} 的 {n} 张" for total, n in sorted(conventions.items(), reverse=True))
        yield ctx.finding(f"各绩效目标表的分值权重合计口径不一：{counts}", [], severity=Severity.INFO)


def _judge_weights(ctx: Context, target: Target, weights: list[Decimal], accepted: tuple[Decimal, ...],
                   conventions: Counter[Decimal]) -> Iterator[Finding]:
    total = sum(weights, Decimal(0))
    if total in accepted:
        conventions[next(a for a in accepted if a == total)] += 1
        return
    if not accepted:
        return
    nearest = min(accepted, key=lambda a: (abs(a - total), -a))
    half = _rounding_half_width(weights)
    if abs(nearest - total) <= half:
        conventions[nearest] += 1
        yield ctx.finding(f"{where(target)}：指标分值权重合计 {total}，与 {nearest} 相差 {abs(nearest - total)}，"
                          f"在权重数字的四舍五入误差之内", [place(target, "weight")],
                          expected=nearest, actual=total, severity=Severity.INFO)
        return
    yield ctx.finding(f"{where(target)}：{len(weights)} 个指标的分值权重合计 {total}，应为 "
                      f"{_accepted_text(accepted)}", [place(target, "weight")], expected=nearest, actual=total)


# --- PERF-003, PERF-004 -------------------------------------------------------------------------------


@rule("PERF-003", "比率类指标的比较方向不当", severity=Severity.WARNING, requires=("performance",),
      en="Rate indicator compares in the wrong direction")
def comparator_sense(ctx: Context) -> Iterator[Finding]:
    """A rate that should be high (满意度, 覆盖率, 及时率, 合格率, 完成率, 知晓率, 到位率, …) is targeted
    with a floor (≥, >, =), not a ceiling (≤, <). Rates that should be low (投诉率, 差错率, 预算调整率,
    结转结余率, 控制率) and names that do not say which way a rate should go are left alone."""
    for target in targets(ctx.doc):
        for indicator in target.indicators:
            value = indicator.target
            if value.comparator not in (Comparator.LE, Comparator.LT) or not is_positive_rate(indicator.name):
                continue
            yield ctx.finding(
                f"{where(target)}：指标“{describe_indicator(indicator)}”应当越高越好，指标值却写作"
                f"“{value.raw.strip()}”（{value.comparator.zh}）；应为“≥{value.number}{value.unit or ''}”之类的下限",
                [place(target, "target")])


def _percent(value: TargetValue, read_unit: Measures) -> Decimal | None:
    measure = read_unit(value.unit)
    if value.kind is not TargetKind.QUANTITATIVE or measure is None or measure.base != "%":
        return None
    assert value.number is not None
    return value.number * measure.factor


def _impossible(name: str, value: TargetValue, read_unit: Measures, *,
                as_target: bool) -> tuple[str, Severity] | None:
    number = _percent(value, read_unit)
    if number is None:
        return None
    comparator = value.comparator if as_target else None
    if number < 0 or (number == 0 and comparator is Comparator.LT):
        if is_satisfaction(name) or is_bounded_share(name):
            return "低于 0%", Severity.ERROR
        return None
    above = number > 100 or (number == 100 and comparator is Comparator.GT)
    if not above or comparator in (Comparator.LE, Comparator.LT):
        return None  # a ceiling above 100% says nothing impossible
    if is_satisfaction(name) or is_strictly_bounded(name):
        return "超过 100%", Severity.ERROR
    if is_bounded_share(name):
        return "超过 100%", Severity.WARNING
    return None


@rule("PERF-004", "比率类指标值超出可能范围", severity=Severity.ERROR, requires=("performance",),
      en="Rate indicator target out of range")
def percentage_range(ctx: Context) -> Iterator[Finding]:
    """A share of a whole lies between 0% and 100%: a satisfaction, coverage, timeliness,
    qualification or budget-execution rate targeted (or achieved last year) above 100% or below 0%
    is an error; another rate or share above 100% is a warning (参保率 against 常住人口, or 完成率
    of an over-fulfilled plan, can be). Growth rates, and ceilings such as ≤120%, are left alone."""
    read_unit = unit_measures(ctx)
    for target in targets(ctx.doc):
        for indicator in target.indicators:
            checks = [("target", "指标值", indicator.target, True)]
            if indicator.prior_actual is not None:
                checks.append(("prior_actual", "上年完成值", indicator.prior_actual, False))
            for column, label, value, as_target in checks:
                problem = _impossible(indicator.name, value, read_unit, as_target=as_target)
                if problem is None:
                    continue
                what, severity = problem
                yield ctx.finding(f"{where(target)}：指标“{describe_indicator(indicator)}”的{label}"
                                  f"“{value.raw.strip()}”{what}，比率不可能如此", [place(target, column)],
                                  actual=_percent(value, read_unit), severity=severity)


# --- PERF-005 -----------------------------------------------------------------------------------------


def _unit_pair(target: Target, indicator: Indicator, read_unit: Measures) -> tuple[str, Severity] | None:
    value, prior = indicator.target, indicator.prior_actual
    if prior is None or value.kind is not TargetKind.QUANTITATIVE or prior.kind is not TargetKind.QUANTITATIVE:
        return None
    wanted, given = read_unit(value.unit), read_unit(prior.unit)

    def head() -> str:  # written only for a pair that disagrees (most agree)
        return (f"{where(target)}：指标“{describe_indicator(indicator)}”的指标值“{value.raw.strip()}”"
                f"与上年完成值“{prior.raw.strip()}”")

    if wanted is not None and given is not None:
        if not wanted.comparable(given):
            return f"{head()}计量单位不同（{value.unit} 与 {prior.unit}），无法比较", Severity.WARNING
        if wanted.factor != given.factor:
            return f"{head()}计量单位的数量级不同（{value.unit} 与 {prior.unit}）", Severity.INFO
        return None
    if (wanted is None) != (given is None) and prior.number != 0 and value.number != 0:
        return f"{head()}一个写了计量单位、一个没有", Severity.INFO
    return None


def _name_versus_target(target: Target, indicator: Indicator, read_unit: Measures,
                        names: NamesRead) -> tuple[str, Severity] | None:
    value = indicator.target
    printed = names.unit(indicator.name)
    named, wanted = read_unit(printed), read_unit(value.unit)
    if named is None or wanted is None or not named.is_known or value.kind is not TargetKind.QUANTITATIVE:
        return None
    # 个人人均缴费标准(元) with 380 元/人: the name gives the money, the value the money per person.
    same_kind = named.comparable(wanted) or ("/" not in named.base and named.head == wanted.head)
    if same_kind and named.factor == wanted.factor:
        return None  # the message is written only where the units disagree
    head = f"{where(target)}：指标“{indicator.name}”名称中标明单位“{printed}”，指标值“{value.raw.strip()}”"
    if not same_kind:
        return f"{head}却以“{value.unit}”计", Severity.WARNING
    return f"{head}以“{value.unit}”计，数量级不同", Severity.INFO


def _fractional_count(target: Target, indicator: Indicator, read_unit: Measures,
                      names: NamesRead) -> Iterator[tuple[str, Severity, str]]:
    values = [("target", "指标值", indicator.target)]
    if indicator.prior_actual is not None:
        values.append(("prior_actual", "上年完成值", indicator.prior_actual))
    for column, label, value in values:
        measure = read_unit(value.unit)
        if value.kind is not TargetKind.QUANTITATIVE or measure is None or not measure.is_count:
            continue
        assert value.number is not None
        # The name is read only for a fraction of a count (most counts are whole numbers).
        if (value.number * measure.factor) % 1:
            if names.is_average(indicator.name):
                return  # 人均就诊次数 1.5 次 is an average, not a count
            yield (f"{where(target)}：指标“{describe_indicator(indicator)}”的{label}“{value.raw.strip()}”"
                   f"以“{value.unit}”计却不是整数，单位可能有误", Severity.WARNING, column)


@rule("PERF-005", "指标值计量单位不一致", severity=Severity.WARNING, requires=("performance",),
      en="Indicator target units disagree")
def units(ctx: Context) -> Iterator[Finding]:
    """A target value and last year's actual are in the same unit (=1 人 against 1 次 is a warning;
    万人 against 人, or a unit on one side only, a note); the unit printed in brackets after the
    indicator's name (参保人数(人)) is the unit of its target value; a count of whole things
    (人, 次, 个, 万人 …) is a whole number (9.54 人 is a warning; averages such as 人均就诊次数 are
    not counts)."""
    measures = unit_measures(ctx)
    names = names_read(ctx)
    for target in targets(ctx.doc):
        for indicator in target.indicators:
            for found in (_unit_pair(target, indicator, measures),
                          _name_versus_target(target, indicator, measures, names)):
                if found is not None:
                    message, severity = found
                    yield ctx.finding(message, [place(target, "target")], severity=severity)
            for message, severity, column in _fractional_count(target, indicator, measures, names):
                yield ctx.finding(message, [place(target, column)], severity=severity,
                                  actual=indicator.target.number if column == "target" else None)


# --- PERF-006 -----------------------------------------------------------------------------------------


def _outside_year(value: TargetValue, year: int) -> bool:
    deadline = value.deadline
    if value.kind is not TargetKind.DEADLINE or deadline is None or deadline.year is None:
        return False
    if deadline.year == year:
        return False
    # "2025年1月1日前" ends the 2024 budget year.
    return not (deadline.year == year + 1 and deadline.month == 1 and deadline.day in (None, 1)
                and deadline.bound is DeadlineBound.BEFORE)


@rule("PERF-006", "时限不在预算年度内", severity=Severity.WARNING, requires=("performance",),
      en="Deadline outside the budget year")
def deadlines_in_year(ctx: Context) -> Iterator[Finding]:
    """A deadline printed as a target (2024年12月31日前) falls in the budget year (预算年度); a deadline
    in another year (copied from last year's form, or beyond the year the money is for) is a
    warning. 次年1月1日前 closes the budget year and is accepted."""
    year = ctx.doc.fiscal_year
    for target in targets(ctx.doc):
        for indicator in target.indicators:
            if _outside_year(indicator.target, year):
                yield ctx.finding(f"{where(target)}：指标“{describe_indicator(indicator)}”的时限"
                                  f"“{indicator.target.raw.strip()}”不在预算年度 {year} 年内",
                                  [place(target, "target")])


# --- PERF-007 -----------------------------------------------------------------------------------------


def _same_target(a: Target, b: Target) -> bool:
    return (isinstance(a, ProjectTarget) and isinstance(b, ProjectTarget) and a.title == b.title
            and a.funds.total == b.funds.total)


@rule("PERF-007", "重复的绩效指标或绩效目标表", severity=Severity.WARNING, requires=("performance",),
      en="Repeated indicator or performance target")
def duplicates(ctx: Context) -> Iterator[Finding]:
    """An indicator name appears once in a target (names compared without white space and without a
    bracketed unit, so 推进可持续发展(万元) repeats 推进可持续发展); a project's target form appears
    once per agency."""
    seen_projects: dict[tuple[str, str], Target] = {}
    read = names_read(ctx)
    for target in targets(ctx.doc):
        names = Counter(read.base(i.name) for i in target.indicators)
        for name, count in names.items():
            if count < 2:
                continue
            rows = [i for i in target.indicators if read.base(i.name) == name]
            identical = len({(normalized(i.level1), normalized(i.level2 or ""), i.target.raw) for i in rows}) == 1
            levels = "；".join(describe_indicator(i) for i in rows)
            what = "完全相同，重复列出" if identical else f"出现 {count} 次：{levels}"
            yield ctx.finding(f"{where(target)}：指标“{name}”{what}", [place(target, "name")])
        if isinstance(target, DepartmentTarget):
            continue
        key = (normalized(target.agency or ""), normalized(target.project))
        earlier = seen_projects.get(key)
        if earlier is not None and _same_target(earlier, target):
            yield ctx.finding(f"{where(target)}：同一项目的绩效目标表出现了两次", [place(target)])
        seen_projects.setdefault(key, target)


# --- PERF-008 -----------------------------------------------------------------------------------------


@rule("PERF-008", "赋分规则与指标值类型不符", severity=Severity.WARNING, requires=("performance",),
      en="Scoring rule does not fit the target type")
def scoring_rule_fits(ctx: Context) -> Iterator[Finding]:
    """A rule that scores in proportion (按照正常比例赋分, 按照完成比例赋分, 满意度赋分) needs a number
    to divide: an indicator whose target is wording (提升, 有效保障) or a deadline cannot be scored so
    (按评判等级赋分 or 直接赋分 fit it)."""
    for target in targets(ctx.doc):
        for indicator in target.indicators:
            method = read_method(indicator.scoring_rule)
            kind = indicator.target.kind
            if method not in (ScoringMethod.PROPORTIONAL, ScoringMethod.SATISFACTION):
                continue
            if kind not in (TargetKind.QUALITATIVE, TargetKind.DEADLINE):
                continue
            yield ctx.finding(f"{where(target)}：指标“{describe_indicator(indicator)}”的指标值“"
                              f"{indicator.target.raw.strip()}”是{kind.zh}目标，赋分规则却是“{indicator.scoring_rule}”，"
                              f"无法按比例计算", [place(target, "scoring_rule")])


# Registered after the indicator rules, so that the rule reference lists them in id order.
