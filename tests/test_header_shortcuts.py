"""The columns of merged header rows are found with each row's headings kept apart (a heading's
parent is looked for among the rows above without going through every heading again): they are the
columns looking through every heading finds."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.readers.tables.header import Column, header_columns
from cnbudget.readers.text.source import SourceLine, split_lines


class _Plain(NamedTuple):
    row: int
    start: int
    end: int
    text: str
    parent: int | None


def _plain_parent(headings: Sequence[_Plain], row: int, start: int, following: int | None) -> int | None:
    for above in range(row - 1, -1, -1):
        candidates = [(position, h) for position, h in enumerate(headings) if h.row == above]
        covering = next((position for position, h in candidates if h.start <= start <= h.end), None)
        if covering is None:
            continue
        if following is not None and headings[covering].end == start < following:
            after = next((position for position, h in candidates if start < h.start <= following), None)
            if after is not None and min(following, headings[after].end) - headings[after].start + 1 > 1:
                return after
        return covering
    return None


def _plain_columns(header: Sequence[SourceLine]) -> list[Column]:
    headings: list[_Plain] = []
    last = max((len(line.cells) for line in header), default=0) - 1
    for row, line in enumerate(header):
        filled = [(index, cell) for index, cell in enumerate(line.cells) if cell.strip()]
        for position, (index, cell) in enumerate(filled):
            following = filled[position + 1][0] - 1 if position + 1 < len(filled) else None
            parent = _plain_parent(headings, row, index, following)
            limit = headings[parent].end if parent is not None else last
            end = limit if following is None else min(following, limit)
            headings.append(_Plain(row=row, start=index, end=max(index, end), text=cell.strip(), parent=parent))
    parents = {h.parent for h in headings if h.parent is not None}
    columns = []
    for position, found in enumerate(headings):
        if position in parents:
            continue
        path = [found.text]
        above = found.parent
        while above is not None:
            path.insert(0, headings[above].text)
            above = headings[above].parent
        columns.append(Column(index=found.start, path=tuple(path)))
    return sorted(columns, key=lambda column: column.index)


_CELLS = st.sampled_from(["", "", " ", "合计", "小计", "基本支出", "项目支出", "“三公”经费", "公务接待费", "人员经费"])
_ROWS = st.lists(st.lists(_CELLS, min_size=1, max_size=7).map("\t".join), min_size=1, max_size=4)


@settings(max_examples=500)
@given(_ROWS)
def test_header_columns_are_those_looking_through_every_heading_finds(raws: list[str]) -> None:
    header = split_lines("\n".join(raws))
    assert header_columns(header) == _plain_columns(header)
