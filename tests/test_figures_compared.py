"""Figures held against each other (表间比对) the quick way give what the plain way gives: a figure's
value is its parts added less its minus, and ``equal``/``at_most`` answer figures that agree without
writing anything out, and otherwise the finding built from :func:`compare`'s result."""

from __future__ import annotations

from decimal import Decimal

import attrs
from hypothesis import given
from hypothesis import strategies as st

from cnbudget.decimals import in_own_context
from cnbudget.model import BudgetDisclosure
from cnbudget.money import Consistency, is_rounding_of
from cnbudget.validation.context import Context, figure
from cnbudget.validation.findings import Finding, Location, Severity
from cnbudget.validation.registry import Rule
from cnbudget.validation.rules.cross_table_figures import Figure, at_most, checked_figure, compare, equal, judge
from cnbudget.validation.rules.narrative import _agrees

# Printed cells: a few digits, none to two decimals, both signs and negative zero.
printed = st.builds(lambda digits, places, negative: Decimal((int(negative), tuple(int(d) for d in digits), -places)),
                    st.text("0123456789", min_size=1, max_size=5), st.integers(0, 2), st.booleans())
figures = st.builds(lambda parts, minus, table: Figure(label=f"{table}表", parts=tuple(parts), minus=tuple(minus),
                                                      location=Location(table=table)),
                    st.lists(printed, min_size=1, max_size=3), st.lists(printed, max_size=2), st.sampled_from("甲乙"))

_RULE = Rule(id="XTAB-001", title="示例", family="XTAB", severity=Severity.ERROR, check=lambda ctx: ())
_CTX = Context(doc=BudgetDisclosure(department="示例", fiscal_year=2024), catalog=None, rule=_RULE)


def _same(found: object, plain: object) -> None:
    """Equal, and every figure of a finding written the same (equality of Decimals ignores exponents)."""
    assert found == plain
    if isinstance(found, Finding) and isinstance(plain, Finding):
        assert (str(found.expected), str(found.actual)) == (str(plain.expected), str(plain.actual))


@in_own_context
def _plain_equal(printed_figure: Figure, expected: Figure) -> Finding | None:
    result = compare(printed_figure, expected)
    if result.status is Consistency.EXACT:
        return None
    sentence = (f"比对：{printed_figure.label}为 {figure(printed_figure.value)}，{expected.label}为 "
                f"{figure(expected.value)}，相差 {figure(abs(result.difference))}")
    return judge(_CTX, result, sentence, locations=(printed_figure.location, expected.location))


@in_own_context
def _plain_at_most(part: Figure, whole: Figure) -> Finding | None:
    result = compare(part, whole)
    if result.total <= result.parts_sum:
        return None
    sentence = (f"比对：{part.label}为 {figure(part.value)}，大于{whole.label} {figure(whole.value)}"
                f"（多 {figure(result.difference)}），部分不能大于整体")
    return judge(_CTX, result, sentence, locations=(part.location, whole.location))


@given(figures)
def test_a_value_is_its_parts_less_its_minus(found: Figure) -> None:
    plain = sum(found.parts, Decimal(0)) - sum(found.minus, Decimal(0))
    assert str(in_own_context(lambda: found.value)()) == str(in_own_context(lambda: plain)())


@given(figures, figures)
def test_equal_is_compare_written_out(first: Figure, second: Figure) -> None:
    _same(in_own_context(equal)(_CTX, first, second, "比对"), _plain_equal(first, second))


@given(figures, figures)
def test_at_most_is_compare_written_out(first: Figure, second: Figure) -> None:
    _same(in_own_context(at_most)(_CTX, first, second, "比对"), _plain_at_most(first, second))


def test_figures_that_agree_give_nothing_and_a_cent_apart_is_rounding() -> None:
    one = Figure(label="甲表合计", parts=(Decimal("1.00"), Decimal("2.00")), location=Location(table="a"))
    same = Figure(label="乙表合计", parts=(Decimal("3.00"),), location=Location(table="b"))
    assert equal(_CTX, one, same, "比对") is None
    finding = equal(_CTX, one, attrs.evolve(same, parts=(Decimal("3.01"),)), "比对")
    assert finding is not None and finding.severity is Severity.INFO
    assert finding.message == "比对：甲表合计为 3.00，乙表合计为 3.01，相差 0.01，在印刷数字的四舍五入误差之内"
    larger = at_most(_CTX, attrs.evolve(same, parts=(Decimal("3.10"),)), one, "比对")
    assert larger is not None and larger.severity is Severity.ERROR and larger.actual == Decimal("3.10")


@given(figures, st.lists(figures, max_size=3), st.sampled_from([None, "之和"]))
def test_figures_added_and_taken_away_are_the_constructors(first: Figure, others: list[Figure],
                                                          label: str | None) -> None:
    added = first.plus(*others, label=label)
    assert type(added) is Figure and added == Figure(
        label=label or first.label, location=first.location,
        parts=first.parts + tuple(p for o in others for p in o.parts),
        minus=first.minus + tuple(m for o in others for m in o.minus))
    taken = first.less(others)
    assert type(taken) is Figure and taken == Figure(
        label=first.label, location=first.location,
        parts=first.parts + tuple(m for o in others for m in o.minus),
        minus=first.minus + tuple(p for o in others for p in o.parts))


@given(figures)
def test_a_checked_figure_is_the_constructors(found: Figure) -> None:
    made = checked_figure(found.label, found.parts, found.location, found.minus)
    assert type(made) is Figure and made == found and hash(made) == hash(found)
    assert checked_figure(found.label, found.parts, found.location) == attrs.evolve(found, minus=())


_NEAR = st.sampled_from([Decimal(0), Decimal("0.00"), Decimal("0.01"), Decimal("-0.01"), Decimal("0.004"),
                         Decimal("-0.005"), Decimal("0.5"), Decimal("1")])


@given(printed, st.lists(st.tuples(_NEAR, _NEAR), max_size=3), st.lists(figures, max_size=2))
def test_a_stated_amount_agrees_as_compare_finds(amount: Decimal, offsets: list[tuple[Decimal, Decimal]],
                                                  others: list[Figure]) -> None:
    """NARR-003 asks whether a stated amount agrees without making it a figure first: the answer of
    comparing it as a figure, exactly or rounded (figures at, near and far from the amount)."""
    near = [Figure(label="表", parts=(amount + first, second), location=Location(table="a"))
            for first, second in offsets]
    found = [*near, *others]
    mine = Figure(label="说明金额", parts=(amount,), location=Location(table="statements"))

    def plain() -> bool:
        return any(compare(mine, figure).status is Consistency.EXACT or is_rounding_of(amount, figure.value)
                   for figure in found)

    assert in_own_context(_agrees)(amount, found) == in_own_context(plain)()
