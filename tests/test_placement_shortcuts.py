"""A row's amounts are held only to the identities whose columns the layout prints, found once per
layout: whether they hold is what checking every identity, skipping those naming a column the row
has no value for, finds. A row placed as printed is made on its builder: the placement is the one
the constructor makes."""

from __future__ import annotations

import functools
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.decimals import ARITHMETIC
from cnbudget.money import Consistency, check_sum
from cnbudget.readers.tables.columns import Layout, Placement, _holds, fitting_placements, place_amounts
from cnbudget.readers.text.grid import cell_amount

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


def _parse_plainly(cells: list[str]) -> list[Decimal] | str:
    parsed = []
    for cell in cells:
        value = cell_amount(cell)
        if value is None:
            return f"not an amount: {cell!r}"
        parsed.append(value)
    return parsed


def _place_plainly(layout: Layout, cells: list[str]) -> Placement:
    """place_amounts as first written: every placement made by its constructor."""
    parsed = _parse_plainly(cells)
    if isinstance(parsed, str):
        return Placement(values={}, problem=parsed)
    width = len(layout.amounts)
    if len(parsed) > width:
        if [c for c in cells[width:] if c.strip()]:
            return Placement(values={}, problem=f"{len(parsed)} amount cells for {width} columns")
        parsed = parsed[:width]
    straight = dict(zip(layout.amounts, parsed + [Decimal(0)] * (width - len(parsed)), strict=True))
    if _holds_checking_every_identity(layout, straight) or not layout.identities:
        return Placement(values=straight)
    missing = width - len(parsed)
    if missing == 0 or missing > 3:
        return Placement(values=straight)
    fits = fitting_placements(layout, parsed)
    if not fits:
        return Placement(values=straight)
    uncertain = tuple(field for field in layout.amounts if len({fit[field] for fit in fits}) > 1)
    return Placement(values=fits[-1], repaired=True, uncertain=uncertain)


_CELLS = st.sampled_from(["", " ", "-", "1.00", "2.00", "3.00", "0.01", "1,000.00", "合计", "5.00万元", "x1"])


@settings(max_examples=600)
@given(st.integers(1, 5), _IDENTITIES, st.lists(_CELLS, max_size=7))
def test_a_row_is_placed_as_the_plain_way_places_it(
    width: int, identities: list[tuple[str, tuple[str, ...]]], cells: list[str],
) -> None:
    layout = Layout(name="demo", signature=(), lead=("name",), amounts=_COLUMNS[:width], identities=tuple(identities))
    placement = place_amounts(layout, cells)
    plain = _place_plainly(layout, cells)
    assert type(placement) is Placement
    assert placement == plain
    assert list(placement.values.items()) == list(plain.values.items())
