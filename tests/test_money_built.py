"""Intervals and comparison results made without their constructors (cnbudget.builders) are what the
constructors make: every end in order, field by field and digit for digit, whatever the printed figures."""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnbudget.errors import InvalidAmount
from cnbudget.money import Consistency, Interval, SumCheck, check_sum, checked_sum_check, sum_parts

printed = st.builds(lambda digits, places, negative: Decimal((int(negative), tuple(int(d) for d in digits), -places)),
                    st.text("0123456789", min_size=1, max_size=7), st.integers(0, 3), st.booleans())

# Figures with any number of decimals, or zeros before the point (1E+2), to the ends of the table of
# halves and past them.
scaled = st.builds(lambda digits, exponent, negative: Decimal((int(negative), tuple(int(d) for d in digits), exponent)),
                   st.text("0123456789", min_size=1, max_size=4), st.integers(-14, 14), st.booleans())


def _fields(instance: Any) -> list[tuple[str, type[Any], str]]:
    return [(field.name, type(getattr(instance, field.name)), str(getattr(instance, field.name)))
            for field in attrs.fields(type(instance))]


def _constructed(interval: Interval) -> Interval:
    return Interval(interval.low, interval.high)  # the validators run: ends Decimals and in order


@given(printed)
def test_a_printed_figures_interval_is_the_constructors(value: Decimal) -> None:
    found = Interval.of_printed(value)
    assert type(found) is Interval and _fields(found) == _fields(_constructed(found))
    assert found.low <= value <= found.high


@given(st.lists(printed, max_size=5), st.lists(printed, min_size=1, max_size=3))
def test_sums_of_intervals_are_the_constructors(values: list[Decimal], others: list[Decimal]) -> None:
    summed = Interval.of_printed_sum(values)
    assert type(summed) is Interval and _fields(summed) == _fields(_constructed(summed))
    added = summed + Interval.of_printed_sum(others)
    assert type(added) is Interval and _fields(added) == _fields(_constructed(added))
    assert added == Interval(summed.low + Interval.of_printed_sum(others).low,
                             summed.high + Interval.of_printed_sum(others).high)


@given(printed, st.lists(printed, max_size=4))
def test_a_sum_checks_result_is_the_constructors(total: Decimal, parts: list[Decimal]) -> None:
    result = check_sum(total, parts)
    plain = SumCheck(total=result.total, parts_sum=result.parts_sum, difference=result.difference,
                     status=result.status, excess=result.excess)
    assert type(result) is SumCheck and _fields(result) == _fields(plain)
    assert (result.status is Consistency.EXACT) == (result.difference == 0)


def test_checked_sum_check_sets_what_it_is_given() -> None:
    one, two = Decimal("1.00"), Decimal("2.00")
    made = checked_sum_check(one, two, one - two, Consistency.INCONSISTENT, Decimal("0.99"))
    assert made == SumCheck(total=one, parts_sum=two, difference=Decimal("-1.00"),
                            status=Consistency.INCONSISTENT, excess=Decimal("0.99"))
    with pytest.raises(InvalidAmount):
        Interval(two, one)  # the constructor still refuses ends out of order


def _plain_range(values: list[Decimal]) -> Interval:
    """Each figure's ``value ± ½·10^exponent`` (a zero without decimals exact), added: by the definition."""
    low = high = Decimal(0)
    with decimal.localcontext(decimal.Context(prec=100)):  # every sum exact
        for value in values:
            exponent = value.as_tuple().exponent
            assert isinstance(exponent, int)
            half = Decimal(0) if value.is_zero() and exponent >= 0 else Decimal(5).scaleb(exponent - 1)
            low, high = low + (value - half), high + (value + half)
    return Interval(low, high)


@given(printed | scaled, st.lists(printed | scaled, max_size=5))
def test_a_sums_range_and_excess_are_those_of_its_printed_figures(total: Decimal, parts: list[Decimal]) -> None:
    """The ranges of printed figures, of their sums and of the excess of a sum check, by definition."""
    try:
        summed = sum_parts(parts)
        result = check_sum(total, parts)
    except InvalidAmount:
        return  # a figure refused (too long): the refusal is test_money's
    plain = _plain_range(parts)
    assert (summed.range().low, summed.range().high) == (plain.low, plain.high)
    assert Interval.of_printed_sum(parts) == plain
    if result.status is not Consistency.EXACT:
        assert result.excess == _plain_range([total]).distance(plain)
