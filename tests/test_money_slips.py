"""Slips of the pen cnbudget.money recognises, at their edges: two digits swapped (数字颠倒) in
figures below one, of another sign or known to tens; a figure in the wrong unit where one side is a
blank (zero)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cnbudget.money import AmountUnit, digits_swapped, wrong_unit

D = Decimal


@pytest.mark.parametrize(("printed", "expected", "swapped"), [
    ("0.12", "0.21", True),  # below one
    ("-2018.55", "-2081.55", True),  # both negative
    ("-2018.55", "2081.55", False),  # of different signs
    ("2018.55", "-2081.55", False),
    ("2.1E+2", "120", True),  # 210 known to tens against 120
    ("2081.5", "2018.50", True),  # read to the finer precision
    ("2018.55", "2081.56", False),  # a third digit differs
    ("1234", "4231", True),
    ("1234", "3214", True),
    ("1234", "1243", True),
    ("1234", "2143", False),  # two swaps
    ("1234", "1235", False),  # one digit off
])
def test_two_digits_swapped(printed: str, expected: str, swapped: bool) -> None:
    assert digits_swapped(D(printed), D(expected)) is swapped


@pytest.mark.parametrize(("stated", "expected", "unit"), [
    ("0", "0.00003", None),  # a blank stated figure is no amount in another unit
    ("0.00003", "0", None),
    ("6964796", "696.48", AmountUnit.YUAN),
    ("0.069648", "696.48", AmountUnit.WAN_YUAN),
])
def test_a_blank_is_never_in_the_wrong_unit(stated: str, expected: str, unit: AmountUnit | None) -> None:
    assert wrong_unit(D(stated), D(expected)) is unit
