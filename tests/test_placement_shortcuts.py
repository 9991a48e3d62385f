"""A row's amounts are held only to the identities whose columns the layout prints, found once per
layout: whether they hold is what checking every identity, skipping those naming a column the row
has no value for, finds."""

from __future__ import annotations

import functools
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.decimals import ARITHMETIC
from cnbudget.money import Consistency, check_sum
from cnbudget.readers.tables.columns import Layout, _holds, place_amounts

_COLUMNS = ("c0", "c1", "c2", "c3", "c4")
_NAMES = st.sampled_from([*_COLUMNS, "absent"])
_IDENTITIES = st.lists(st.tuples(_NAMES, st.lists(_NAMES, min_size=1, max_size=3).map(tuple)), max_size=3)
_FIGURES = st.sampled_from([Decimal(0), Decimal("1.00"), Decimal("2.00"), Decimal("3.00"), Decimal("0.01")])


def _holds_checking_every_identity(layout: Layout, values: dict[str, Decimal]) -> bool:
    for total, parts in layout.identities:
        if total not in values or not all(p in values for p in parts):
            continue
        printed = [values[p] for p in parts]
        if ARITHMETIC.subtract(values[total], functools.reduce(ARITHMETIC.add, printed, Decimal(0))).is_zero():
            continue
        if check_sum(values[total], printed).status is Consistency.INCONSISTENT:
            return False
    return True


@settings(max_examples=500)
@given(st.integers(1, 5), _IDENTITIES, st.lists(_FIGURES, min_size=5, max_size=5))
def test_a_row_is_held_to_the_identities_checking_every_one_finds(
    width: int, identities: list[tuple[str, tuple[str, ...]]], figures: list[Decimal],
) -> None:
    layout = Layout(name="demo", signature=(), lead=("name",), amounts=_COLUMNS[:width], identities=tuple(identities))
    values = dict(zip(layout.amounts, figures, strict=False))
    assert _holds(layout, values) is _holds_checking_every_identity(layout, values)
    # Placing the row's cells (some dropped) finds the values the identities allow, as before.
    cells = [str(figure) for figure in figures[: max(1, width - 1)]]
    placement = place_amounts(layout, cells)
    assert placement.problem is None
    assert _holds_checking_every_identity(layout, placement.values) or not placement.repaired
