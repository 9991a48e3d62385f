"""Printed figures as whole numbers (整数化的金额), for placing a table's figures.

Placing the figures of a flat table holds many printed sums against their totals and adds up
many ways of its rows; Python integers do that several times faster than
:class:`~decimal.Decimal`. A printed figure is read once (:class:`PrintedFigures`) as its digits
and the exponent of its last printed place (``0.90`` is 90 × 10⁻²). Held in a unit one place
finer than the finest figure concerned, every figure and its rounding allowance (half a unit of
its last printed place, as :meth:`~cnbudget.money.Interval.of_printed` has it) are whole numbers,
so the sums and comparisons are exactly those of the printed decimals.

>>> figures = PrintedFigures()
>>> scale = Scale.of(figures, ["0.92", "1.5", "", "-"])
>>> scale.figure("0.92"), scale.figure("1.5"), scale.figure(""), scale.figure("-")
((920, 5), (1500, 50), (0, 0), (0, 0))
>>> figures.sum_holds("1.00", ["0.33", "0.33", "0.33"]), figures.sum_holds("1.00", ["0.50", "0.40"])
(True, False)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

import attrs

from cnbudget.errors import InvalidAmount
from cnbudget.money import parse_amount

__all__ = ["PrintedFigures", "Scale", "printed_value"]


def printed_value(printed: str) -> Decimal:
    """The amount a cell prints; a blank cell and a printed blank (``-``) are zero."""
    if not printed:
        return Decimal(0)
    try:
        return parse_amount(printed)
    except InvalidAmount:
        return Decimal(0)  # a printed blank (-)


class PrintedFigures:
    """The printed figures of one table, each read once as (digits, exponent of its last place)."""

    def __init__(self) -> None:
        self._values: dict[str, Decimal] = {}
        self._digits: dict[str, tuple[int, int]] = {}
        self._sums: dict[tuple[str, ...], bool] = {}  # the search holds the same printed sums again and again

    def value(self, printed: str) -> Decimal:
        """The amount ``printed`` stands for (:func:`printed_value`)."""
        found = self._values.get(printed)
        if found is None:
            found = self._values[printed] = printed_value(printed)
        return found

    def digits(self, printed: str) -> tuple[int, int]:
        """``printed`` as ``number × 10^exponent``, the exponent as printed (a blank is (0, 0))."""
        found = self._digits.get(printed)
        if found is None:
            sign, digits, exponent = self.value(printed).as_tuple()
            number = int("".join(map(str, digits))) if digits else 0
            found = self._digits[printed] = (-number if sign else number), int(exponent)
        return found

    def sum_holds(self, total: str, parts: Sequence[str]) -> bool:
        """Whether a printed total can be the sum of printed parts, rounding aside: exactly where
        :func:`~cnbudget.money.check_sum` does not find them inconsistent (a zero printed without
        decimals, a blank, is exact)."""
        return self.holds((total, *parts))

    def holds(self, printed: tuple[str, ...]) -> bool:
        """:meth:`sum_holds` of the total and parts ``printed`` in that order."""
        holds = self._sums.get(printed)
        if holds is None:
            values, allowances = self.scaled(printed)
            holds = self._sums[printed] = abs(values[0] - sum(values[1:])) <= sum(allowances)
        return holds

    def scaled(self, printed: Sequence[str]) -> tuple[list[int], list[int]]:
        """The printed figures and their rounding allowances (half a unit of the last printed place;
        none for a blank or a zero printed without decimals) as whole numbers of one unit, one place
        finer than the finest of them. Sums compare alike in any finer unit: every figure and
        allowance is the same multiple of its value in this one.

        >>> PrintedFigures().scaled(["0.92", "1.5", "", "-"])
        ([920, 1500, 0, 0], [5, 50, 0, 0])
        """
        read = [self.digits(text) for text in printed]
        unit = min(min((exponent for _, exponent in read), default=0), 0) - 1
        values = [number * 10 ** (exponent - unit) for number, exponent in read]
        allowances = [0 if number == 0 and exponent >= 0 else 5 * 10 ** (exponent - unit - 1)
                      for number, exponent in read]
        return values, allowances


@attrs.frozen
class Scale:
    """The unit the figures of one table are counted in: ``10^exponent``, one place finer than the
    finest figure printed, so that half a unit of any printed place is a whole number of it."""

    exponent: int
    figures: PrintedFigures = attrs.field(eq=False, repr=False)
    #: Each printed cell's figure, made once: the placing search asks for the same cells many times.
    _made: dict[str, tuple[int, int]] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    @classmethod
    def of(cls, figures: PrintedFigures, printed: Iterable[str]) -> Scale:
        """The scale of a table whose cells print ``printed``."""
        finest = min((figures.digits(text)[1] for text in printed), default=0)
        return cls(min(finest, 0) - 1, figures)

    def figure(self, printed: str) -> tuple[int, int]:
        """A printed cell as (value, rounding allowance) in this unit; a blank cell and a zero
        printed without decimals are exact (no allowance). ``printed`` is one of the cells the
        scale was made for."""
        made = self._made.get(printed)
        if made is None:
            number, exponent = self.figures.digits(printed)
            shift = exponent - self.exponent
            exact = not printed or (number == 0 and exponent == 0)
            made = self._made[printed] = number * 10**shift, 0 if exact else 5 * 10 ** (shift - 1)
        return made
