"""A procurement row's cells are taken apart in one pass: its texts and figures are what taking the
texts, then parsing the figures, gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.money import parse_amount
from cnbudget.readers.tables.procurement import _cells
from cnbudget.readers.text.grid import is_amount
from cnbudget.readers.text.source import SourceLine, clean_name

_CELL = st.sampled_from(["", " ", "9.00", "1,234.50", "-", "—", "0", "合 计", "一、货物 A", "台式 计算机",
                         "政府集中采购", "12", "１２．５", "5万元", "x1", "<b>3.00</b>"])


@settings(max_examples=400)
@given(st.lists(_CELL, min_size=1, max_size=7))
def test_a_row_gives_the_texts_and_figures_two_passes_give(cells: list[str]) -> None:
    line = SourceLine.of(3, "\t".join(cells))
    texts, figures = _cells(line)
    assert texts == [clean_name(cell) for cell in line.cells if cell.strip() and not is_amount(cell)]
    expected = [parse_amount(cell) for cell in line.cells if cell.strip() and is_amount(cell)]
    assert [str(figure) for figure in figures] == [str(figure) for figure in expected]
