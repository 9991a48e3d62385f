"""A header row repeated on a later page is set aside by make_grid, which compares a row's whole
signature only where its last cell is a header's: the grid is the one comparing every row's whole
signature gives (a cell's spaces are taken out only where it holds one, as str.split takes them).
Its header text, kept, is its header rows' cells run together; its unit, looked for only in lines
naming 单位, the first any line prints."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.readers.text.grid import (
    _UNIT,
    Grid,
    _is_continuation,
    _signature,
    _without_spaces,
    is_heading_line,
    looks_like_data,
    make_grid,
)
from cnbudget.readers.text.source import SourceLine, split_lines


def _plain_grid(lines: Sequence[SourceLine]) -> Grid:
    """make_grid as it reads with every tabular line's signature compared (its rows, header, notes)."""
    grid = make_grid([])
    header: list[SourceLine] = []
    rows: list[SourceLine] = []
    seen: set[tuple[str, ...]] = set()
    for line in lines:
        if line.is_blank or is_heading_line(line) or not line.is_tabular or "※" in line.raw:
            continue
        signature = _signature(line)
        if signature in seen:
            continue
        if looks_like_data(line) or (rows and _is_continuation(line)):
            rows.append(line)
        elif not rows:
            header.append(line)
            seen.add(signature)
    return Grid(header=tuple(header), rows=tuple(rows), notes=grid.notes, meta=grid.meta, numbering=None,
                unit_text=None)


_cells = st.sampled_from(["", " ", "类", "类 ", " 类", "科目编码", "科目", "科 目", "名 称", "名称", "合计", "合 计",
                          "基本支出", "201", "201 ", "5.00", "1,089.27", "一般公共服务支出", "**合计**", "<b>类</b>",
                          "单位：万元", "单位 : 元", "金额单位：亿元", "单位"])
_rows = st.lists(st.lists(_cells, min_size=2, max_size=5).map("\t".join), min_size=1, max_size=12)


@settings(max_examples=400, deadline=None)
@given(_rows)
def test_repeated_headers_are_found_as_comparing_every_signature_finds_them(raws: list[str]) -> None:
    lines = [line for line in split_lines("\n".join(raws)) if "※" not in line.raw]
    grid, plain = make_grid(lines), _plain_grid(lines)
    assert grid.header == plain.header
    assert grid.rows == plain.rows
    assert grid.header_text == "".join("".join(cell.split()) for line in plain.header for cell in line.cells)
    # The unit is the first a line prints, as searching every line for it finds.
    units = [found.group(1) for line in lines if not line.is_blank and (found := _UNIT.search(line.text))]
    assert grid.unit_text == (units[0] if units else None)


def test_a_header_repeated_with_other_spaces_is_set_aside() -> None:
    lines = split_lines("科 目\t名称\t合计\n201\t一般公共服务支出\t5.00\n"
                        "科目\t名 称\t合 计\n201\t一般公共服务支出\t5.00")
    grid = make_grid(lines)
    assert [line.number for line in grid.header] == [1]
    assert [line.number for line in grid.rows] == [2, 4]


@settings(max_examples=1000)
@given(st.text(alphabet=st.sampled_from(["a", "预", "1", ".", " ", "\t", "\u3000", "\u00a0", "\u2028", "\x1c", "\x85",
                                         "\u200b", "\ufeff"])))
def test_a_cell_loses_its_spaces_as_str_split_takes_them(cell: str) -> None:
    assert _without_spaces(cell) == "".join(cell.split())
