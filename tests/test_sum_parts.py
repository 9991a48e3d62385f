"""Parts added once and held against several totals (money.sum_parts, check_summed, sum_differs) give
what check_sum gives each total on its own, and count one comparison each; the short ways to the same
answer (differs_from_sum, amounts_differ_from_sum, ordinary_operand with exact_total,
count_comparisons) give it too."""

from __future__ import annotations

import functools
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnbudget.errors import InvalidAmount
from cnbudget.money import (
    Consistency,
    Interval,
    amounts_differ_from_sum,
    check_equal,
    check_rate,
    check_ratio,
    check_sum,
    check_summed,
    count_comparisons,
    counting_comparisons,
    differs_from_sum,
    exact_total,
    ordinary_operand,
    sum_differs,
    sum_parts,
    to_amount,
)

_AMOUNTS = st.decimals(min_value=-10**6, max_value=10**6, places=2, allow_nan=False, allow_infinity=False)


@given(st.lists(_AMOUNTS, max_size=8), st.lists(_AMOUNTS, min_size=1, max_size=3))
def test_parts_added_once_give_check_sum_for_every_total(parts: list[Decimal], totals: list[Decimal]) -> None:
    summed = sum_parts(parts)
    for total in totals:
        expected = check_sum(total, parts)
        assert check_summed(total, summed) == expected
        differs = sum_differs(total, summed)
        assert (differs is None) == (expected.status is Consistency.EXACT)
        assert differs is None or differs == expected


def test_a_rounding_difference_and_an_error_against_the_same_parts() -> None:
    summed = sum_parts([Decimal("0.33")] * 3)  # 0.99, standing for 0.975 … 1.005
    within = sum_differs(Decimal("1.00"), summed)
    beyond = sum_differs(Decimal("1.02"), summed)
    assert within is not None and within.status is Consistency.WITHIN_ROUNDING
    assert beyond is not None and beyond.status is Consistency.INCONSISTENT and beyond.excess == Decimal("0.010")
    assert sum_differs(Decimal("0.990"), summed) is None


def test_each_total_held_is_one_comparison() -> None:
    summed = sum_parts([Decimal("1"), Decimal("2")])
    with counting_comparisons() as made:
        sum_differs(Decimal("3"), summed)
        sum_differs(Decimal("4"), summed)
        check_summed(Decimal("3"), summed)
    assert made[0] == 3


@pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("1E+70"), 1.5])
def test_a_part_that_is_no_figure_is_refused_with_its_place(bad: object) -> None:
    with pytest.raises(InvalidAmount, match=r"parts\[1\]"):
        sum_parts([Decimal("1"), bad])  # type: ignore[list-item]


def test_each_kind_of_comparison_counts_once() -> None:
    with counting_comparisons() as made:
        check_equal(Decimal("8542.6"), Decimal("8542.60"))
    assert made == [1]  # it holds one figure against another: one comparison, as check_sum(a, [b])
    with counting_comparisons() as made:
        check_sum(Decimal("3"), [Decimal("1"), Decimal("2")])
        check_rate(Decimal("10.00"), Decimal("110"), prior=Decimal("100"))
        check_ratio(Decimal("25.00"), Decimal("1"), Decimal("4"))
    assert made == [3]


# Figures of every kind the arithmetic takes: ordinary amounts, long sums, exponents, negative zero.
_OPERANDS = st.one_of(
    _AMOUNTS,
    st.decimals(min_value=-10**30, max_value=10**30, places=25, allow_nan=False, allow_infinity=False),
    st.sampled_from([Decimal("-0.00"), Decimal("0E+3"), Decimal("1.00E+4"), Decimal("-5E-7")]),
)


@given(_OPERANDS, st.lists(_OPERANDS, max_size=6))
def test_differs_from_sum_is_sum_differs_of_the_parts(total: Decimal, parts: list[Decimal]) -> None:
    with counting_comparisons() as made:
        expected = sum_differs(total, sum_parts(parts))
    with counting_comparisons() as made_here:
        found = differs_from_sum(total, parts)
    assert found == expected
    assert made_here == made == [1]


@given(_OPERANDS, st.lists(_OPERANDS, max_size=6))
def test_ordinary_figures_that_total_exactly_are_what_sum_differs_lets_pass(total: Decimal,
                                                                             parts: list[Decimal]) -> None:
    operands = [ordinary_operand(part) for part in parts]
    own = ordinary_operand(total)
    if own is None or any(operand is None for operand in operands):
        return  # the full check's to look at
    holds = exact_total(operand for operand in operands if operand is not None) == own
    assert holds == (sum_differs(total, sum_parts(parts)) is None)


def test_an_ordinary_operand_is_the_figure_and_anything_else_is_none() -> None:
    assert str(ordinary_operand(Decimal("-0.00"))) == "0.00"  # the sign of a zero dropped, its places kept
    assert ordinary_operand(Decimal("12.50")) == Decimal("12.50")
    for other in (None, 1.5, Decimal("NaN"), Decimal("1E+3"), Decimal("1" * 61)):
        assert ordinary_operand(other) is None


def test_a_refused_part_is_refused_by_differs_from_sum_too() -> None:
    with pytest.raises(InvalidAmount, match=r"parts\[1\]"):
        differs_from_sum(Decimal("1"), [Decimal("1"), Decimal("NaN")])


def test_comparisons_made_elsewhere_are_counted_where_reported() -> None:
    with counting_comparisons() as made:
        count_comparisons(3)
    assert made == [3]
    count_comparisons(2)  # outside any count: nothing to add to, nothing raised


@given(st.lists(_OPERANDS, max_size=8))
def test_the_range_of_a_sum_is_each_printed_range_added(values: list[Decimal]) -> None:
    one_by_one = functools.reduce(Interval.__add__, map(Interval.of_printed, values), Interval(Decimal(0), Decimal(0)))
    found = Interval.of_printed_sum(values)
    assert found == one_by_one
    assert (str(found.low), str(found.high)) == (str(one_by_one.low), str(one_by_one.high))  # digits and all


# Figures of every kind the amount gate lets through into a model's records: up to 20 digits either
# side of the point, exponents, zeros with a sign.
_GATED_AMOUNTS = st.one_of(
    _AMOUNTS,
    st.decimals(min_value=-(10**19), max_value=10**19, places=20, allow_nan=False, allow_infinity=False),
    st.sampled_from([Decimal("-0.00"), Decimal("0E+3"), Decimal("1.00E+4"), Decimal("-5E-7"), Decimal("1E+19")]),
).map(to_amount)


@given(_GATED_AMOUNTS, st.lists(_GATED_AMOUNTS, max_size=6))
def test_amounts_differ_from_sum_is_differs_from_sum_for_gated_amounts(total: Decimal, parts: list[Decimal]) -> None:
    with counting_comparisons() as made:
        expected = differs_from_sum(total, parts)
    with counting_comparisons() as made_here:
        found = amounts_differ_from_sum(total, parts)
    assert found == expected
    assert made_here == made == [1]


def test_amounts_that_add_up_only_within_rounding_are_reported() -> None:
    found = amounts_differ_from_sum(Decimal("1.00"), [Decimal("0.33")] * 3)
    assert found is not None and found.status is Consistency.WITHIN_ROUNDING and found.difference == Decimal("0.01")


@given(_GATED_AMOUNTS, st.lists(_GATED_AMOUNTS, max_size=6))
def test_gated_amounts_that_total_exactly_are_what_sum_differs_lets_pass(total: Decimal,
                                                                         parts: list[Decimal]) -> None:
    # The hierarchy sums add a record's amounts as they are (validation.rules.hierarchy._Operands).
    assert (exact_total(parts) == total) == (sum_differs(total, sum_parts(parts)) is None)
