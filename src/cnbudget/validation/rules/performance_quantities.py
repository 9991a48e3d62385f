"""Quantities of the indicators (指标的数量与单位): a unit the figure cannot have, and a target that
the narrative states otherwise.

These rules belong to the PERF family; :mod:`cnbudget.validation.rules` registers them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal

import attrs

from cnbudget.model import DepartmentTarget, Indicator
from cnbudget.target_units import Measure, measure_of
from cnbudget.targets import Comparator, TargetKind
from cnbudget.text import normalize_width, squeeze_spaces
from cnbudget.validation.context import Context
from cnbudget.validation.findings import Finding, Severity
from cnbudget.validation.registry import rule
from cnbudget.validation.rules.narrative_statements import plain_prose
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
from cnbudget.validation.rules.performance_words import NamesRead

__all__ = ["NAMED_UNITS", "POPULATION"]

_PERCENT = frozenset({"%", "百分点", "个百分点"})

#: What an indicator's name says it counts, by how the name ends, and the base units a target of
#: it may be in (万人 is 人 scaled). Data: a name ending otherwise says nothing here.
NAMED_UNITS: tuple[tuple[str, frozenset[str], str], ...] = (
    ("人次", frozenset({"人次"}), "人次"),
    ("人数", frozenset({"人"}), "人数"),
    ("户数", frozenset({"户"}), "户数"),
    ("率", _PERCENT, "比率"),
    ("比例", _PERCENT, "比例"),
    ("占比", _PERCENT, "占比"),
    ("比重", _PERCENT, "比重"),
)

#: More people than live in China (about 1.41 billion): no count of people can exceed it.
POPULATION = Decimal(1_500_000_000)


# --- PERF-017 -----------------------------------------------------------------------------------------


def _named(indicator: Indicator, names: NamesRead) -> tuple[frozenset[str], str] | None:
    name = names.base(indicator.name)
    return next(((bases, what) for ending, bases, what in NAMED_UNITS if name.endswith(ending)), None)


def _unit_problem(indicator: Indicator, names: NamesRead, read_unit: Measures) -> tuple[str, Severity] | None:
    value = indicator.target
    measure = read_unit(value.unit)
    if value.kind is not TargetKind.QUANTITATIVE or measure is None or value.number is None:
        return None
    if measure.base == "人" and value.number * measure.factor > POPULATION:
        return f"以“{value.unit}”计为 {value.number * measure.factor:,f} 人，多于全国人口，计量单位有误", Severity.ERROR
    named = _named(indicator, names)
    if named is None or names.unit(indicator.name) is not None:
        return None  # a unit printed after the name is PERF-005's to compare
    bases, what = named
    if measure.base in bases:
        return None
    return f"是{what}，指标值却以“{value.unit}”计，计量单位与指标不符", Severity.WARNING


@rule("PERF-017", "指标值的计量单位与指标不符", severity=Severity.WARNING, requires=("performance",),
      en="A target value's unit cannot be right for what the indicator measures")
def unit_fits_the_indicator(ctx: Context) -> Iterator[Finding]:
    """What an indicator's name says it measures fixes the unit of its target value: a name ending
    人数 counts people (人, 万人), 人次 person-times (人次, 万人次), 户数 households; a rate or share
    (…率, 比例, 占比, 比重) is a percentage. A target in another unit (接种人次 ≤5 万人, 虚报参保人数
    =0%) cannot be right for the figure: a warning. A count of people larger than the population of
    China (≥204000 万人 for 204000 人) is an error. A unit printed in brackets after the name, a
    fraction of a whole count (9.54 人) and a unit other than last year's are PERF-005's."""
    names, read_unit = names_read(ctx), unit_measures(ctx)
    for target in targets(ctx.doc):
        for indicator in target.indicators:
            problem = _unit_problem(indicator, names, read_unit)
            if problem is None:
                continue
            words, severity = problem
            yield ctx.finding(f"{where(target)}：指标“{describe_indicator(indicator)}”"
                              f"（指标值“{indicator.target.raw.strip()}”）{words}",
                              [place(target, "target")], severity=severity)


# --- PERF-018 -----------------------------------------------------------------------------------------

_FIGURE = r"(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>万人次|万人|人次|人|万户|户|个|次|项|场|辆|台|家|所|件|%)"
# What follows a quantity's name: a few words, a figure and its unit. One pattern for every name, tried
# where the name stands (a pattern per name would be compiled anew for each document's names).
_AFTER_NAME = re.compile(r"(?P<words>[^，。；;,\d]{0,6}?)" + _FIGURE)
_FLOOR = ("不少于", "不低于", "至少", "超过", "≥", ">=")
_CEILING = ("不超过", "不高于", "不多于", "控制在", "≤", "<=")
_AFTER_FLOOR = ("以上",)
_AFTER_CEILING = ("以内", "以下")
_VAGUE = ("约", "左右", "近", "余")
_MIN_NAME = 4  # a shorter name (人数, 参保率) says too little to find its quantity in the text


@attrs.frozen
class _Said:
    """A quantity the text states: comparator (None: exactly), number, unit, and the text."""

    comparator: Comparator | None
    number: Decimal
    measure: Measure
    unit: str
    text: str


def _plain(text: str) -> str:
    return squeeze_spaces(normalize_width(text))


def _said(name: str, text: str) -> list[_Said]:
    """Where ``text`` states the quantity ``name`` with a figure: the name, a few words, a figure and
    its unit (``参保人数不少于9.54万人``)."""
    found: list[_Said] = []
    for start, match in _after_name(name, text):
        words, after = match["words"], text[match.end(): match.end() + 3]
        if any(word in words + after for word in _VAGUE):
            continue
        comparator = (Comparator.GE if any(w in words for w in _FLOOR) or after.startswith(_AFTER_FLOOR)
                      else Comparator.LE if any(w in words for w in _CEILING) or after.startswith(_AFTER_CEILING)
                      else None)
        measure = measure_of(match["unit"])
        if measure is not None:
            found.append(_Said(comparator, Decimal(match["number"]), measure, match["unit"],
                               text[start:match.end()]))
    return found


def _after_name(name: str, text: str) -> Iterator[tuple[int, re.Match[str]]]:
    """Where ``name`` is followed by a few words and a figure, left to right and not overlapping, as
    ``re.finditer(re.escape(name) + _AFTER_NAME.pattern, text)`` finds them: each match's start (the
    name's) and the match of what follows the name.

    >>> [(start, match.group()) for start, match in _after_name("参保人数", "参保人数9万人，参保人数约8人")]
    [(0, '9万人'), (8, '约8人')]
    """
    at = text.find(name)
    while at >= 0:
        match = _AFTER_NAME.match(text, at + len(name))
        if match is None:
            at = text.find(name, at + 1)
        else:
            yield at, match
            at = text.find(name, match.end())


def _own_texts(target: Target) -> list[str]:
    """The target form's own words: its goals (and, for the department, its tasks)."""
    texts = [getattr(target, "goal", None), getattr(target, "annual_goal", None)]
    if isinstance(target, DepartmentTarget):
        texts += [task.content for task in target.tasks] + [task.name for task in target.tasks]
    return [_plain(text) for text in texts if text]


def _contradiction(indicator: Indicator, said: _Said) -> str | None:
    value = indicator.target
    wanted = measure_of(value.unit)
    if value.kind is not TargetKind.QUANTITATIVE or wanted is None or value.number is None:
        return None
    if not wanted.comparable(said.measure):
        return None
    if wanted.factor != said.measure.factor and value.number == said.number:
        return f"数字相同而计量单位不同（“{value.unit}”与“{said.unit}”），其中一处单位有误"
    target_value, text_value = value.number * wanted.factor, said.number * said.measure.factor
    comparator = value.comparator
    if said.comparator is not None:
        if comparator in (None, Comparator.EQ) and said.comparator is Comparator.GE and text_value > target_value:
            return "说明的下限高于指标值"
        if comparator in (None, Comparator.EQ) and said.comparator is Comparator.LE and text_value < target_value:
            return "说明的上限低于指标值"
        return None  # two bounds of one quantity need not be the same
    if comparator in (None, Comparator.EQ) and text_value != target_value:
        return "两处数字不同"
    if comparator in (Comparator.GE, Comparator.GT) and (text_value < target_value or (
            comparator is Comparator.GT and text_value == target_value)):
        return "说明的数字低于指标值的下限"
    if comparator in (Comparator.LE, Comparator.LT) and (text_value > target_value or (
            comparator is Comparator.LT and text_value == target_value)):
        return "说明的数字高于指标值的上限"
    return None


def _by_name(all_targets: Sequence[Target], names: NamesRead) -> dict[str, list[tuple[Target, Indicator]]]:
    found: dict[str, list[tuple[Target, Indicator]]] = defaultdict(list)
    for target in all_targets:
        for indicator in target.indicators:
            name = names.base(indicator.name)
            if len(name) >= _MIN_NAME and indicator.target.kind is TargetKind.QUANTITATIVE:
                found[name].append((target, indicator))
    return found


def _where_said(ctx: Context, name: str, holders: list[tuple[Target, Indicator]],
                own_texts: Callable[[Target], list[str]]) -> Iterator[tuple[Target, Indicator, _Said, str]]:
    """Each statement of the quantity: in the form of the target itself, and in the document's prose
    where the quantity is one target's (or every target that names it targets the same)."""
    for target, indicator in holders:
        for text in own_texts(target):
            for said in _said(name, text):
                yield target, indicator, said, "目标说明"
    if len(holders) > 1 and len({str(indicator.target) for _, indicator in holders}) != 1:
        return  # the name stands for different quantities in different forms
    target, indicator = holders[0]
    prose = plain_prose(ctx)
    # Most quantities are not named in the prose at all: one search of the whole prose tells.
    if name not in ctx.cache.get("plain prose joined", lambda: "\n".join(prose)):
        return
    for text in prose:
        for said in _said(name, text):
            yield target, indicator, said, "情况说明"


@rule("PERF-018", "指标值与说明中的同一数量不符", severity=Severity.WARNING, requires=("performance",),
      en="A target value contradicts the text stating the same quantity")
def targets_agree_with_the_text(ctx: Context) -> Iterator[Finding]:
    """Where the text states the quantity an indicator targets — its name followed by a figure and a
    unit (``确保城乡居民基本医疗保险参保人数不少于9.54万人``), in the target form's own goals (项目总体
    目标, 年度绩效目标, 年度主要任务) or, for a quantity only one target names, anywhere in the prose —
    the two agree: a figure stated exactly equals an exact target (=, or a bare number) and lies
    within a bound (≥, ≤); a floor (不少于, 以上) stated above an exact target, or a ceiling below it,
    contradicts it; the same number in units of another scale (9.54 人 against 9.54 万人) means one of
    the two units is wrong. A warning: which of the two is right needs the document's author. Figures
    said to be approximate (约, 左右) and names shorter than four characters are not compared."""
    seen: set[tuple[int, str]] = set()
    written: dict[int, list[str]] = {}  # a form's own texts, written out once for all its indicators

    def own_texts(target: Target) -> list[str]:
        if id(target) not in written:
            written[id(target)] = _own_texts(target)
        return written[id(target)]

    for name, holders in _by_name(list(targets(ctx.doc)), names_read(ctx)).items():
        for target, indicator, said, source in _where_said(ctx, name, holders, own_texts):
            problem = _contradiction(indicator, said)
            if problem is None or (id(indicator), said.text) in seen:
                continue
            seen.add((id(indicator), said.text))
            yield ctx.finding(f"{where(target)}：指标“{describe_indicator(indicator)}”的指标值为"
                              f"“{indicator.target.raw.strip()}”，{source}却写“{said.text}”：{problem}",
                              [place(target, "target")])

