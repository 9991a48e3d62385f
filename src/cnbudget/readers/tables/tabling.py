"""Steps every row-per-line table shares: take the block apart, choose the layout by header text,
read the rows, and collect the table's title, number, notes and empty-table statement (表格读取).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import attrs

from cnbudget.codes import ClassificationCode, FunctionCode
from cnbudget.model.kinds import printed_title
from cnbudget.money import AmountUnit
from cnbudget.readers.result import Problem
from cnbudget.readers.tables.columns import Layout, choose_layout
from cnbudget.readers.tables.header import CELLS_COLLIDE, DerivedLayout, derive_layout, header_amounts, project_cells
from cnbudget.readers.tables.rows import RowRecord, compact_cells, read_rows
from cnbudget.readers.text.blocks import Block
from cnbudget.readers.text.grid import Grid, make_grid
from cnbudget.readers.text.source import printed_at

__all__ = ["TableReading", "function_row", "is_empty_statement", "read_grid_rows", "table_info"]

_EMPTY = re.compile(r"为空表|没有使用.{0,30}安排的支出|无.{0,20}(?:收支|支出)预算|本表无数据")
_NOTE_PREFIX = re.compile(r"^\s*(?:备注|注)\s*[:：]\s*")


def is_empty_statement(text: str) -> bool:
    """Whether a sentence states that a table is empty (…为空表 / 没有使用…安排的支出)."""
    return _EMPTY.search(text) is not None


@attrs.frozen(kw_only=True)
class TableReading:
    """What reading a table's rows produced."""

    grid: Grid
    layout: Layout | None
    rows: tuple[RowRecord, ...]
    problems: list[Problem]


def read_grid_rows(
    block: Block,
    layouts: Sequence[Layout],
    *,
    family: type[ClassificationCode] = FunctionCode,
    record: type | None = None,
    economic: bool = False,
    grid: Grid | None = None,
) -> TableReading:
    """Take ``block`` apart, recognise its layout and read its rows.

    A declared layout (a template's column set, recognised by its header words) is tried first; a
    header no declared layout matches, or whose columns stand in another order than the declared
    layout's, is read column by column (:func:`derive_layout`) for rows of ``record`` (codes of the
    economic classification where ``economic``). ``grid`` is the block taken apart
    (:func:`~cnbudget.readers.text.grid.make_grid`), where the caller has it already.
    """
    grid = make_grid(block.lines) if grid is None else grid
    layout = choose_layout(grid.header_text, layouts)
    # The header's amount columns, asked first: the layout is made of them only where it is read by.
    named = header_amounts(grid.header, record, economic=economic) if record is not None and grid.header \
        else "the table prints no column headings"
    if not isinstance(named, str) and record is not None and (layout is None or _reordered(layout, named)):
        # No declared template has these headings, or its columns stand in another order here.
        derived = derive_layout(grid.header, record, economic=economic)
        assert isinstance(derived, DerivedLayout)  # made of the columns just named
        return _read_derived(block, grid, derived, family)
    if layout is None:
        if not grid.rows and any(is_empty_statement(n.text) for n in grid.notes):
            return TableReading(grid=grid, layout=layouts[-1], rows=(), problems=[])
        problem = Problem(
            line=block.title.number,
            text=block.title.text,
            message="table not read: its column headings match no known layout "
            f"(headings: {grid.header_text[:80]!r}; {named})",
            table=block.key,
        )
        return TableReading(grid=grid, layout=None, rows=(), problems=[problem])
    layout = _with_code_columns(layout, grid)
    problems: list[Problem] = []
    if grid.column_count is not None and grid.column_count != len(layout.lead) + len(layout.amounts):
        problems.append(
            Problem(
                line=grid.numbering.number if grid.numbering else None,
                text=grid.numbering.raw if grid.numbering else "",
                message=f"the column-number row announces {grid.column_count} columns; "
                f"the recognised layout has {len(layout.lead) + len(layout.amounts)}",
                table=block.key,
            )
        )
    rows, row_problems = read_rows(grid.rows, layout, family=family, table=block.key)
    return TableReading(grid=grid, layout=layout, rows=tuple(rows), problems=problems + row_problems)


def _reordered(declared: Layout, named: tuple[str, ...]) -> bool:
    """Whether the header names the declared template's columns, all of them, in another order."""
    return sorted(declared.amounts) == sorted(named) and declared.amounts != named


def _read_derived(block: Block, grid: Grid, derived: DerivedLayout, family: type[ClassificationCode]) -> TableReading:
    """Read the rows under a layout read from the header: each row's cells under the columns, or,
    where the extraction shifted a whole row, by what its cells hold; a row whose cells collide is
    reported, never rearranged."""
    lines = []
    problems: list[Problem] = []
    for line in grid.rows:
        cells = project_cells(line, derived)
        if cells == CELLS_COLLIDE:
            problems.append(Problem(line=line.number, text=line.raw, table=block.key,
                                    message=f"row not read: {cells}"))
            continue
        placed = cells if isinstance(cells, tuple) else compact_cells(line, derived.layout)
        # A row printed under its columns as they are (most rows) is its own line, not a copy of it.
        lines.append(line if placed == line.cells else line.with_cells(placed))
    rows, row_problems = read_rows(lines, derived.layout, family=family, table=block.key)
    return TableReading(grid=grid, layout=derived.layout, rows=tuple(rows), problems=problems + row_problems)


_LEVEL_HEADINGS = {"类", "款", "项"}


def _with_code_columns(layout: Layout, grid: Grid) -> Layout:
    """The layout with its code in one column when the header has no 类/款/项 sub-headings.

    Templates print a code either in three columns headed 类 | 款 | 项 or whole in one column
    headed 科目编码; the header tells which.
    """
    if layout.lead.count("code") <= 1:
        return layout
    cells = {cell.strip() for line in grid.header for cell in line.cells}
    if cells >= _LEVEL_HEADINGS:
        return layout
    lead: list[str] = []
    for role in layout.lead:
        if role != "code" or "code" not in lead:
            lead.append(role)
    return attrs.evolve(layout, lead=tuple(lead))


def table_info(block: Block, reading: TableReading) -> dict[str, Any]:
    """The keyword arguments every table class takes besides its rows."""
    empty = [n.text for n in reading.grid.notes if is_empty_statement(n.text)]
    notes = [
        _NOTE_PREFIX.sub("", n.text)
        for n in reading.grid.notes
        if not is_empty_statement(n.text) and _NOTE_PREFIX.match(n.text)
    ]
    return {
        "title": printed_title(block.title.text),
        "number": block.number,
        "unit": AmountUnit.parse(reading.grid.unit_text) if reading.grid.unit_text else None,
        "empty_statement": empty[0] if empty else None,
        "notes": notes,
        **printed_at(block.title),
    }



def function_row(row: RowRecord) -> dict[str, Any]:
    """The keyword arguments every line by function (功能分类) takes from its row, besides its amounts."""
    code = row.code if isinstance(row.code, FunctionCode) else None
    return {"agency": row.agency, "agency_code": row.agency_code, "code": code, "name": row.name,
            **printed_at(row.line)}
