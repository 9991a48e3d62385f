"""Quantities printed in two tables, and how they are held against each other (表间比对).

A :class:`Figure` is one quantity as one table prints it: a single printed cell, or several
printed cells added up (a 类 derived from its 项 rows, 一般公共预算 as 本级 + 上级转移支付), less
others (支出总计 less 年终结转结余). Comparing two figures is rounding-aware in the sense of
:mod:`cnbudget.money`: every printed cell stands for the interval it rounds, derived figures for the
sum of those intervals, and only a difference those intervals cannot explain is more than ``info``.

>>> from decimal import Decimal
>>> from cnbudget.validation.findings import Location
>>> a = Figure(label="甲表合计", parts=(Decimal("2.00"),), location=Location(table="a"))
>>> b = Figure(label="乙表合计", parts=(Decimal("1.00"), Decimal("1.01")), location=Location(table="b"))
>>> compare(a, b).status.value, compare(a, b).difference
('within_rounding', Decimal('-0.01'))
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import cast

import attrs

from cnbudget.builders import builder_of_model
from cnbudget.money import Consistency, Interval, SumCheck, checked_sum_check
from cnbudget.validation.context import Context, figure
from cnbudget.validation.findings import Finding, Location, Severity

__all__ = ["Figure", "Relation", "at_most", "checked_figure", "compare", "equal", "judge", "keep_finest", "made"]

_ZERO = Decimal(0)


@attrs.frozen(kw_only=True)
class Figure:
    """One quantity as a table prints it: the printed cells it adds (and subtracts), and where.

    >>> spent = Figure(label="支出总计减年终结转结余", parts=(Decimal("110.00"),), minus=(Decimal("10.00"),),
    ...                location=Location(table="summary"))
    >>> spent.value, str(spent.interval())
    (Decimal('100.00'), '[99.990, 100.010]')
    """

    label: str  # how a message names it: table, row and column as printed
    parts: tuple[Decimal, ...]
    minus: tuple[Decimal, ...] = ()
    location: Location

    @property
    def value(self) -> Decimal:
        """The figure's value: Σ parts − Σ minus."""
        return sum(self.parts, _ZERO) - (sum(self.minus, _ZERO) if self.minus else _ZERO)

    def interval(self) -> Interval:
        """The true values the printed cells allow."""
        plus, less = Interval.of_printed_sum(self.parts), Interval.of_printed_sum(self.minus)
        return Interval(plus.low - less.high, plus.high - less.low)

    def plus(self, *others: Figure, label: str | None = None) -> Figure:
        """This figure with others added (their cells become parts of it)."""
        return checked_figure(label or self.label, self.parts + tuple(p for o in others for p in o.parts),
                              self.location, self.minus + tuple(m for o in others for m in o.minus))

    def less(self, others: Iterable[Figure]) -> Figure:
        """This figure with others subtracted."""
        taken = tuple(others)
        return checked_figure(self.label, self.parts + tuple(m for o in taken for m in o.minus), self.location,
                              self.minus + tuple(p for o in taken for p in o.parts))


# Figures are made by the hundred a validation (a figure for every code of every view compared),
# from values of their fields' types: through a builder (cnbudget.builders), not the constructor.
_FigureBuilder = builder_of_model(Figure)


def checked_figure(label: str, parts: tuple[Decimal, ...], location: Location,
                   minus: tuple[Decimal, ...] = ()) -> Figure:
    """``Figure(label=…, parts=…, minus=…, location=…)``, made without the constructor's call."""
    made = object.__new__(_FigureBuilder)
    made.label = label
    made.parts = parts
    made.minus = minus
    made.location = location
    made.__class__ = Figure
    return cast(Figure, made)


def compare(printed: Figure, expected: Figure) -> SumCheck:
    """Hold one figure against another: exact, within rounding, or inconsistent.

    >>> one = Figure(label="甲", parts=(Decimal("1.00"),), location=Location(table="a"))
    >>> compare(one, attrs.evolve(one, parts=(Decimal("1.02"),))).status.value
    'inconsistent'
    """
    return _compared(printed, expected, printed.value, expected.value)


def _compared(printed: Figure, expected: Figure, printed_value: Decimal, expected_value: Decimal) -> SumCheck:
    """:func:`compare` of figures whose values are already worked out (a value adds up every part)."""
    difference = printed_value - expected_value
    if difference == 0:
        status, excess = Consistency.EXACT, Decimal(0)
    else:
        excess = printed.interval().distance(expected.interval())
        status = Consistency.INCONSISTENT if excess > 0 else Consistency.WITHIN_ROUNDING
    return checked_sum_check(printed_value, expected_value, difference, status, excess)


def judge(ctx: Context, result: SumCheck, sentence: str, *, locations: Sequence[Location],
          severity: Severity | None = None) -> Finding | None:
    """A finding for a comparison: none when exact, ``info`` within rounding, else ``severity``
    (the rule's own by default). ``sentence`` says what disagrees, with both figures."""
    if result.status is Consistency.EXACT:
        return None
    if result.status is Consistency.WITHIN_ROUNDING:
        sentence += "，在印刷数字的四舍五入误差之内"
        severity = Severity.INFO
    return ctx.finding(sentence, locations, expected=result.parts_sum, actual=result.total, severity=severity)


def equal(ctx: Context, printed: Figure, expected: Figure, what: str,
          severity: Severity | None = None) -> Finding | None:
    """``printed`` and ``expected`` are the same quantity and must agree."""
    printed_value, expected_value = printed.value, expected.value
    if printed_value - expected_value == 0:  # exact (what compare finds first): nothing to write out
        return None
    result = _compared(printed, expected, printed_value, expected_value)
    gap = figure(abs(result.difference))
    sentence = (f"{what}：{printed.label}为 {figure(printed_value)}，{expected.label}为 "
                f"{figure(expected_value)}，相差 {gap}")
    return judge(ctx, result, sentence, locations=(printed.location, expected.location), severity=severity)


def at_most(ctx: Context, part: Figure, whole: Figure, what: str,
            severity: Severity | None = None) -> Finding | None:
    """``part`` is contained in ``whole`` and cannot exceed it."""
    part_value, whole_value = part.value, whole.value
    if part_value <= whole_value:
        return None
    result = _compared(part, whole, part_value, whole_value)
    sentence = (f"{what}：{part.label}为 {figure(part_value)}，大于{whole.label} {figure(whole_value)}"
                f"（多 {figure(result.difference)}），部分不能大于整体")
    return judge(ctx, result, sentence, locations=(part.location, whole.location), severity=severity)


def made(*findings: Finding | None) -> list[Finding]:
    """The findings comparisons made (those that found nothing give ``None``)."""
    return [finding for finding in findings if finding is not None]


#: How two figures must relate: :func:`equal` or :func:`at_most`.
Relation = Callable[[Context, Figure, Figure, str], "Finding | None"]


def keep_finest(found: Sequence[tuple[str | None, Finding]]) -> list[Finding]:
    """The findings of a code-by-code comparison without the echoes of a finer one.

    ``found`` pairs each finding with the code (digits) it is about, ``None`` for the table total.
    One wrong 项 makes its 款, its 类 and the total disagree too; a finding is dropped when a finding
    at least as serious exists below it (for the total: anywhere).

    >>> from cnbudget.validation.findings import Finding, Severity
    >>> f = Finding(rule="XTAB-001", severity=Severity.ERROR, message="…")
    >>> len(keep_finest([("2101501", f), ("210", f), (None, f), ("208", f)]))
    2
    """
    # The most serious finding below each code: under every proper prefix of the codes found (each
    # finding looking through every other was quadratic, in the thousands of codes a large table has).
    below: dict[str, int] = {}
    anywhere = None  # the most serious finding of any code
    for code, finding in found:
        if code is None:
            continue
        rank = finding.severity.rank
        anywhere = rank if anywhere is None else min(anywhere, rank)
        for length in range(len(code)):
            prefix = code[:length]
            if below.get(prefix, rank + 1) > rank:
                below[prefix] = rank
    kept = []
    for code, finding in found:
        finer = anywhere if code is None else below.get(code)
        if finer is None or finer > finding.severity.rank:
            kept.append(finding)
    return kept
