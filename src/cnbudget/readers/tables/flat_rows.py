"""Reading a row-per-line table whose text lost its columns (无栏目表格的读取).

Some PDF conversions print every row of a table as one line of words and numbers
(``205 08 03 培训支出 0.92 0.92``), or a code line, the name wrapped over the next lines and the
figures on a later line; the header cells come out scattered over many short lines, and blank cells
are simply missing. The layout is still recognised by the header words, which occur in the block
in reading order; the amount columns then follow the template's layout for the table's title.

A row's figures can be put in their columns with certainty only when the row prints as many
figures as the layout has amount columns (dashes for blank cells count), or when the row's own
identities (合计 = 基本支出 + 项目支出 …) hold under exactly one way of putting them back in order.
``0.92 0.92`` under 合计/基本支出/项目支出 fits two ways, so it is not certain. A table is read only
when every one of its rows and lines is certain: a table missing some rows would break every sum
over it. Otherwise it is reported, naming each row that cannot be placed and why.

>>> from cnbudget.readers.text.blocks import find_blocks
>>> from cnbudget.readers.tables.columns import Layout
>>> from cnbudget.readers.text.source import split_lines
>>> layout = Layout(name="demo", signature=("合计", "基本支出", "项目支出"), lead=("code", "name"),
...                 amounts=("total", "basic", "project"), identities=(("total", ("basic", "project")),))
>>> text = '''一般公共预算支出情况表
... 功能分类科目名称 合计 基本支出
... 项目支出
... 210 卫生健康支出 5.00 3.00 2.00
... 210 11
... 行政事业单位
... 医疗
... 3.00 3.00 -
... 合 计 5.00 3.00 2.00'''
>>> reading = read_flat_rows(find_blocks(split_lines(text))[0], [layout])
>>> [(str(row.code), row.name, str(row.values["project"])) for row in reading.rows], reading.problems
([('210', '卫生健康支出', '2.00'), ('21011', '行政事业单位医疗', '0'), ('None', '合计', '2.00')], [])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

import attrs

from cnbudget.codes import ClassificationCode, FunctionCode
from cnbudget.errors import InvalidCode
from cnbudget.money import parse_amount
from cnbudget.readers.result import Problem
from cnbudget.readers.tables.columns import Layout, choose_layout, fitting_placements
from cnbudget.readers.tables.lost_columns import lost_columns
from cnbudget.readers.tables.rows import RowRecord
from cnbudget.readers.tables.tabling import TableReading, is_empty_statement, read_grid_rows
from cnbudget.readers.text.blocks import Block, title_key
from cnbudget.readers.text.flat_cells import FlatLine, LineKind, figure_convention, read_flat_line
from cnbudget.readers.text.grid import Grid, make_grid
from cnbudget.readers.text.source import SourceLine, clean_name

__all__ = ["read_flat_rows", "read_table_rows"]

_NOTE = re.compile(r"^\s*(?:备注|注|说明)\s*[:：]|。\s*$")
_NAMED_EMPTY = re.compile(r"([^\s,，。；;:：]{2,40}?表)\s*为空表")
_MAX_CONTINUATION = 12  # the rest of a name cut off after its figures is short (as in rows.py)
# The heading over a table's amount columns names its table; the text under another table's title
# (a page whose title the conversion printed after its table) must not be read as this one.
_TABLE_HEADINGS: tuple[tuple[str, str], ...] = (
    ("一般公共预算基本支出", "general_budget_basic"),
    ("一般公共预算项目支出", "general_budget_projects"),
    ("一般公共预算支出", "general_budget"),
    ("政府性基金预算支出", "gov_fund"),
    ("国有资本经营预算支出", "soe_capital"),
)
_FLAT_LEAD = frozenset({"code", "name"})


def read_table_rows(
    block: Block, layouts: Sequence[Layout], *, family: type[ClassificationCode] = FunctionCode
) -> TableReading:
    """Read a block's rows by its tab-separated cells, or as flat lines when the text has none.

    >>> from cnbudget.readers.text.blocks import find_blocks
    >>> from cnbudget.readers.tables.function_tables import EXPENDITURE_LAYOUTS
    >>> from cnbudget.readers.text.source import split_lines
    >>> text = "政府性基金预算支出情况表\\n功能分类科目名称 合计 基本支出 项目支出\\n合计 1.00 1.00 0.00"
    >>> reading = read_table_rows(find_blocks(split_lines(text))[0], EXPENDITURE_LAYOUTS)
    >>> reading.layout.name, reading.rows[0].values["project"]
    ('standard', Decimal('0.00'))
    """
    if lost_columns(block) is None:
        return read_grid_rows(block, layouts, family=family)
    return read_flat_rows(block, layouts, family=family)


@attrs.define(kw_only=True)
class _FlatRow:
    """A row being gathered from its lines."""

    lines: list[SourceLine]
    code: tuple[str, ...]
    label: list[str]
    figures: tuple[str, ...] | None  # None until the row's figures are met

    @property
    def first(self) -> SourceLine:
        return self.lines[0]


def read_flat_rows(
    block: Block, layouts: Sequence[Layout], *, family: type[ClassificationCode] = FunctionCode
) -> TableReading:
    """Read a block printed without cells; ``layout`` is ``None`` (with problems) unless every row
    is certain."""
    furniture = make_grid(block.lines)
    set_aside = {line.number for line in furniture.meta}
    if furniture.numbering is not None:
        set_aside.add(furniture.numbering.number)
    content = [line for line in block.lines if not line.is_blank and line.number not in set_aside]
    notes = [line for line in content if _NOTE.search(line.text) or is_empty_statement(line.text)]
    noted = {line.number for line in notes}
    lines = [line for line in content if line.number not in noted]
    convention = figure_convention(line.text for line in lines)
    parts = family.PART_LENGTHS
    read = [(line, read_flat_line(line.text, convention, parts)) for line in lines]
    start = next((i for i, (_, flat) in enumerate(read) if flat.kind is LineKind.ROW or flat.carries_figures),
                 len(read))
    header = [line for line, flat in read[:start] if flat.kind is not LineKind.PAGE]
    body = read[start:]
    grid = Grid(header=tuple(header), rows=tuple(line for line, _ in body), notes=tuple(notes),
                meta=furniture.meta, numbering=furniture.numbering, unit_text=furniture.unit_text)
    header_text = "".join(line.squeezed for line in header)
    layout = choose_layout(header_text, layouts)

    def refused(message: str, problems: Sequence[Problem] = ()) -> TableReading:
        summary = Problem(line=block.title.number, text=block.title.text,
                          message=f"table not read: the text lost the table's columns and {message}", table=block.key)
        return TableReading(grid=grid, layout=None, rows=(), problems=[summary, *problems])

    if _states_empty(block, notes) and (layout is None or not body):
        return TableReading(grid=grid, layout=layout or layouts[-1], rows=(), problems=_set_aside(block, body))
    if layout is None:
        return refused(f"its headings match no known layout (headings: {header_text[:80]!r})")
    other = _other_table(block.key, header_text)
    if other is not None:
        return refused(f"the headings below this title name {other}, another table's")
    if not set(layout.lead) <= _FLAT_LEAD:
        return refused(f"the columns {sorted(set(layout.lead) - _FLAT_LEAD)} cannot be told apart without cells")
    rows, problems = _gather(block, body, header)
    records: list[RowRecord] = []
    for row in rows:
        record = _record(block, row, layout, family, problems)
        if record is not None:
            records.append(record)
    if problems:
        uncertain = sorted({p.line for p in problems if p.line is not None})
        return refused(f"{len(uncertain)} of its lines cannot be placed with certainty (lines "
                       f"{', '.join(map(str, uncertain))}); a table missing rows would break its sums", problems)
    return TableReading(grid=grid, layout=layout, rows=tuple(records), problems=[])


def _gather(
    block: Block, body: Sequence[tuple[SourceLine, FlatLine]], header: Sequence[SourceLine]
) -> tuple[list[_FlatRow], list[Problem]]:
    """Group the lines below the headings into rows: a row opens at a code or a total label and takes
    the name lines and the one figures line that follow it."""
    headings = {line.squeezed for line in header}
    rows: list[_FlatRow] = []
    problems: list[Problem] = []

    def unplaced(line: SourceLine, why: str) -> None:
        problems.append(Problem(line=line.number, text=line.raw, message=f"line not read: {why}", table=block.key))

    for line, flat in body:
        current = rows[-1] if rows else None
        if flat.kind is LineKind.PAGE:
            continue
        if flat.kind is not LineKind.ROW and not flat.figures and line.squeezed in headings:
            continue  # a heading repeated on a new page
        if flat.kind is LineKind.UNREADABLE:
            unplaced(line, flat.problem or "it cannot be taken apart")
        elif flat.kind in (LineKind.ROW, LineKind.TOTAL):
            rows.append(_FlatRow(lines=[line], code=flat.code, label=[flat.label] if flat.label else [],
                                 figures=flat.figures or None))
        elif current is None:
            unplaced(line, "figures or text before the first row")
        elif current.figures is None:
            current.lines.append(line)
            if flat.label:
                current.label.append(flat.label)
            current.figures = flat.figures or None
        elif flat.kind is LineKind.FIGURES or flat.figures:
            unplaced(line, f"figures that belong to no row (the row of line {current.first.number} has its figures)")
        elif len(line.squeezed) <= _MAX_CONTINUATION:
            current.lines.append(line)  # the rest of the name, cut off after the row's figures
            current.label.append(flat.label)
        else:
            unplaced(line, "text that is neither a row nor the rest of a name")
    return rows, problems


def _record(
    block: Block, row: _FlatRow, layout: Layout, family: type[ClassificationCode], problems: list[Problem]
) -> RowRecord | None:
    """The row's record when its code, name and figures are certain; otherwise a problem."""

    def refuse(why: str) -> None:
        problems.append(Problem(line=row.first.number, text=" / ".join(line.raw.strip() for line in row.lines),
                                message=f"row not read: {why}", table=block.key))

    name = clean_name(" ".join(row.label))
    try:
        code = _parse_code(row.code, family)
    except InvalidCode as error:
        refuse(str(error))
        return None
    if not name:
        refuse("the row has no name")
        return None
    printed = row.figures or ()
    figures = [parse_amount(figure) for figure in printed]
    width = len(layout.amounts)
    if len(figures) == width:
        values = dict(zip(layout.amounts, figures, strict=True))
    elif len(figures) > width:
        refuse(f"{len(figures)} figures for {width} amount columns ({', '.join(layout.amounts)})")
        return None
    else:
        fits = _distinct(fitting_placements(layout, figures))
        if len(fits) != 1:
            refuse(_ambiguity(printed, layout, fits))
            return None
        values = fits[0]
    return RowRecord(line=row.first, code=code, name=name, values=values)


def _parse_code(parts: tuple[str, ...], family: type[ClassificationCode]) -> ClassificationCode | None:
    if not parts:
        return None
    if len(parts) == 1:
        return family(parts[0])
    return family.from_parts(*parts)


def _distinct(fits: list[dict[str, Decimal]]) -> list[dict[str, Decimal]]:
    """The placements that differ in some amount: a printed 0.00 where a blank would stand is the same."""
    distinct: list[dict[str, Decimal]] = []
    for fit in fits:
        if fit not in distinct:
            distinct.append(fit)
    return distinct


def _ambiguity(printed: Sequence[str], layout: Layout, fits: list[dict[str, Decimal]]) -> str:
    counted = f"{len(printed)} figure(s) ({' '.join(printed)}) for {len(layout.amounts)} amount columns"
    if not fits:
        return f"{counted}: no way of putting back the blank cells satisfies the row's identities"
    # A blank cell is Decimal("0"); a printed zero keeps its decimals ("0.00") and is shown.
    shown = "; ".join(
        ", ".join(f"{field}={value}" for field, value in fit.items() if str(value) != "0") for fit in fits[:3]
    )
    more = f" and {len(fits) - 3} more" if len(fits) > 3 else ""
    return (f"{counted}: the text lost the blank cells and {len(fits)} placements fit the row's identities "
            f"({shown}{more})")


def _states_empty(block: Block, notes: Sequence[SourceLine]) -> bool:
    """Whether the block says its table is empty (a statement naming another table does not count)."""
    for note in notes:
        if not is_empty_statement(note.text):
            continue
        named = _NAMED_EMPTY.search(note.squeezed)
        if named is None or title_key(named.group(1)) in (None, block.key):
            return True
    return False


def _set_aside(block: Block, body: Sequence[tuple[SourceLine, FlatLine]]) -> list[Problem]:
    """Lines with figures in a block that states its table is empty, under headings not its own."""
    numbers = [line.number for line, _ in body]
    if not numbers:
        return []
    return [Problem(
        line=numbers[0], text=body[0][0].raw,
        message=f"lines {numbers[0]}-{numbers[-1]} were set aside: the block states that this table is empty "
                "and their headings are not this table's",
        table=block.key,
    )]


def _other_table(key: str, header_text: str) -> str | None:
    """The heading of another table the header carries, when it carries none of this table's."""
    named = {table: heading for heading, table in _TABLE_HEADINGS if heading in header_text}
    if key in named or not named:
        return None
    return "、".join(named.values())
