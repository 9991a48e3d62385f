"""Rounding in cnbudget.money, to the last digit: the ends of a ratio's range, shares and rates near
their edges, a figure's distance from the exact value in units of its last digit, the words of a
change. Expected values come from integer arithmetic in the test itself."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnbudget.money import (
    Change,
    Consistency,
    SumCheck,
    change,
    check_rate,
    ratio_interval,
    share,
    units_off,
)

D = Decimal


def _floor(numerator: int, denominator: int, places: int) -> Decimal:
    # Written out as text: Decimal arithmetic here would round to the caller's 28 digits.
    return D(f"{numerator * 10**places // denominator}E-{places}")


def _ceiling(numerator: int, denominator: int, places: int) -> Decimal:
    return D(f"{-(-numerator * 10**places // denominator)}E-{places}")


def test_the_ends_of_a_ratio_carry_fifty_significant_digits_rounded_outwards() -> None:
    # 100·[0.995, 1.005] / [2.995, 3.005]: from 99.5/3.005 = 33.11… to 100.5/2.995 = 33.55…,
    # two digits before the point and 48 after
    r = ratio_interval(D("1.00"), D("3.00"))
    assert r is not None
    assert r.low.as_tuple() == _floor(99500, 3005, 48).as_tuple()
    assert r.high.as_tuple() == _ceiling(100500, 2995, 48).as_tuple()


def test_a_denominator_near_one_still_has_a_ratio() -> None:
    # 100·[0.5, 1.5] / [0.5, 1.5]: from 50/1.5 = 33.3… to 150/0.5 = 300
    r = ratio_interval(D("1"), D("1"))
    assert r is not None
    assert r.low.as_tuple() == _floor(100, 3, 48).as_tuple() and r.high == 300


@pytest.mark.parametrize(("part", "whole", "expected"), [
    ("1", "1000", "0.10"),  # below one percent: still positive
    ("-1", "1000", "-0.10"),
    ("1", "200000", "0.00"),  # 0.0005 % rounds to a zero without a sign
    ("-1", "200000", "0.00"),
])
def test_small_shares(part: str, whole: str, expected: str) -> None:
    assert share(D(part), D(whole)).as_tuple() == D(expected).as_tuple()


@given(st.integers(-(10**9), 10**9), st.integers(1, 10**9), st.integers(0, 4))
def test_shares_round_half_up_like_integer_arithmetic(part: int, whole: int, places: int) -> None:
    # 100·part/whole in units of 10^-places, halves away from zero
    scaled_twice = 2 * abs(part) * 100 * 10**places
    units = (scaled_twice + whole) // (2 * whole)
    sign = "-" if part < 0 and units else ""
    expected = D(f"{sign}{units}E-{places}")
    assert share(D(part), D(whole), places=places).as_tuple() == expected.as_tuple()


def test_a_rate_from_a_prior_year_of_one() -> None:
    assert check_rate(D("100.00"), D("2.00"), prior=D("1.00")) is Consistency.EXACT


@pytest.mark.parametrize(("stated", "exact", "units"), [
    ("10.15", Fraction(10151, 1000), Fraction(1, 10)),  # 0.001 from it, its last digit 0.01
    ("612", Fraction(6125, 10), Fraction(1, 2)),
    ("1.2E+4", Fraction(12400), Fraction(2, 5)),  # known to thousands: 400 is 0.4 of them
    ("-3.5", Fraction(-3), Fraction(5)),
])
def test_units_of_the_last_printed_digit(stated: str, exact: Fraction, units: Fraction) -> None:
    assert units_off(D(stated), exact) == units


@pytest.mark.parametrize(("amount", "amount_word", "rate_word"), [
    ("0.50", "增加", "增长"), ("-0.50", "减少", "下降"), ("0", "持平", "持平"), ("0.00", "持平", "持平"),
])
def test_the_words_of_a_change_follow_its_sign(amount: str, amount_word: str, rate_word: str) -> None:
    found = Change(amount=D(amount), rate=None)
    assert (found.amount_word, found.rate_word) == (amount_word, rate_word)


def test_a_change_of_less_than_one_is_described_with_its_words() -> None:
    assert change(D("1.50"), D("1.00")).describe() == "比上年增加 0.50，增长 50.00%"
    assert change(D("1.00"), D("1.50")).describe() == "比上年减少 0.50，下降 33.33%"


def test_results_are_built_by_keyword() -> None:
    with pytest.raises(TypeError):
        Change(D("1"), D("2"))  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        SumCheck(D("1"), D("1"), D("0"), Consistency.EXACT, D("0"))  # type: ignore[call-arg]
