"""Scoring a performance target against actual results (绩效评分); see docs/performance-targets.md.

Each indicator earns a share of its weight under its 指标赋分规则:

* 按比例赋分 (按照正常比例赋分, 按照完成比例赋分): a floor (≥, >) earns 实际值 ÷ 指标值, a ceiling
  (≤, <) earns 指标值 ÷ 实际值, an exact target (=, or a bare number) earns the smaller of the two
  ratios; never more than the whole weight, and a result that meets the target earns all of it;
* 满意度赋分: as 按比例赋分 (a satisfaction rate is a floor);
* 按评判等级赋分: the grade of the result (:mod:`cnbudget.scoring.grades`);
* 直接赋分: all of the weight when the target is met, nothing otherwise.

The score is ``weight × share`` rounded half up to two decimals; the total is the sum of the
scores shown, so every figure can be checked by hand.

>>> from cnbudget.model import Indicator, ProjectTarget
>>> target = ProjectTarget(project="宣传经费", indicators=[
...     Indicator(level1="产出指标", level2="数量指标", name="宣传次数", target=">=8 次", weight="10",
...               scoring_rule="按照正常比例赋分")])
>>> card = score(target, {"宣传次数": "6 次"})
>>> card.total, card.steps[0].explanation
(Decimal('7.50'), '实际值 6 ÷ 指标值 8 = 75%')
"""

from __future__ import annotations

import calendar
import decimal
from collections.abc import Mapping
from decimal import Decimal

from cnbudget.decimals import in_own_context, make_context
from cnbudget.model import DepartmentTarget, Indicator, ProjectTarget
from cnbudget.money import round_half_up
from cnbudget.scoring.card import ScoreCard, ScoreStep
from cnbudget.scoring.grades import grade_for_ratio, grade_of
from cnbudget.target_scoring import ScoringMethod, default_method, read_method
from cnbudget.target_units import measure_of
from cnbudget.targets import Comparator, Deadline, TargetKind, TargetValue, parse_target
from cnbudget.text import normalize_width, squeeze_spaces

__all__ = ["score", "score_indicator"]

_ONE = Decimal(1)
_ZERO = Decimal(0)
# Ratios are exact to far more digits than any printed figure has; rounding happens once, at the end.
_PRECISE = make_context(50, decimal.ROUND_HALF_UP)


def _key(name: str) -> str:
    return squeeze_spaces(normalize_width(name))


def _percent(share: Decimal) -> str:
    value = round_half_up(share * 100, 2).normalize()
    return f"{value:f}%"


def _figure(value: Decimal) -> str:
    return f"{value.normalize():f}"


class _Outcome:
    """A share of the weight (``None``: not scored) and the reason, in Chinese."""

    __slots__ = ("reason", "share")

    def __init__(self, share: Decimal | None, reason: str) -> None:
        self.share = share
        self.reason = reason


def _proportion(comparator: Comparator, actual: Decimal, target: Decimal) -> tuple[Decimal, str]:
    """The share earned in proportion, with the arithmetic that gives it."""
    if comparator.holds(actual, target):
        return _ONE, f"实际值 {_figure(actual)} {'达到' if comparator is not Comparator.EQ else '等于'}指标值，得满分"
    if target <= 0 or actual < 0:
        return _ZERO, f"实际值 {_figure(actual)} 未达到指标值 {_figure(target)}，且无法按比例计算，不得分"
    if comparator in (Comparator.GE, Comparator.GT):
        ratio = min(_ONE, _PRECISE.divide(actual, target))
        return ratio, f"实际值 {_figure(actual)} ÷ 指标值 {_figure(target)} = {_percent(ratio)}"
    if actual == 0:
        return _ZERO, f"实际值为 0，无法与指标值 {_figure(target)} 相比，不得分"
    if comparator in (Comparator.LE, Comparator.LT):
        ratio = min(_ONE, _PRECISE.divide(target, actual))
        return ratio, f"指标值 {_figure(target)} ÷ 实际值 {_figure(actual)} = {_percent(ratio)}"
    ratio = min(_PRECISE.divide(actual, target), _PRECISE.divide(target, actual))
    small, large = sorted((actual, target))
    return ratio, f"偏离指标值：{_figure(small)} ÷ {_figure(large)} = {_percent(ratio)}"


def _in_target_unit(target: TargetValue, result: TargetValue, notes: list[str]) -> Decimal | None:
    assert result.number is not None
    wanted, given = measure_of(target.unit), measure_of(result.unit)
    if wanted is None or given is None:
        if given is None and wanted is not None:
            notes.append(f"实际值未写单位，按指标值单位 {target.unit} 计")
        return result.number
    if not wanted.comparable(given):
        return None
    if wanted.factor != given.factor:
        converted = _PRECISE.divide(result.number * given.factor, wanted.factor)
        notes.append(f"实际值 {result.raw.strip()} 折合 {_figure(converted)}{target.unit}")
        return converted
    return result.number


def _score_quantity(method: ScoringMethod, target: TargetValue, result: TargetValue, notes: list[str]) -> _Outcome:
    assert target.number is not None
    if result.kind is not TargetKind.QUANTITATIVE:
        return _Outcome(None, f"指标值是数值，实际完成值“{result.raw}”不是数值，无法评分")
    actual = _in_target_unit(target, result, notes)
    if actual is None:
        return _Outcome(None, f"单位不同：指标值 {target.unit}，实际完成值 {result.unit}，无法比较")
    comparator = target.comparator
    if comparator is None:
        comparator = Comparator.EQ
        notes.append("指标值未写比较符，按“=”计")
    ratio, arithmetic = _proportion(comparator, actual, target.number)
    if method is ScoringMethod.DIRECT:
        met = comparator.holds(actual, target.number)
        return _Outcome(_ONE if met else _ZERO, "达到指标值，得满分" if met else
                        f"实际值 {_figure(actual)} 未达到指标值 {comparator.value}{_figure(target.number)}，不得分")
    if method is ScoringMethod.GRADE:
        grade = grade_for_ratio(ratio)
        return _Outcome(grade, f"{arithmetic}；按完成比例评定等级，得 {_percent(grade)}")
    return _Outcome(ratio, arithmetic)


def _score_words(method: ScoringMethod, target: TargetValue, actual: str) -> _Outcome:
    grade = grade_of(actual, target.text)
    if grade is None:
        return _Outcome(None, f"无法判断“{actual.strip()}”属于哪一评判等级")
    if method is ScoringMethod.DIRECT:
        return _Outcome(_ONE if grade == _ONE else _ZERO,
                        "达到指标值，得满分" if grade == _ONE else "未完全达到指标值，不得分")
    return _Outcome(grade, f"“{actual.strip()}”评为得 {_percent(grade)} 的等级")


def _last_moment(deadline: Deadline, year: int | None) -> tuple[int, int, int]:
    # A date without a day means the whole month; a year missing on both sides compares months only.
    known_year = year if year is not None else 0
    last_day = calendar.monthrange(known_year or 2000, deadline.month)[1]
    return known_year, deadline.month, deadline.day if deadline.day is not None else last_day


def on_time(done: Deadline, limit: Deadline) -> bool:
    """Whether a result dated ``done`` meets the time limit ``limit``.

    前 is read as "by the end of": ``2024年12月31日前`` is met on 31 December, ``2024年5月前`` by
    the end of May. A date without a day stands for its whole month.

    >>> from cnbudget.targets import parse_target
    >>> limit = parse_target("2024年5月前").deadline
    >>> on_time(parse_target("2024年5月20日").deadline, limit), on_time(parse_target("2024年6月1日").deadline, limit)
    (True, False)
    """
    done_year = done.year if done.year is not None else limit.year
    limit_year = limit.year if limit.year is not None else done.year
    return _last_moment(done, done_year) <= _last_moment(limit, limit_year)


def _score_deadline(target: TargetValue, result: TargetValue, actual: str) -> _Outcome:
    assert target.deadline is not None
    if result.kind is TargetKind.DEADLINE:
        assert result.deadline is not None
        met = on_time(result.deadline, target.deadline)
        reason = f"{result.deadline}{'在' if met else '晚于'}时限 {target.deadline} {'之内' if met else ''}".rstrip()
    else:
        grade = grade_of(actual)
        if grade is None:
            return _Outcome(None, f"无法判断“{actual.strip()}”是否在时限 {target.deadline} 内完成")
        met = grade == _ONE
        reason = f"“{actual.strip()}”{'视为按时完成' if met else '视为未按时完成'}"
    return _Outcome(_ONE if met else _ZERO, reason + ("，得满分" if met else "，不得分"))


def _outcome(method: ScoringMethod, indicator: Indicator, actual: str, notes: list[str]) -> _Outcome:
    target = indicator.target
    if target.kind is TargetKind.UNPARSED:
        return _Outcome(None, f"指标值“{target.raw}”无法识别，无法评分")
    if target.kind is TargetKind.QUANTITATIVE:
        return _score_quantity(method, target, parse_target(actual), notes)
    if target.kind is TargetKind.QUALITATIVE:
        return _score_words(method, target, actual)
    return _score_deadline(target, parse_target(actual), actual)


# Wording and dates cannot be divided: a rule that asks for a proportion is applied as the nearest
# rule that can be.
_IN_PROPORTION = (ScoringMethod.PROPORTIONAL, ScoringMethod.SATISFACTION)
_FALLBACK = {
    TargetKind.QUALITATIVE: (ScoringMethod.GRADE, "定性指标"),
    TargetKind.DEADLINE: (ScoringMethod.DIRECT, "时限指标"),
}


def _applied(method: ScoringMethod, target: TargetValue, notes: list[str]) -> ScoringMethod:
    fallback = _FALLBACK.get(target.kind)
    if fallback is None or method not in _IN_PROPORTION:
        return method
    notes.append(f"{fallback[1]}无法采用{method.zh}，改用{fallback[0].zh}")
    return fallback[0]


@in_own_context
def score_indicator(indicator: Indicator, actual: str | None) -> ScoreStep:
    """Score one indicator against the printed actual result (``None``: no result given).

    >>> ind = Indicator(level1="满意度指标", name="满意度", target="≥90%", weight="10",
    ...                 scoring_rule="满意度赋分")
    >>> step = score_indicator(ind, "85.5%")
    >>> step.share, step.score, step.explanation
    (Decimal('0.95'), Decimal('9.50'), '实际值 85.5 ÷ 指标值 90 = 95%')
    """
    printed = read_method(indicator.scoring_rule)
    method = printed or default_method(indicator.target)
    notes: list[str] = []
    if printed is None:
        rule = "未写" if indicator.scoring_rule is None else f"“{indicator.scoring_rule}”无法识别"
        notes.append(f"赋分规则{rule}，采用{method.zh}")
    method = _applied(method, indicator.target, notes)
    if actual is None or not actual.strip():
        outcome = _Outcome(None, "未提供实际完成值")
    else:
        outcome = _outcome(method, indicator, actual, notes)
    share = None if outcome.share is None else round_half_up(outcome.share, 4).normalize()
    points: Decimal | None = None
    reason = "；".join([*notes, outcome.reason])
    if outcome.share is not None:
        if indicator.weight is None:
            reason += "；未印分值权重，不计分"
        else:
            points = round_half_up(indicator.weight * outcome.share, 2)
    return ScoreStep(
        indicator=indicator.name, level1=indicator.level1, level2=indicator.level2, weight=indicator.weight,
        method=method, target=indicator.target.raw, actual=actual, share=share, score=points, explanation=reason,
    )


@in_own_context
def score(target: ProjectTarget | DepartmentTarget, actuals: Mapping[str, str]) -> ScoreCard:
    """Score every indicator of ``target``; ``actuals`` maps indicator names (三级指标) to the
    printed actual results. Names are matched after width folding and white-space removal; an
    indicator printed twice under one name takes the same actual twice."""
    given = {_key(name): (name, value) for name, value in actuals.items()}
    used: set[str] = set()
    steps = []
    for indicator in target.indicators:
        key = _key(indicator.name)
        found = given.get(key)
        if found is not None:
            used.add(key)
        steps.append(score_indicator(indicator, None if found is None else found[1]))
    total = sum((s.score for s in steps if s.score is not None), _ZERO)
    weights = sum((i.weight for i in target.indicators if i.weight is not None), _ZERO)
    unmatched = tuple(name for key, (name, _) in given.items() if key not in used)
    return ScoreCard(steps=tuple(steps), total=total, weight_total=weights, unmatched=unmatched)
