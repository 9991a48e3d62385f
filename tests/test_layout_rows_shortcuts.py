"""Shortcuts of the layout rows' reading held to the plain way."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cnbudget.readers.text.layout_rows import WrappedRow, _nearest_piece, _piece_beside

_CELLS = st.lists(st.sampled_from(["", "", "卫生", "健康支出", "1.00"]), min_size=1, max_size=4).map(tuple)


@st.composite
def _rows(draw: st.DrawFn) -> list[WrappedRow]:
    gaps = draw(st.lists(st.integers(min_value=1, max_value=4), min_size=1, max_size=8))
    numbers = [sum(gaps[:i + 1]) for i in range(len(gaps))]
    return [WrappedRow(number, draw(_CELLS), draw(st.booleans())) for number in numbers]


@given(_rows(), st.data())
def test_no_piece_beside_means_no_nearest_piece_in_any_column(rows: list[WrappedRow], data: st.DataObject) -> None:
    anchor = data.draw(st.integers(min_value=0, max_value=len(rows) - 1))
    for step in (-1, 1):
        if not _piece_beside(rows, anchor, step):
            assert all(_nearest_piece(rows, anchor, column, step) is None for column in range(5))
