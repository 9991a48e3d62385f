"""A row's cells under the columns of a header read by its words (header.project_cells): where the
columns are the cells 0, 1, 2, … in order and the row prints no more cells than there are columns,
each cell is taken as it stands, without looking for the column of each; the result is what the
plain way, a column sought for every cell, gives, whatever the columns and cells."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.model.amounts import ExpenditureAmounts
from cnbudget.readers.tables.columns import Layout
from cnbudget.readers.tables.header import CELLS_COLLIDE, DerivedLayout, _filled, _placed_cells, project_cells
from cnbudget.readers.tables.rows import fits_lead
from cnbudget.readers.text.grid import is_amount
from cnbudget.readers.text.source import SourceLine

_LAYOUT = Layout(name="from-header", signature=(), lead=("code", "name"), amounts=("total", "basic", "project"),
                 record=ExpenditureAmounts)
_CELLS = st.sampled_from(["", " ", "201", "一般公共服务支出", "合计", "12.50", "1,089.27", "-", "0", "基本支出"])


def _project_cells_the_plain_way(line: SourceLine, derived: DerivedLayout) -> tuple[str, ...] | str:
    # A column sought for every filled cell, as the function is documented.
    placed: dict[int, str] = {}
    for index, cell in enumerate(line.cells):
        if not cell.strip():
            continue
        column = index if index in derived.indexes else next(
            (near for near in (index - 1, index + 1) if near in derived.indexes and not _filled(line, near)), None)
        if column is None:
            return "a cell stands under no column"
        if column in placed:
            both_figures = is_amount(placed[column]) and is_amount(cell)
            return CELLS_COLLIDE if both_figures else "two cells stand under one column"
        placed[column] = cell
    cells = tuple(placed.get(index, "") for index in derived.indexes)
    if not fits_lead(derived.layout, cells[:2]):
        return "a figure stands under a code or a name"
    if any(text.strip() and not is_amount(text) and text.strip() not in {"-", "—", "－", "--"} for text in cells[2:]):
        return "words stand under an amount"
    return cells


@settings(max_examples=600)
@given(st.one_of(st.just((0, 1, 2, 3, 4)), st.permutations(range(5)).map(tuple),
                 st.lists(st.integers(0, 7), min_size=5, max_size=5, unique=True).map(tuple)),
       st.lists(_CELLS, max_size=8))
def test_a_row_is_projected_as_seeking_every_cells_column_projects_it(indexes: tuple[int, ...],
                                                                     cells: list[str]) -> None:
    derived = DerivedLayout(layout=_LAYOUT, indexes=indexes)
    line = SourceLine.of(3, "x").with_cells(tuple(cells))
    assert project_cells(line, derived) == _project_cells_the_plain_way(line, derived)


def test_columns_in_order_told_by_hand() -> None:
    assert DerivedLayout(layout=_LAYOUT, indexes=(0, 1, 2, 3, 4)).in_order
    assert not DerivedLayout(layout=_LAYOUT, indexes=(0, 1, 3, 2, 4)).in_order
    assert not DerivedLayout(layout=_LAYOUT, indexes=(0, 2, 3, 4, 5)).in_order
    # Under columns in order, blank cells are blank and a filled one keeps its spaces, as placed.
    line = SourceLine.of(1, "x").with_cells(("201", " ", "一般公共服务支出", " 12.50"))
    derived = DerivedLayout(layout=_LAYOUT, indexes=(0, 2, 3, 4, 5))
    assert _placed_cells(line, derived.columns) == {0: "201", 2: "一般公共服务支出", 3: " 12.50"}
    in_order = DerivedLayout(layout=_LAYOUT, indexes=(0, 1, 2, 3, 4))
    assert project_cells(line, in_order) == "words stand under an amount"  # 一般公共服务支出 under total
    line = SourceLine.of(1, "x").with_cells(("201", "一般公共服务支出", " ", " 12.50"))
    assert project_cells(line, in_order) == ("201", "一般公共服务支出", "", " 12.50", "")
