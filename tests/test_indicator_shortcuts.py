"""Indicator rows take their cells by the columns read, kept once per table: the values are what
taking every column of the heading in turn gives, whatever roles the heading names (twice, or none)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.readers.performance.indicator_tree import IndicatorColumns, _Carry, _place, _repeats_heading, _Vocabulary
from cnbudget.readers.performance.labels import label_key
from cnbudget.readers.text.source import SourceLine

_ROLES = st.sampled_from([None, "level1", "level2", "name", "target", "weight", "basis", "prior_actual"])
_CELLS = st.sampled_from(["", " ", "产出指标", "数量指标", "次数", ">=3次", "10", "=100%", "无"])


@settings(max_examples=400)
@given(st.lists(_ROLES, min_size=1, max_size=8), st.lists(_CELLS, max_size=10), st.booleans())
def test_a_row_takes_its_cells_as_every_column_in_turn_gives_them(
    roles: list[str | None], cells: list[str], numeric: bool,
) -> None:
    header = SourceLine.of(1, "\t".join(role or "" for role in roles) + "\tx")
    columns = IndicatorColumns(header=header.with_cells(tuple(role or "" for role in roles)), roles=tuple(roles))
    vocabulary = _Vocabulary(numeric_weights=numeric, level2_words=False)
    placement = _place(cells, columns, vocabulary, _Carry())
    expected = {role: cells[i] for i, role in enumerate(roles) if role is not None and i < len(cells)}
    assert placement.values == expected
    assert list(placement.values.items()) == list(expected.items())


_LABELS = st.sampled_from(["一级指标", "一级 指标", "二级指标", "三级指标", "指标值", "分值权重", "", "产出指标", "10"])


@settings(max_examples=400)
@given(st.lists(_LABELS, max_size=5), st.lists(_LABELS, max_size=5))
def test_a_repeated_heading_is_told_as_comparing_every_label_tells(heading: list[str], cells: list[str]) -> None:
    keys = [label_key(cell) for cell in heading]
    line = SourceLine.of(2, "x").with_cells(tuple(cells))
    assert _repeats_heading(line, keys) is ([label_key(cell) for cell in cells] == keys and len(cells) == len(keys))
