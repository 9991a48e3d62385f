"""Reading a table's rows: whether a row only continues the name above is told from its last cell
first, and whether its code cells lost a leading zero is kept by the cells; both answer as the plain
way does (every other cell looked at; each code cell looked at in turn)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.readers.tables.rows import _continues, _zeros_lost, lost_zeros

_CELLS = st.sampled_from(["", " ", "201", "2", " 3 ", "02", "行政运行", "出", "合计", "5.00", "其他医疗保障管理事务支"])


def _continues_plainly(lead: list[str], cells: list[str], name_index: int) -> bool:
    name = lead[name_index]
    if len(name) > 12 or not name.strip():
        return False
    return not any(cell.strip() for index, cell in enumerate(cells) if index != name_index)


@settings(max_examples=800)
@given(st.lists(_CELLS, min_size=1, max_size=8), st.integers(0, 7), st.integers(1, 4))
def test_a_row_continues_the_name_above_where_the_plain_way_finds_it_does(
    cells: list[str], name_index: int, lead_width: int,
) -> None:
    name_index = min(name_index, len(cells) - 1)
    lead = cells[:max(lead_width, name_index + 1)]
    assert _continues(lead, cells, name_index) is _continues_plainly(lead, cells, name_index)


@settings(max_examples=400)
@given(st.lists(_CELLS, max_size=4))
def test_lost_zeros_are_kept_as_they_are_found(parts: list[str]) -> None:
    assert _zeros_lost(tuple(parts)) is lost_zeros(parts)


def test_the_plain_way_finds_a_continuation() -> None:
    assert _continues_plainly(["", "", "", "出"], ["", "", "", "出", ""], 3)
    assert _continues(["", "", "", "出"], ["", "", "", "出", ""], 3)
    assert not _continues(["", "", "", "出"], ["", "", "", "出", "5.00"], 3)
