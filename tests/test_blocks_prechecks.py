"""Finding the blocks asks whether a line is a table row by stopping at its second filled cell: the
answer is the count of its filled cells above one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.readers.text.blocks import _several_filled
from cnbudget.readers.text.source import SourceLine


@settings(max_examples=800)
@given(st.lists(st.sampled_from(["", " ", "201", "合计", "5.00", "一般公共预算支出表"]), max_size=6).map("\t".join))
def test_a_line_has_several_filled_cells_where_more_than_one_is_filled(raw: str) -> None:
    line = SourceLine.of(1, raw)
    assert _several_filled(line) is (len([cell for cell in line.cells if cell]) > 1)
