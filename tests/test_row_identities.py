"""A row's own identities (合计 = 基本支出 + 项目支出) decide where a row's figures go; a row that adds
up exactly is let through without the rounding-aware check, which must find the same: every
placement is the one check_sum alone gives."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.model import ExpenditureAmounts
from cnbudget.money import Consistency, check_sum, parse_amount
from cnbudget.readers.tables.columns import Layout, _holds, place_amounts

_LAYOUT = Layout(name="demo", signature=(), lead=("name",), amounts=("total", "basic", "project"),
                 record=ExpenditureAmounts)
_figures = st.one_of(st.sampled_from(["", "-", "0", "0.00"]),
                     st.builds(lambda n, places: f"{Decimal(n).scaleb(-places):f}", st.integers(-300, 300),
                               st.integers(0, 2)))


def _holds_by_check_sum(values: dict[str, Decimal]) -> bool:
    return all(check_sum(values[total], [values[p] for p in parts]).status is not Consistency.INCONSISTENT
               for total, parts in _LAYOUT.identities)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_figures, min_size=3, max_size=3))
def test_a_row_holds_exactly_where_check_sum_alone_finds_it_consistent(cells: list[str]) -> None:
    values = dict(zip(_LAYOUT.amounts, [parse_amount(cell) for cell in cells], strict=True))
    assert _holds(_LAYOUT, values) is _holds_by_check_sum(values)


def test_a_row_that_adds_up_within_rounding_stays_as_printed() -> None:
    placement = place_amounts(_LAYOUT, ["1.00", "0.33", "0.66"])
    assert not placement.repaired
    assert placement.values == {"total": Decimal("1.00"), "basic": Decimal("0.33"), "project": Decimal("0.66")}

