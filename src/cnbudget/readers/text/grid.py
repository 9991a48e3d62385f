"""Separate a table block into header rows, data rows, notes and page furniture (表格结构).

Tables continued over pages repeat their heading lines (编制部门, 单位：万元), their header rows and
their column-number row (※ 1 2 3 …); those repeats are set aside so that the data rows of all pages
follow each other. Sentences inside the block are notes, among them the statement that a table is
empty (…为空表).

>>> from cnbudget.readers.text.source import split_lines
>>> lines = split_lines("编制部门：某局\\n单位：万元\\n类\\t款\\t项\\t名称\\t合计\\n"
...                     "210\\t\\t\\t卫生健康支出\\t5.00\\n类\\t款\\t项\\t名称\\t合计\\n"
...                     "210\\t15\\t\\t医疗保障管理事务\\t5.00")
>>> grid = make_grid(lines)
>>> [row.cells[3] for row in grid.rows], len(grid.header), grid.unit_text
(['卫生健康支出', '医疗保障管理事务'], 1, '万元')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal

import attrs

from cnbudget.errors import InvalidAmount
from cnbudget.model import is_total_label
from cnbudget.money import parse_amount
from cnbudget.numbering import is_table_number
from cnbudget.readers.text.source import SourceLine

__all__ = ["Grid", "any_filled", "cell_amount", "is_amount", "is_heading_line", "looks_like_data", "make_grid"]

_META = re.compile(r"^(?:编制部门|编制单位|部门名称|单位名称|预算单位|部门)\s*[:：]|^单位\s*[:：]|^金额单位")
_META_STARTS = "编部单预金"  # the first characters _META takes: another first character is no heading
_UNIT = re.compile(r"单位\s*[:：]\s*(万元|元|亿元)")
_UNIT_WORD = "单位"  # what every _UNIT match holds: a line without it prints no unit
_YEAR_LINE = re.compile(r"^[(（]\s*20\d\d\s*年度?\s*[)）]$")
_YEAR_STARTS = "(（"  # the first characters _YEAR_LINE takes
_CODE_CELL = re.compile(r"^\d{3}(?:\d{2}){0,2}$")


def is_heading_line(line: SourceLine) -> bool:
    """Whether a line is one of a table's heading lines, above its column headings: 编制部门：…,
    单位：万元, (2024年度), 表 3.

    >>> [is_heading_line(SourceLine.of(1, text)) for text in ("单位：万元", "公开 05 表", "合计\t100")]
    [True, True, False]
    """
    squeezed = line.squeezed
    first = squeezed[:1]  # the patterns run only where the line starts as they do (few lines)
    return ((first in _META_STARTS and _META.match(squeezed) is not None)
            or (first in _YEAR_STARTS and _YEAR_LINE.match(squeezed) is not None)
            or is_table_number(squeezed))


# A character no printed amount holds (parse_amount reads digits, separators, signs, spaces and a
# unit): a cell with one is no amount, told without parsing it (most cells are names).
_NEVER_IN_AMOUNT = re.compile(r"[^0-9,.\-E+\s亿万元０-９，．－—–−]")


@functools.lru_cache(maxsize=8192)  # a pure function of the cell: a figure recurs in a document's tables and passes
def cell_amount(cell: str) -> Decimal | None:
    """The amount a cell prints (:func:`~cnbudget.money.parse_amount`: a blank or dash is zero), or
    ``None`` where it prints none."""
    if _NEVER_IN_AMOUNT.search(cell) is not None:
        return None
    try:
        return parse_amount(cell)
    except InvalidAmount:
        return None


def any_filled(cells: Iterable[str]) -> bool:
    """Whether any cell holds more than white space.

    >>> any_filled(["", " ", "\u3000"]), any_filled(["", " 5.00"])
    (False, True)
    """
    return any(map(str.strip, cells))  # asked of every side of a row: no generator's frame per call


@functools.lru_cache(maxsize=8192)  # a pure function of the cell, asked of each cell by several steps of a read
def is_amount(cell: str) -> bool:
    """Whether a cell holds an amount (blank cells and dashes do not count here)."""
    stripped = cell.strip()
    if not stripped or stripped in {"-", "—", "－", "--"}:
        return False
    return cell_amount(cell) is not None


def _is_numbering(line: SourceLine) -> bool:
    if "※" not in line.raw:  # a cell of ※ is printed in the line (most lines hold none)
        return False
    cells = [c for c in line.cells if c]
    return bool(cells) and all(c == "※" or c.isdigit() for c in cells) and "※" in cells


def looks_like_data(line: SourceLine) -> bool:
    """The default test for a data row: an amount in it, a code in its first cells, or a total."""
    cells = line.cells
    if any(map(is_amount, cells[1:])):
        return True
    if any(_CODE_CELL.match(cell) for cell in cells[:3]):
        return True
    # A total row whose cells are all blank is data; 合计 among other headings is a heading.
    texts = [cell.replace(" ", "") for cell in cells if cell.strip()]
    return len(texts) == 1 and is_total_label(texts[0])


def _signature(line: SourceLine) -> tuple[str, ...]:
    return tuple(_without_spaces(cell) for cell in line.cells)


def _without_spaces(cell: str) -> str:
    if " " not in cell and cell.isprintable():  # no space (every space but " " is unprintable): as it is
        return cell
    return "".join(cell.split())  # every space out (str.split: what \s matches)


@attrs.frozen(kw_only=True)
class Grid:
    """A table block taken apart."""

    header: tuple[SourceLine, ...]
    rows: tuple[SourceLine, ...]
    notes: tuple[SourceLine, ...]
    meta: tuple[SourceLine, ...]
    numbering: SourceLine | None
    unit_text: str | None
    #: All header cells run together without spaces, for recognising the layout (kept: each layout
    #: a table may have is tried on it; given by make_grid, which has the header rows' cells so already).
    header_text: str = attrs.field(eq=False, repr=False)

    @header_text.default
    def _header_text(self) -> str:
        return "".join("".join(_signature(line)) for line in self.header)

    @property
    def column_count(self) -> int | None:
        """The number of columns the ※/number row announces, if the table prints one."""
        return len(self.numbering.cells) if self.numbering is not None else None


def make_grid(
    lines: Sequence[SourceLine], is_data: Callable[[SourceLine], bool] = looks_like_data
) -> Grid:
    """Take a block apart; ``is_data`` decides which tabular lines are data rows."""
    header: list[SourceLine] = []
    rows: list[SourceLine] = []
    notes: list[SourceLine] = []
    meta: list[SourceLine] = []
    numbering: SourceLine | None = None
    unit_text: str | None = None
    seen_headers: set[tuple[str, ...]] = set()
    seen_lasts: set[str] = set()  # the last cells of those header rows, spaces out
    header_text: list[str] = []  # the header rows' cells without spaces, run together
    for line in lines:
        if line.is_blank:
            continue
        if _UNIT_WORD in line.text and (unit := _UNIT.search(line.text)) is not None:
            unit_text = unit_text or unit.group(1)
        if is_heading_line(line):
            meta.append(line)
            continue
        if _is_numbering(line):
            numbering = numbering or line
            continue
        if not line.is_tabular:
            notes.append(line)
            continue
        # A row whose last cell ends no header row (a data row's is mostly a figure) repeats none.
        if seen_lasts and _without_spaces(line.cells[-1]) in seen_lasts and _signature(line) in seen_headers:
            continue  # a header row repeated on a new page
        if is_data(line) or (rows and _is_continuation(line)):
            rows.append(line)
        elif not rows:
            header.append(line)
            signature = _signature(line)
            seen_headers.add(signature)
            seen_lasts.add(signature[-1])
            header_text += signature
        # else: a header row of a later page printed slightly differently; the first is kept
    return Grid(
        header=tuple(header),
        rows=tuple(rows),
        notes=tuple(notes),
        meta=tuple(meta),
        numbering=numbering,
        unit_text=unit_text,
        header_text="".join(header_text),
    )


def _is_continuation(line: SourceLine) -> bool:
    """A row holding only the rest of the previous row's text, cut by a page break."""
    filled = [cell for cell in line.cells if cell]
    return len(filled) == 1 and len(filled[0]) <= 12 and not is_amount(filled[0])
