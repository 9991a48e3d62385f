"""A table's columns read from its header rows (表头解析): the layout of a template not declared.

Header rows spanning several lines are merged first: each heading covers the columns from its own
cell to the next heading of its row (within the heading above it), so every column has a *path* of
headings from the top row down (``支出预算 / 基本支出``; ``“三公”经费 / 公务用车购置及运行费 / 小计``).
The leading columns (code 类/款/项 or 科目编码, 名称, 单位代码, 项目名称) are told by their words; every
other column is placed by :func:`cnbudget.model.columns.field_of`. A header whose words leave a
column unknown, name a field twice, or name no amount is not guessed at: the table is reported.

A data row is read by the cells under the columns; where an extraction put a row's cells elsewhere
than under the headings (the cells shifted, not the headings), the row is read by what its cells
hold: codes and names first, then the amounts in printed order.

>>> from cnbudget.model import ExpenditureAmounts
>>> from cnbudget.readers.text.source import split_lines
>>> header = split_lines("项目\\t\\t\\t\\t支出预算\\n"
...                      "功能分类科目编码\\t\\t\\t功能分类科目名称\\t合计\\t基本支出\\t项目支出\\n类\\t款\\t项")
>>> derived = derive_layout(header, ExpenditureAmounts)
>>> derived.layout.lead, derived.layout.amounts
(('code', 'code', 'code', 'name'), ('total', 'basic', 'project'))
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from typing import NamedTuple

import attrs

from cnbudget.model.columns import SUBTOTALS, TABLE_TOTAL, field_of, heading, table_total
from cnbudget.model.sums import OF_WHICH, parent_of, parts_of
from cnbudget.readers.tables.columns import Layout
from cnbudget.readers.tables.rows import fits_lead
from cnbudget.readers.text.grid import is_amount
from cnbudget.readers.text.source import SourceLine

__all__ = ["CELLS_COLLIDE", "Column", "DerivedLayout", "derive_layout", "header_amounts", "header_columns",
           "join_wrapped", "project_cells"]

_CODE_PART = re.compile(r"类|款|项")
_WHOLE_CODE = re.compile(r".*(?:编码|代码|科目编号)")
_AGENCY_CODE = re.compile(r"(?:部门\(单位\)|预算单位|单位|部门)(?:代码|编码)")
_NAME = re.compile(r".*名称|项目|科目|单位\(科目名称\)|项目\(科目\)")
_PROJECT = re.compile(r"项目名称")
_GOV = re.compile(r"政府预算")


@attrs.frozen
class Column:
    """One column of the header: the cell index it stands at and its headings from the top down."""

    index: int
    path: tuple[str, ...]


class _Heading(NamedTuple):  # made for every heading cell of every table: a tuple is made fastest
    row: int
    start: int
    end: int  # the last index it covers
    text: str
    parent: int | None  # the index, in the list of headings, of the heading above it


def header_columns(header: Sequence[SourceLine]) -> list[Column]:
    """The columns of merged header rows, left to right, each with the headings above it.

    A heading covers the columns from its own cell to the next heading of its row. It belongs to the
    heading of a row above whose columns it shares most (an extraction may print it one cell early).

    >>> from cnbudget.readers.text.source import split_lines
    >>> rows = split_lines('合计\\t“三公”经费\\t\\t\\t会议费\\n\\t小计\\t因公出国（境）费\\t公务接待费')
    >>> for column in header_columns(rows):
    ...     print(column.index, "/".join(column.path))
    0 合计
    1 “三公”经费/小计
    2 “三公”经费/因公出国（境）费
    3 “三公”经费/公务接待费
    4 会议费
    """
    return _columns_of([line.cells for line in header])


def _columns_of(header: Sequence[Sequence[str]]) -> list[Column]:
    """:func:`header_columns` of header rows given by their cells (a derivation has the cells only)."""
    headings: list[_Heading] = []
    rows_above: list[list[tuple[int, _Heading]]] = []  # each row's headings, with their index in headings
    last = max(map(len, header), default=0) - 1
    for row, cells in enumerate(header):
        filled = [(index, cell) for index, cell in enumerate(cells) if cell.strip()]
        this_row: list[tuple[int, _Heading]] = []
        for position, (index, cell) in enumerate(filled):
            following = filled[position + 1][0] - 1 if position + 1 < len(filled) else None
            parent = _parent(rows_above, index, following)
            limit = headings[parent].end if parent is not None else last
            end = limit if following is None else min(following, limit)
            found = _Heading(row=row, start=index, end=max(index, end), text=cell.strip(), parent=parent)
            this_row.append((len(headings), found))
            headings.append(found)
        rows_above.append(this_row)
    parents = {h.parent for h in headings if h.parent is not None}
    columns = []
    for position, found in enumerate(headings):
        if position in parents:
            continue  # it has headings below it: not a column of its own
        path = [found.text]  # bottom up, turned over below
        above = found.parent
        while above is not None:
            path.append(headings[above].text)
            above = headings[above].parent
        path.reverse()
        columns.append(Column(index=found.start, path=tuple(path)))
    return sorted(columns, key=lambda column: column.index)


def _parent(rows_above: Sequence[Sequence[tuple[int, _Heading]]], start: int, following: int | None) -> int | None:
    """The heading (its index) of the nearest row above that covers ``start``; where ``start`` is that
    heading's last column and the heading reaches further right (to ``following``) over more than one
    column of the next heading, the next one (the extraction printed it one cell early). ``rows_above``
    holds each row's headings with their indexes, top down."""
    for candidates in reversed(rows_above):
        covering = next(((position, h) for position, h in candidates if h.start <= start <= h.end), None)
        if covering is None:
            continue
        if following is not None and covering[1].end == start < following:
            after = next(((position, h) for position, h in candidates if start < h.start <= following), None)
            if after is not None and min(following, after[1].end) - after[1].start + 1 > 1:
                return after[0]  # it shares more columns with the next heading than its one with this
        return covering[0]
    return None


@attrs.frozen(kw_only=True)
class DerivedLayout:
    """A layout read from a header, and the cell index of each of its columns (lead, then amounts)."""

    layout: Layout
    indexes: tuple[int, ...]
    #: The cell indexes that are columns (kept, as the one below: every row of the table is placed by them).
    columns: frozenset[int] = attrs.field(init=False, eq=False, repr=False)
    #: Whether the columns are the cells 0, 1, 2, … in order (most headers): a row's cells, as many as
    #: the columns or fewer, each stand under their own column.
    in_order: bool = attrs.field(init=False, eq=False, repr=False)

    @columns.default
    def _columns(self) -> frozenset[int]:
        return frozenset(self.indexes)

    @in_order.default
    def _in_order(self) -> bool:
        return self.indexes == tuple(range(len(self.indexes)))


def _lead_role(label: str, path: tuple[str, ...], names: int, economic: bool) -> str | None:
    if _AGENCY_CODE.fullmatch(label):
        return "agency_code"
    if _CODE_PART.fullmatch(label):
        if not economic:
            return "code"
        part = "category" if label == "类" else "section"
        return f"gov_{part}" if _under_gov(path) else f"econ_{part}"
    if _WHOLE_CODE.fullmatch(label):
        return ("gov" if _under_gov(path) else "econ") if economic else "code"
    if _PROJECT.fullmatch(label) and names > 1:
        return "project"
    if _NAME.fullmatch(label):
        return "gov_name" if economic and _under_gov(path) else "name"
    return None


def _under_gov(path: tuple[str, ...]) -> bool:
    """Whether a heading of the column names the government's economic classification (政府预算)."""
    return any(_GOV.search(heading(text)) for text in path)


def derive_layout(header: Sequence[SourceLine], record: type, *, economic: bool = False) -> DerivedLayout | str:
    """The layout the header rows describe for rows of ``record`` (economic codes where ``economic``),
    or why it cannot be read.

    Headings an extraction cut over several rows (``单位预留机动经`` / ``费``) are joined first. The
    columns are read from the rows of headings; where the rows do not make a tree the words can read
    (headings cut and scattered over many rows), from the words alone: every heading by its field,
    a group (公务用车购置及运行费) a column only where a 小计 stands for it. Only the rows' cells are
    read, and what they give is kept by them: a template prints the same header in every document.
    """
    return _derived_layout(tuple([line.cells for line in header]), record, economic)


def header_amounts(header: Sequence[SourceLine], record: type, *, economic: bool = False) -> tuple[str, ...] | str:
    """The amount columns :func:`derive_layout` finds in the header, in printed order, or why it
    cannot be read: what a reader asks of a header whose template it knows (whether the header prints
    that template's columns in another order), without making the layout it seldom reads by.

    >>> from cnbudget.model import ExpenditureAmounts
    >>> from cnbudget.readers.text.source import line_of_cells
    >>> cells = ("科目编码", "科目名称", "合计", "项目支出", "基本支出")
    >>> header_amounts([line_of_cells(5, " ".join(cells), cells)], ExpenditureAmounts)
    ('total', 'project', 'basic')
    >>> header_amounts([line_of_cells(5, "科目名称", ("科目名称",))], ExpenditureAmounts)
    'the header names no amount column'
    """
    found = _derived_columns(tuple([line.cells for line in header]), record, economic)
    return found if isinstance(found, str) else found.amounts


class _Placed(NamedTuple):
    """The columns a header names: the leading roles, the amount fields in printed order, and the cell
    index of each (lead, then amounts)."""

    lead: tuple[str, ...]
    amounts: tuple[str, ...]
    indexes: tuple[int, ...]


@functools.lru_cache(maxsize=1024)  # a pure function of the cells: a template's header recurs in every document of it
def _derived_layout(cells: tuple[tuple[str, ...], ...], record: type, economic: bool) -> DerivedLayout | str:
    """:func:`derive_layout` of header rows printing ``cells`` (its results are frozen values)."""
    found = _derived_columns(cells, record, economic)
    if isinstance(found, str):
        return found
    layout = Layout(name="from-header", signature=(), lead=found.lead, amounts=found.amounts, record=record)
    return DerivedLayout(layout=layout, indexes=found.indexes)


@functools.lru_cache(maxsize=1024)
def _derived_columns(cells: tuple[tuple[str, ...], ...], record: type, economic: bool) -> _Placed | str:
    """The columns of header rows printing ``cells`` (:func:`derive_layout`), before a layout is made of them."""
    header = _joined_cells(cells, record)  # only the cells are read: no line is made for a row of them
    by_rows = _from_rows(_columns_of(header), record, economic)
    if not isinstance(by_rows, str):
        return by_rows
    by_words = _from_words(header, record, economic)
    return by_words if not isinstance(by_words, str) else by_rows


def _from_rows(columns: Sequence[Column], record: type, economic: bool) -> _Placed | str:
    for column in columns:
        if (why := _misplaced(column.path, record)) is not None:
            return why
    names = sum(1 for column in columns if _NAME.fullmatch(heading(column.path[-1])))
    lead: list[tuple[int, str]] = []
    amounts: list[tuple[int, str]] = []
    for column in columns:
        label = heading(column.path[-1])
        role = None if amounts else _lead_role(label, column.path, names, economic)
        if role is not None:
            lead.append((column.index, role))
            continue
        field = _field_named(record, column.path)
        if field is None:
            return f"the column headed {'/'.join(column.path)!r} is not one the reader knows"
        amounts.append((column.index, field))
    return _placed(record, lead, amounts)


def _misplaced(path: Sequence[str], record: type) -> str | None:
    """Why a column's headings cannot stand one above the other (会议费 over 培训费: neither is a part of
    the other), or ``None``: a heading naming a column is above only the parts of that column."""
    named = [(text, field) for text in path if (field := _field_named(record, (text,))) not in (None, TABLE_TOTAL)]
    for (upper, above), (lower, below) in itertools.pairwise(named):
        chain: list[str] = []
        node: str | None = below
        while node is not None:
            chain.append(node)
            node = parent_of(record, node) or OF_WHICH.get(record, {}).get(node)
        if above not in chain:
            return f"the heading {lower!r} stands under {upper!r}, which it is not a part of"
    return None


def _placed(record: type, lead: Sequence[tuple[int, str]], amounts: Sequence[tuple[int, str]]) -> _Placed | str:
    if not amounts:
        return "the header names no amount column"
    present = [field for _, field in amounts if field != TABLE_TOTAL]
    placed = sorted((index, table_total(record, present) if field == TABLE_TOTAL else field)
                    for index, field in amounts)
    fields = [field for _, field in placed]
    repeated = sorted({field for field in fields if fields.count(field) > 1})
    if repeated:
        return f"the header names the column(s) {', '.join(repeated)} twice"
    # A column every row must have (合计) that no heading names: the rows cannot be read.
    missing = [f.name for f in attrs.fields(record) if f.default is attrs.NOTHING and f.name not in fields]
    if missing:
        return f"the header names no column for {', '.join(missing)}"
    return _Placed(lead=tuple([role for _, role in lead]), amounts=tuple(fields),
                   indexes=tuple([index for index, _ in [*lead, *placed]]))


def _from_words(header: Sequence[Sequence[str]], record: type, economic: bool) -> _Placed | str:
    """The columns from the headings' words and positions (header rows by their cells) alone,
    whatever rows they stand in."""
    rows = [(row, index, heading(cell)) for row, cells in enumerate(header)
            for index, cell in enumerate(cells) if cell.strip()]
    last_row = max((row for row, _, _ in rows), default=0)
    names = sum(1 for _, _, label in rows if _NAME.fullmatch(label))
    lead: list[tuple[int, str]] = []
    found: list[tuple[int, str]] = []  # (index, field, or "" for a subtotal word)
    for row, index, label in sorted(rows, key=lambda cell: (cell[1], cell[0])):
        role = _lead_role(label, (label,), names, economic)
        if role is not None:
            lead.append((index, role))
            continue
        field = ("" if label == "小计" else TABLE_TOTAL if re.fullmatch(SUBTOTALS, label)
                 else _field_named(record, (label,)))
        if field is None:
            if row == last_row:
                return f"the column headed {label!r} is not one the reader knows"
            continue  # a heading over others (支出预算, 项目): its columns speak for it
        found.append((index, field))
    fields = {field for _, field in found if field and field != TABLE_TOTAL}
    groups = {field for field in fields if any(part in fields for part in parts_of(record, field))}
    amounts = []
    for position, (index, field) in enumerate(found):
        if field == "":  # 小计: the group of the next heading to its right
            following = next((f for _, f in found[position + 1:] if f and f != TABLE_TOTAL), None)
            field = following if following in groups else parent_of(record, following) if following else None
            if field is None:
                return f"a 小计 at column {index} stands for no group of columns"
        elif field in groups:
            continue  # a group heading: its 小计, where printed, is its column
        amounts.append((index, field))
    return _placed(record, sorted(lead), amounts)


def join_wrapped(header: Sequence[SourceLine], record: type) -> list[SourceLine]:
    """The header rows with every heading an extraction cut over rows joined into its first piece:
    a piece the words do not know followed, in the same column, by the rest of a heading they know.

    >>> from cnbudget.model import ExpenditureAmounts
    >>> from cnbudget.readers.text.source import split_lines
    >>> rows = join_wrapped(split_lines("\\t\\t单位预留机动经\\n合计\\t项目支出\\n\\t\\t费"), ExpenditureAmounts)
    >>> [line.cells for line in rows]
    [('', '', '单位预留机动经费'), ('合计', '项目支出'), ('', '', '')]
    """
    joined = _joined_cells([line.cells for line in header], record)
    return [line.with_cells(cells) for line, cells in zip(header, joined, strict=True)]


def _joined_cells(header: Sequence[Sequence[str]], record: type) -> list[tuple[str, ...]]:
    """:func:`join_wrapped` of header rows given by their cells."""
    grid = [list(cells) for cells in header]
    for row, cells in enumerate(grid):
        for index, cell in enumerate(cells):
            if not cell.strip() or _known(cell, record):
                continue
            below = [(r, grid[r][index]) for r in range(row + 1, min(row + 1 + _WRAPPED_ROWS, len(grid)))
                     if index < len(grid[r]) and grid[r][index].strip()]
            for count in range(1, min(3, len(below)) + 1):
                joined = cell + "".join(text for _, text in below[:count])
                if _known(joined, record):
                    cells[index] = joined
                    for r, _ in below[:count]:
                        grid[r][index] = ""
                    break
    return [tuple(cells) for cells in grid]


_WRAPPED_ROWS = 5  # how far below its first piece an extraction may put the rest of a heading


@functools.lru_cache(maxsize=4096)
def _field_named(record: type, path: tuple[str, ...]) -> str | None:
    """:func:`field_of`, kept: a template's headings recur in every table of it and every document,
    and the words of each are tried against every column's patterns (a pure look-up)."""
    return field_of(record, path)


@functools.lru_cache(maxsize=4096)
def _known(text: str, record: type) -> bool:
    label = heading(text)
    return (_field_named(record, (label,)) not in (None, TABLE_TOTAL) or re.fullmatch(SUBTOTALS, label) is not None
            or _lead_role(label, (label,), 2, False) is not None)


#: Why a row's cells could not be placed under the columns: two of them stand at one column (an
#: extraction cut a figure in two, ``267.8`` | ``0``), which reading by content would misplace.
CELLS_COLLIDE = "two cells of the row stand under one column (a figure cut in two?)"


def project_cells(line: SourceLine, derived: DerivedLayout) -> tuple[str, ...] | str:
    """The row's cells under the header's columns, or why they do not stand there.

    A cell one column off its heading (the extraction moved it) is taken to that heading's column
    where no other cell is; two cells at one column (:data:`CELLS_COLLIDE`), a cell far from every
    column, or a cell without the shape of its column (an amount under 名称) mean the row's cells are
    not where the headings are.
    """
    width = len(derived.indexes)
    if derived.in_order and len(line.cells) <= width:
        # Each cell stands under its own column (most rows): none to move, none to collide.
        cells = tuple([cell if cell.strip() else "" for cell in line.cells]) + ("",) * (width - len(line.cells))
    else:
        placed = _placed_cells(line, derived.columns)
        if isinstance(placed, str):
            return placed
        cells = tuple(map(placed.get, derived.indexes, itertools.repeat("")))
    lead = len(derived.layout.lead)
    if not fits_lead(derived.layout, cells[:lead]):
        return "a figure stands under a code or a name"
    if any(text.strip() and not is_amount(text) and text.strip() not in _DASHES for text in cells[lead:]):
        return "words stand under an amount"
    return cells


def _placed_cells(line: SourceLine, columns: frozenset[int]) -> dict[int, str] | str:
    """The row's filled cells by the column each stands under (its own, or a free one beside it), or
    why they do not stand under the columns (:func:`project_cells`)."""
    placed: dict[int, str] = {}
    for index, cell in enumerate(line.cells):
        if not cell.strip():
            continue
        column = index if index in columns else next(
            (near for near in (index - 1, index + 1) if near in columns and not _filled(line, near)), None)
        if column is None:
            return "a cell stands under no column"
        if column in placed:
            both_figures = is_amount(placed[column]) and is_amount(cell)
            return CELLS_COLLIDE if both_figures else "two cells stand under one column"
        placed[column] = cell
    return placed


def _filled(line: SourceLine, index: int) -> bool:
    return index < len(line.cells) and bool(line.cells[index].strip())


_DASHES = {"-", "—", "－", "--"}
