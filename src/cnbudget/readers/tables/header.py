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

import re
from collections.abc import Sequence

import attrs

from cnbudget.model.columns import TABLE_TOTAL, field_of, heading, table_total
from cnbudget.model.sums import identities
from cnbudget.readers.tables.columns import Layout
from cnbudget.readers.tables.rows import fits_lead
from cnbudget.readers.text.grid import is_amount
from cnbudget.readers.text.source import SourceLine

__all__ = ["Column", "DerivedLayout", "derive_layout", "header_columns", "project_cells"]

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


@attrs.frozen
class _Heading:
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
    headings: list[_Heading] = []
    last = max((len(line.cells) for line in header), default=0) - 1
    for row, line in enumerate(header):
        filled = [(index, cell) for index, cell in enumerate(line.cells) if cell.strip()]
        for position, (index, cell) in enumerate(filled):
            following = filled[position + 1][0] - 1 if position + 1 < len(filled) else None
            parent = _parent(headings, row, index, following)
            limit = headings[parent].end if parent is not None else last
            end = limit if following is None else min(following, limit)
            headings.append(_Heading(row=row, start=index, end=max(index, end), text=cell.strip(), parent=parent))
    parents = {h.parent for h in headings if h.parent is not None}
    columns = []
    for position, found in enumerate(headings):
        if position in parents:
            continue  # it has headings below it: not a column of its own
        path = [found.text]
        above = found.parent
        while above is not None:
            path.insert(0, headings[above].text)
            above = headings[above].parent
        columns.append(Column(index=found.start, path=tuple(path)))
    return sorted(columns, key=lambda column: column.index)


def _parent(headings: Sequence[_Heading], row: int, start: int, following: int | None) -> int | None:
    """The heading of the nearest row above that covers ``start``; where ``start`` is that heading's
    last column and the heading reaches further right (to ``following``) over more than one column of
    the next heading, the next one (the extraction printed it one cell early)."""
    for above in range(row - 1, -1, -1):
        candidates = [(position, h) for position, h in enumerate(headings) if h.row == above]
        covering = next((position for position, h in candidates if h.start <= start <= h.end), None)
        if covering is None:
            continue
        if following is not None and headings[covering].end == start < following:
            after = next((position for position, h in candidates if start < h.start <= following), None)
            if after is not None and min(following, headings[after].end) - headings[after].start + 1 > 1:
                return after  # it shares more columns with the next heading than its one with this
        return covering
    return None


@attrs.frozen(kw_only=True)
class DerivedLayout:
    """A layout read from a header, and the cell index of each of its columns (lead, then amounts)."""

    layout: Layout
    indexes: tuple[int, ...]


def _lead_role(label: str, path: tuple[str, ...], names: int, economic: bool) -> str | None:
    if _AGENCY_CODE.fullmatch(label):
        return "agency_code"
    gov = any(_GOV.search(heading(text)) for text in path)
    if _CODE_PART.fullmatch(label):
        if not economic:
            return "code"
        part = "category" if label == "类" else "section"
        return f"gov_{part}" if gov else f"econ_{part}"
    if _WHOLE_CODE.fullmatch(label):
        return ("gov" if gov else "econ") if economic else "code"
    if _PROJECT.fullmatch(label) and names > 1:
        return "project"
    if _NAME.fullmatch(label):
        return "gov_name" if gov and economic else "name"
    return None


def derive_layout(header: Sequence[SourceLine], record: type, *, economic: bool = False) -> DerivedLayout | str:
    """The layout the header rows describe for rows of ``record`` (economic codes where ``economic``),
    or why it cannot be read."""
    columns = header_columns(header)
    names = sum(1 for column in columns if _NAME.fullmatch(heading(column.path[-1])))
    lead: list[tuple[int, str]] = []
    amounts: list[tuple[int, str]] = []
    for column in columns:
        label = heading(column.path[-1])
        role = None if amounts else _lead_role(label, column.path, names, economic)
        if role is not None:
            lead.append((column.index, role))
            continue
        field = field_of(record, column.path)
        if field is None:
            return f"the column headed {'/'.join(column.path)!r} is not one the reader knows"
        amounts.append((column.index, field))
    if not amounts:
        return "the header names no amount column"
    present = [field for _, field in amounts if field != TABLE_TOTAL]
    amounts = [(index, table_total(record, present) if field == TABLE_TOTAL else field) for index, field in amounts]
    fields = [field for _, field in amounts]
    repeated = sorted({field for field in fields if fields.count(field) > 1})
    if repeated:
        return f"the header names the column(s) {', '.join(repeated)} twice"
    layout = Layout(
        name="from-header",
        signature=(),
        lead=tuple(role for _, role in lead),
        amounts=tuple(fields),
        identities=tuple((i.total, i.parts) for i in identities(record, fields)),
    )
    return DerivedLayout(layout=layout, indexes=tuple(index for index, _ in [*lead, *amounts]))


def project_cells(line: SourceLine, derived: DerivedLayout) -> tuple[str, ...] | None:
    """The row's cells under the header's columns, or ``None`` when they do not stand there: a filled
    cell under no column, or a cell that has not the shape of its column (an amount under 名称, words
    under a code) — the extraction shifted the row."""
    wanted = set(derived.indexes)
    if any(cell.strip() and index not in wanted for index, cell in enumerate(line.cells)):
        return None
    cells = tuple(line.cells[index] if index < len(line.cells) else "" for index in derived.indexes)
    lead = len(derived.layout.lead)
    if not fits_lead(derived.layout, cells[:lead]):
        return None
    if any(text.strip() and not is_amount(text) and text.strip() not in _DASHES for text in cells[lead:]):
        return None
    return cells


_DASHES = {"-", "—", "－", "--"}
