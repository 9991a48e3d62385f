"""Rates and shares held in whole numbers (增长率、占比的整数核对) are held as exact fractions hold
them: the quotient rounded half up digit for digit, and every verdict of check_rate and check_ratio
what the fractions give."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnbudget.decimals import in_own_context
from cnbudget.errors import InvalidAmount
from cnbudget.money import (
    Consistency,
    Interval,
    _round_fraction,
    _round_quotient,
    check_rate,
    check_ratio,
    decimal_places,
    rate_interval,
    ratio_interval,
)

amounts = st.builds(lambda units, places, negative: Decimal((int(negative), tuple(map(int, str(units))), -places)),
                    st.integers(0, 10**9), st.integers(0, 3), st.booleans())


@given(st.integers(-10**15, 10**15), st.integers(-10**12, 10**12).filter(bool), st.integers(-3, 8))
def test_a_quotient_rounds_as_its_fraction_rounds(numerator: int, denominator: int, places: int) -> None:
    assert str(_round_quotient(numerator, denominator, places)) == str(_round_fraction(Fraction(numerator, denominator),
                                                                                       places))


@given(st.integers(0, 10**6), st.integers(1, 10**3))
def test_halves_round_up_away_from_zero(units: int, scale: int) -> None:
    half = Fraction(2 * units + 1, 2)  # exactly half a unit over ``units``
    assert _round_quotient(half.numerator * scale, half.denominator * scale, 0) == units + 1
    assert _round_quotient(-half.numerator * scale, half.denominator * scale, 0) == -(units + 1)


def _stated(exact: Fraction, places: int, off: int) -> Decimal:
    """A stated figure near ``exact``: rounded to ``places``, and ``off`` units of its last digit away."""
    return _round_fraction(exact, places) + Decimal((0, (1,), -places)) * off


def _verdict(stated: Decimal, exact: Fraction, possible: Interval | None) -> Consistency:
    # The plain way: the exact fraction rounded, else the range the printed figures allow.
    if _round_fraction(exact, decimal_places(stated)) == stated:
        return Consistency.EXACT
    if possible is None or Interval.of_printed(stated).overlaps(possible):
        return Consistency.WITHIN_ROUNDING
    return Consistency.INCONSISTENT


@given(amounts, amounts, st.booleans(), st.integers(0, 3), st.integers(-2, 2))
def test_a_rate_is_judged_as_its_fractions_judge_it(current: Decimal, other: Decimal, from_change: bool,
                                                     places: int, off: int) -> None:
    run = in_own_context(lambda f: f())
    prior = Fraction(current) - Fraction(other) if from_change else Fraction(other)
    given_ = {"change_amount": other} if from_change else {"prior": other}
    if prior == 0:
        with pytest.raises(InvalidAmount, match="prior 0"):
            run(lambda: check_rate(Decimal(0), current, **given_))
        return
    exact = 100 * (Fraction(other) if from_change else Fraction(current) - prior) / prior
    stated = run(lambda: _stated(exact, places, off))
    expected = run(lambda: _verdict(stated, exact, rate_interval(current, **given_)))
    assert run(lambda: check_rate(stated, current, **given_)) is expected


@given(amounts, amounts.filter(bool), st.integers(0, 3), st.integers(-2, 2))
def test_a_share_is_judged_as_its_fractions_judge_it(part: Decimal, whole: Decimal, places: int, off: int) -> None:
    run = in_own_context(lambda f: f())
    exact = 100 * Fraction(part) / Fraction(whole)
    stated = run(lambda: _stated(exact, places, off))
    expected = run(lambda: _verdict(stated, exact, ratio_interval(part, whole)))
    assert run(lambda: check_ratio(stated, part, whole)) is expected
